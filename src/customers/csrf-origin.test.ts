import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalOf } from "../platform/auth.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn, withoutCsrfHeader } from "../../test/support/sessions.js";

/** An unsafe session route of the real API: ends the caller's other sessions. */
const REVOKE_OTHERS = "/api/customers/sessions/revoke-others";

const TRUSTED = "https://app.example.com,https://*.partner.example,http://localhost:5173";

describe("CSRF origin check (Django's Origin and Referer checks)", () => {
  describe("on a plain-http site (PUBLIC_BASE_URL http://localhost:8000)", () => {
    let t: TestApp;
    let userId: string;
    beforeAll(async () => {
      t = await createTestApp({
        env: {
          CSRF_TRUSTED_ORIGINS: TRUSTED,
          // The CORS allowlist lets a page read replies; it does not make the page trusted.
          CORS_ALLOWED_ORIGINS: "https://cors-only.example",
        },
        routes: (app) => {
          app.post("/api/test/bearer", { config: { access: "bearer" } }, async (request) =>
            principalOf(request),
          );
        },
      });
      userId = (await createVerifiedUser(t.services.db)).user.id;
    });
    afterAll(async () => t.close());

    // A fresh session of one user for each request: argon2 makes every new user slow.
    async function revokeOthers(headers: Record<string, string>) {
      const signedIn = await signIn(t, userId);
      return t.app.inject({
        method: "POST",
        url: REVOKE_OTHERS,
        headers: { ...signedIn.headers, ...headers },
      });
    }

    it("refuses a session request with the right token from another origin: 403 csrf_failed", async () => {
      const response = await revokeOthers({ origin: "https://evil.example" });
      const problem = expectProblem(response, 403, "csrf_failed");
      expect(problem.detail).toContain("https://evil.example");
      expect(problem.detail).toContain("CSRF_TRUSTED_ORIGINS");
    });

    it.each([
      ["PUBLIC_BASE_URL's origin", "http://localhost:8000", {}],
      ["the Host's origin", "http://127.0.0.1:8000", { host: "127.0.0.1:8000" }],
      ["a trusted origin", "https://app.example.com", {}],
      ["a trusted http origin with a port", "http://localhost:5173", {}],
      ["a subdomain of a trusted *. domain", "https://eu.portal.partner.example", {}],
      ["the trusted *. domain itself", "https://partner.example", {}],
    ])("takes %s (%s)", async (_what, origin, headers) => {
      const response = await revokeOthers({ origin, ...headers });
      expect(response.statusCode, response.body).toBe(200);
    });

    it.each([
      ["another port of this host", "http://localhost:8001"],
      ["https on this http host", "https://localhost:8000"],
      ["an origin only CORS_ALLOWED_ORIGINS lists", "https://cors-only.example"],
      ["a trusted *. domain on another port", "https://eu.partner.example:8443"],
      ["a trusted *. domain over http", "http://eu.partner.example"],
      ["a look-alike of a trusted *. domain", "https://evilpartner.example"],
      ["the opaque origin", "null"],
      ["a value that is no origin", "not a url"],
    ])("refuses %s (%s)", async (_what, origin) => {
      expectProblem(await revokeOthers({ origin }), 403, "csrf_failed");
    });

    it("still needs the token when the origin is the site's own", async () => {
      const signedIn = await signIn(t, userId);
      const response = await t.app.inject({
        method: "POST",
        url: REVOKE_OTHERS,
        headers: { ...withoutCsrfHeader(signedIn), origin: "http://localhost:8000" },
      });
      expectProblem(response, 403, "csrf_failed");
    });

    it("takes a request without Origin or Referer over http (the token decides, as in Django)", async () => {
      expect((await revokeOthers({})).statusCode).toBe(200);
    });

    it("does not check safe methods", async () => {
      const signedIn = await signIn(t, userId);
      const response = await t.app.inject({
        method: "GET",
        url: "/api/customers/sessions",
        headers: { ...signedIn.headers, origin: "https://evil.example" },
      });
      expect(response.statusCode).toBe(200);
    });

    it("does not check API-token or JWT requests, which a browser never sends by itself", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const token = await createApiToken(t, user.id);
      const byToken = await t.app.inject({
        method: "POST",
        url: "/api/test/bearer",
        headers: { authorization: `Bearer ${token.token}`, origin: "https://evil.example" },
      });
      expect(byToken.statusCode, byToken.body).toBe(200);

      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: user.email, password },
      });
      const { access } = login.json<{ access: string }>();
      const byJwt = await t.app.inject({
        method: "POST",
        url: REVOKE_OTHERS,
        headers: { authorization: `Bearer ${access}`, origin: "https://evil.example" },
      });
      expect(byJwt.statusCode, byJwt.body).toBe(200);
    });
  });

  describe("on an https site (PUBLIC_BASE_URL https://tollgate.example)", () => {
    let t: TestApp;
    let userId: string;
    beforeAll(async () => {
      t = await createTestApp({
        env: { PUBLIC_BASE_URL: "https://tollgate.example", CSRF_TRUSTED_ORIGINS: TRUSTED },
      });
      userId = (await createVerifiedUser(t.services.db)).user.id;
    });
    afterAll(async () => t.close());

    // A fresh session of one user for each request: argon2 makes every new user slow.
    async function revokeOthers(headers: Record<string, string>) {
      const signedIn = await signIn(t, userId);
      return t.app.inject({
        method: "POST",
        url: REVOKE_OTHERS,
        headers: { host: "tollgate.example", ...signedIn.headers, ...headers },
      });
    }

    it("refuses http origins of its own host", async () => {
      expectProblem(await revokeOthers({ origin: "http://tollgate.example" }), 403, "csrf_failed");
      expect((await revokeOthers({ origin: "https://tollgate.example" })).statusCode).toBe(200);
    });

    it("without Origin, needs an https Referer of a trusted origin", async () => {
      const cases: [Record<string, string>, number, string?][] = [
        [{}, 403, "no Referer"],
        [{ referer: "https://tollgate.example/portal/tokens" }, 200],
        [{ referer: "https://app.example.com/settings" }, 200],
        [{ referer: "https://a.partner.example/" }, 200],
        [{ referer: "http://tollgate.example/portal/tokens" }, 403, "insecure"],
        [{ referer: "https://evil.example/tollgate.example" }, 403, "https://evil.example"],
        [{ referer: "not a url" }, 403, "malformed"],
      ];
      for (const [headers, status, detail] of cases) {
        const response = await revokeOthers(headers);
        expect(response.statusCode, JSON.stringify(headers)).toBe(status);
        if (detail !== undefined) {
          expect(expectProblem(response, 403, "csrf_failed").detail).toContain(detail);
        }
      }
    });
  });
});
