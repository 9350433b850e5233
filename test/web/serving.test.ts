import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSET_CACHE_CONTROL, WEB_SHELL_CSP } from "../../src/platform/web-app.js";
import { createVerifiedUser } from "../factories/customers.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { expectProblem } from "../support/problems.js";
import { signIn } from "../support/sessions.js";

// A stand-in build (the real one is made by `npm run build:web`; these rules do not depend on it).
const SHELL =
  '<!doctype html><title>Tollgate</title><script type="module" src="/assets/index-abc123.js"></script>';
const ASSET = "console.log('app');";
const HTML = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("serving the web app", () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "tollgate-web-dist-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), SHELL);
    await writeFile(join(dist, "assets", "index-abc123.js"), ASSET);
    t = await createTestApp({ appOptions: { webDistDir: dist } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it.each(["/admin", "/admin/", "/admin/some/deep/route?x=1", "/usage/2026-11"])(
    "answers %s from a browser with the shell, not cached, under the app's CSP",
    async (url) => {
      const response = await t.app.inject({ method: "GET", url, headers: HTML });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toBe(SHELL);
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-security-policy"]).toBe(WEB_SHELL_CSP);
      expect(response.headers["x-request-id"]).toEqual(expect.any(String));
      expect(response.headers["x-frame-options"]).toBe("DENY");
    },
  );

  it("allows scripts from its own origin only and no inline script", () => {
    const directives = new Map(
      WEB_SHELL_CSP.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]),
    );
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(WEB_SHELL_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });

  it("answers HEAD on a page with the shell's headers and no body", async () => {
    const response = await t.app.inject({ method: "HEAD", url: "/admin/users", headers: HTML });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.body).toBe("");
  });

  it("keeps the shell's caching for a signed-in browser too (it holds no user data)", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const session = await signIn(t, user.id);
    const response = await t.app.inject({
      method: "GET",
      url: "/admin/",
      headers: { ...HTML, cookie: session.headers["cookie"]! },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("serves hashed assets with a year of immutable caching, also to a signed-in browser", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const session = await signIn(t, user.id);
    for (const headers of [{}, { cookie: session.headers["cookie"]! }]) {
      const response = await t.app.inject({
        method: "GET",
        url: "/assets/index-abc123.js",
        headers,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(
        /^text\/javascript|^application\/javascript/,
      );
      expect(response.headers["cache-control"]).toBe(ASSET_CACHE_CONTROL);
      expect(response.body).toBe(ASSET);
    }
  });

  it("answers a missing asset with a problem+json 404, not the shell", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/assets/missing-123.js",
      headers: HTML,
    });
    expectProblem(response, 404, "not_found");
  });

  it.each(["/api/nope", "/api/admin/nope/deeper", "/checkout/nope", "/healthz/nope", "/docs/x"])(
    "never answers the server's own path %s with HTML, even to a browser",
    async (url) => {
      const response = await t.app.inject({ method: "GET", url, headers: HTML });
      expectProblem(response, 404, "not_found");
    },
  );

  it("keeps the API's 405 for an unsupported method on an API path", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/customers/login",
      headers: HTML,
    });
    expectProblem(response, 405, "method_not_allowed");
    expect(response.headers["allow"]).toBe("POST");
  });

  it("keeps POST /api/nope a 404", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/nope", headers: HTML });
    expectProblem(response, 404, "not_found");
  });

  it("answers a page's URL with a problem to a client that does not ask for HTML", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/admin/users",
      headers: { accept: "application/json" },
    });
    expectProblem(response, 404, "not_found");
  });

  it("answers other methods on a page's URL with a problem, not the shell", async () => {
    const response = await t.app.inject({ method: "POST", url: "/admin/users", headers: HTML });
    expectProblem(response, 404, "not_found");
  });

  it.each([HTML, { accept: "*/*" }, {}])(
    "answers / with the shell whatever the client accepts (%j): the portal's landing page",
    async (headers) => {
      const response = await t.app.inject({ method: "GET", url: "/", headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toBe(SHELL);
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-security-policy"]).toBe(WEB_SHELL_CSP);
    },
  );

  it("answers HEAD / without a body, and other methods on / with a 405", async () => {
    const head = await t.app.inject({ method: "HEAD", url: "/" });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(head.body).toBe("");
    const post = await t.app.inject({ method: "POST", url: "/", headers: HTML });
    expectProblem(post, 405, "method_not_allowed");
    expect(post.headers["allow"]).toBe("GET, HEAD");
  });

  it("leaves / out of the OpenAPI document", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/schema/" })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths)).not.toContain("/");
  });
});

describe("serving the web app before it is built", () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "tollgate-web-empty-"));
    t = await createTestApp({ appOptions: { webDistDir: join(dist, "missing") } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("answers a page with a 503 that says how to build it", async () => {
    const response = await t.app.inject({ method: "GET", url: "/admin/", headers: HTML });
    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toContain("npm run build:web");
  });

  it("answers / with the same 503 page", async () => {
    const response = await t.app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain("npm run build:web");
  });

  it("still answers the API", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nope" });
    expectProblem(response, 404, "not_found");
  });
});
