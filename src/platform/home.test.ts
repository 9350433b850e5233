import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";

describe("the home page at /", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("names Tollgate and links to the API docs, the OpenAPI document and the health check", async () => {
    const response = await t.app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["x-request-id"]).toEqual(expect.any(String));
    expect(response.body).toContain("<title>Tollgate</title>");
    for (const href of ["/api/docs/", "/api/schema/", "/healthz"]) {
      expect(response.body).toContain(`href="${href}"`);
    }
    expect(response.body).not.toMatch(/<script/i);
    expect(response.headers["content-security-policy"]).toBe("default-src 'none'");
  });

  it("answers HEAD without a body", async () => {
    const response = await t.app.inject({ method: "HEAD", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toBe("");
  });

  it("allows GET and HEAD only", async () => {
    const response = await t.app.inject({ method: "POST", url: "/" });
    expectProblem(response, 405, "method_not_allowed");
    expect(response.headers["allow"]).toBe("GET, HEAD");
  });

  it("is not part of the OpenAPI document", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/schema/" })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths)).not.toContain("/");
  });
});
