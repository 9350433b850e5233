import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, testConfig, type TestApp } from "../../test/support/app.js";
import { signIn } from "../../test/support/sessions.js";
import { docsContentSecurityPolicy } from "./docs.js";
import { registerSecurityHeaders } from "./security-headers.js";

type Headers = Record<string, string | string[] | number | undefined>;

/** The headers every reply carries, whatever its status or route. */
function expectBrowserDefences(headers: Headers): void {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
}

/** The directive's sources, e.g. ["'self'"] for "script-src 'self'". */
function directive(csp: string, name: string): string[] | undefined {
  const found = csp
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  return found?.slice(1);
}

describe("security headers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ["a public 200", "GET", "/healthz", {}, 200],
    ["a 401 problem", "GET", "/api/customers/tokens", {}, 401],
    ["a 404 problem", "GET", "/api/no-such-route", {}, 404],
    ["a 405 problem", "DELETE", "/healthz", {}, 405],
    ["a disallowed host", "GET", "/api/schema", { host: "evil.example" }, 400],
    [
      "an invalid JSON body",
      "POST",
      "/api/customers/login",
      { "content-type": "application/json" },
      400,
    ],
  ] as const)("are on %s", async (_what, method, url, headers, status) => {
    const response = await t.app.inject({
      method,
      url,
      headers,
      ...(method === "POST" ? { payload: "{not json" } : {}),
    });
    expect(response.statusCode).toBe(status);
    expectBrowserDefences(response.headers);
    // An API reply loads, submits and embeds nothing.
    expect(response.headers["content-security-policy"]).toMatch(/default-src 'none'/);
  });

  it("send no Strict-Transport-Security while PUBLIC_BASE_URL is http", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  describe("Strict-Transport-Security", () => {
    async function hstsOf(env: Record<string, string>) {
      const app = Fastify();
      app.decorateRequest("principal", null);
      registerSecurityHeaders(app, testConfig(env));
      app.get("/", async () => ({ ok: true }));
      const response = await app.inject({ method: "GET", url: "/" });
      await app.close();
      return response.headers["strict-transport-security"];
    }

    it("asks for a year of https when PUBLIC_BASE_URL is https, without subdomains", async () => {
      expect(await hstsOf({ PUBLIC_BASE_URL: "https://api.example.com" })).toBe("max-age=31536000");
    });

    it("takes SECURE_HSTS_SECONDS, and 0 turns it off", async () => {
      const https = { PUBLIC_BASE_URL: "https://api.example.com" };
      expect(await hstsOf({ ...https, SECURE_HSTS_SECONDS: "3600" })).toBe("max-age=3600");
      expect(await hstsOf({ ...https, SECURE_HSTS_SECONDS: "0" })).toBeUndefined();
      expect(await hstsOf({ SECURE_HSTS_SECONDS: "3600" })).toBeUndefined();
    });
  });

  describe("Cache-Control: no-store", () => {
    it("is on the API token shown once", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/tokens",
        headers,
        payload: { name: "ci" },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json<{ token_once: string }>().token_once).toMatch(/^tok_/);
      expect(response.headers["cache-control"]).toBe("no-store");
    });

    it("is on session login and logout", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/customers/login",
        payload: { email: user.email, password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.headers["cache-control"]).toBe("no-store");
      const session = login.cookies.find((c) => c.name === "sessionid")?.value ?? "";
      const csrf = login.cookies.find((c) => c.name === "csrftoken")?.value ?? "";
      const logout = await t.app.inject({
        method: "POST",
        url: "/api/customers/logout",
        headers: { cookie: `sessionid=${session}; csrftoken=${csrf}`, "x-csrftoken": csrf },
      });
      expect(logout.statusCode).toBe(204);
      expect(logout.headers["cache-control"]).toBe("no-store");
    });

    it("is on every JWT reply (/api/v1/auth/*)", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: user.email, password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.headers["cache-control"]).toBe("no-store");
      const { access, refresh } = login.json<{ access: string; refresh: string }>();
      const refreshed = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/token/refresh",
        payload: { refresh },
      });
      expect(refreshed.statusCode).toBe(200);
      expect(refreshed.headers["cache-control"]).toBe("no-store");
      const profile = await t.app.inject({
        method: "GET",
        url: "/api/v1/auth/profile",
        headers: { authorization: `Bearer ${access}` },
      });
      expect(profile.statusCode).toBe(200);
      expect(profile.headers["cache-control"]).toBe("no-store");
    });

    it("is on authenticated replies by session, API token and JWT, and on their refusals", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const token = await createApiToken(t, user.id);
      const bySession = await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens",
        headers,
      });
      const byToken = await t.app.inject({
        method: "GET",
        url: "/api/customers/usage/summary",
        headers: { authorization: `Bearer ${token.token}` },
      });
      const refused = await t.app.inject({
        method: "GET",
        url: "/api/customers/usage/summary",
        headers: { authorization: "Bearer tok_wrongwrongwrong" },
      });
      expect([bySession.statusCode, byToken.statusCode, refused.statusCode]).toEqual([
        200, 200, 401,
      ]);
      for (const response of [bySession, byToken, refused]) {
        expect(response.headers["cache-control"]).toBe("no-store");
      }
    });

    it("is on /healthz and the OpenAPI document, but the docs' static files keep their caching", async () => {
      for (const url of ["/healthz", "/api/schema", "/api/docs/"]) {
        const response = await t.app.inject({ method: "GET", url });
        expect(response.headers["cache-control"], url).toBe("no-store");
      }
      const asset = await t.app.inject({ method: "GET", url: "/api/docs/static/swagger-ui.css" });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers["cache-control"]).toBe("public, max-age=0");
      expect(asset.headers["etag"]).toBeDefined();
    });
  });

  describe("the Swagger UI page (/api/docs/)", () => {
    it("has a CSP that allows exactly its own scripts and styles, with nothing inline", async () => {
      const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
      expect(page.statusCode).toBe(200);
      expectBrowserDefences(page.headers);
      const csp = String(page.headers["content-security-policy"]);
      expect(directive(csp, "script-src")).toEqual(["'self'"]);
      expect(directive(csp, "style-src")).toEqual(["'self'"]);
      expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
      // "Try it out" calls the document's server, PUBLIC_BASE_URL.
      expect(directive(csp, "connect-src")).toEqual(["'self'", "http://localhost:8000"]);
      // On plain http it would send every load to https, and the page would stay blank.
      expect(directive(csp, "upgrade-insecure-requests")).toBeUndefined();

      // Nothing inline that 'self' would block: no inline script or style, no handlers.
      const html = page.body;
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html).not.toMatch(/<style/i);
      expect(html).not.toMatch(/\s(style|on\w+)=/i);

      // Every script and stylesheet is of this origin and served with its type (nosniff
      // refuses a script or stylesheet with another one).
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1]!);
      const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/gi)].map(
        (m) => m[1]!,
      );
      expect(scripts).toHaveLength(3);
      expect(styles).toHaveLength(2);
      const base = new URL("http://localhost/api/docs/");
      for (const [urls, type] of [
        [scripts, /^application\/javascript/],
        [styles, /^text\/css/],
      ] as const) {
        for (const url of urls) {
          const resolved = new URL(url, base);
          expect(resolved.origin).toBe(base.origin);
          const asset = await t.app.inject({ method: "GET", url: resolved.pathname });
          expect(asset.statusCode, resolved.pathname).toBe(200);
          expect(asset.headers["content-type"], resolved.pathname).toMatch(type);
        }
      }
    });

    it("upgrades insecure loads only when PUBLIC_BASE_URL is https", () => {
      const csp = docsContentSecurityPolicy({ publicBaseUrl: "https://api.example.com/base" });
      expect(directive(csp, "upgrade-insecure-requests")).toEqual([]);
      expect(directive(csp, "connect-src")).toEqual(["'self'", "https://api.example.com"]);
    });
  });
});
