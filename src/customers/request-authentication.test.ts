import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalOf } from "../platform/auth.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { signIn, withoutCsrfHeader } from "../../test/support/sessions.js";

describe("request authentication (sessions, CSRF, bearer tokens)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      routes: (app) => {
        app.get("/api/test/me", { config: { access: "session" } }, async (request) =>
          principalOf(request),
        );
        app.post("/api/test/me", { config: { access: "session" } }, async (request) =>
          principalOf(request),
        );
        app.post("/api/test/staff", { config: { access: "staff" } }, async () => ({ ok: true }));
        app.post("/api/test/bearer", { config: { access: "bearer" } }, async (request) =>
          principalOf(request),
        );
        app.post("/api/test/either", { config: { access: "session_or_bearer" } }, async (request) =>
          principalOf(request),
        );
      },
    });
  });
  afterAll(async () => t.close());

  it("signIn gives headers that authenticate safe and unsafe session requests", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    const get = await t.app.inject({ method: "GET", url: "/api/test/me", headers });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toMatchObject({
      userId: user.id,
      email: user.email,
      via: "session",
      isStaff: false,
    });
    const post = await t.app.inject({ method: "POST", url: "/api/test/me", headers });
    expect(post.statusCode).toBe(200);
  });

  it("refuses an unsafe session request without the CSRF header with 403 csrf_failed", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const signedIn = await signIn(t, user.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/me",
      headers: withoutCsrfHeader(signedIn),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "csrf_failed" });
  });

  it("refuses a request without a session with 401 not_authenticated", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/test/me",
      headers: { cookie: "sessionid=nope-nope-nope-nope-nope-nope" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: "not_authenticated" });
  });

  it("lets staff sessions call staff routes and refuses others with 403", async () => {
    const staff = await createVerifiedUser(t.services.db, { isStaff: true });
    const plain = await createVerifiedUser(t.services.db);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/test/staff",
      headers: (await signIn(t, staff.user.id)).headers,
    });
    expect(ok.statusCode).toBe(200);
    const denied = await t.app.inject({
      method: "POST",
      url: "/api/test/staff",
      headers: (await signIn(t, plain.user.id)).headers,
    });
    expect(denied.statusCode).toBe(403);
  });

  it("authenticates a bearer token and sets the token principal", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const token = await createApiToken(t, user.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/bearer",
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      userId: user.id,
      email: user.email,
      isStaff: false,
      via: "bearer",
      tokenId: token.id,
      tokenPrefix: token.prefix,
    });
    expect(token.prefix).toMatch(/^tok_[A-Za-z0-9_-]{8}$/);
    expect(token.token.slice(0, 12)).toBe(token.prefix);
  });

  describe("session_or_bearer routes", () => {
    it("take an API token without CSRF", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const token = await createApiToken(t, user.id);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/test/either",
        headers: { authorization: `Bearer ${token.token}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ userId: user.id, via: "bearer", tokenId: token.id });
    });

    it("take a session, with CSRF on unsafe methods", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const signedIn = await signIn(t, user.id);
      const ok = await t.app.inject({
        method: "POST",
        url: "/api/test/either",
        headers: signedIn.headers,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ userId: user.id, via: "session" });
      const noCsrf = await t.app.inject({
        method: "POST",
        url: "/api/test/either",
        headers: withoutCsrfHeader(signedIn),
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json()).toMatchObject({ code: "csrf_failed" });
    });

    it("judge a request with an Authorization header by the token alone, never falling back to the session", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const signedIn = await signIn(t, user.id);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/test/either",
        headers: { ...signedIn.headers, authorization: "Bearer tok_wrong" },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: "invalid_token" });
    });

    it("refuse an anonymous request with 401 not_authenticated", async () => {
      const response = await t.app.inject({ method: "POST", url: "/api/test/either" });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: "not_authenticated" });
    });
  });
});
