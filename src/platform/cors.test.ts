import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { registerCors } from "./cors.js";

const ALLOWED = "http://localhost:5173";
const REFUSED = "https://evil.example";
const SOME_ID = "00000000-0000-4000-8000-000000000000";

/** A route of the API for each method it uses, as a browser would preflight it. */
const ROUTES = [
  ["GET", "/api/customers/usage/summary"],
  ["HEAD", "/api/customers/usage/summary"],
  ["POST", "/api/customers/tokens"],
  ["PATCH", `/api/admin/users/${SOME_ID}`],
  ["DELETE", `/api/customers/tokens/${SOME_ID}`],
] as const;

const REQUEST_HEADERS = [
  "Content-Type",
  "Authorization",
  "X-CSRFToken",
  "Idempotency-Key",
  "X-Request-ID",
];

function list(header: unknown): string[] {
  return String(header)
    .split(",")
    .map((name) => name.trim().toLowerCase());
}

describe("CORS", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ALLOWED_ORIGINS: ALLOWED } });
  });
  afterAll(async () => t.close());

  function preflight(origin: string, method: string, url: string) {
    return t.app.inject({
      method: "OPTIONS",
      url,
      headers: {
        origin,
        "access-control-request-method": method,
        "access-control-request-headers": REQUEST_HEADERS.join(", ").toLowerCase(),
      },
    });
  }

  it.each(ROUTES)(
    "lets an allowed origin preflight %s %s with every request header the API reads",
    async (method, url) => {
      const response = await preflight(ALLOWED, method, url);
      expect(response.statusCode).toBe(204);
      expect(response.headers["access-control-allow-origin"]).toBe(ALLOWED);
      expect(response.headers["access-control-allow-credentials"]).toBe("true");
      expect(list(response.headers["access-control-allow-methods"])).toContain(
        method.toLowerCase(),
      );
      expect(list(response.headers["access-control-allow-headers"])).toEqual(
        expect.arrayContaining(REQUEST_HEADERS.map((name) => name.toLowerCase())),
      );
    },
  );

  it.each(ROUTES)("gives a refused origin no CORS grant to %s %s", async (method, url) => {
    const response = await preflight(REFUSED, method, url);
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("exposes the request id, Retry-After and Idempotent-Replayed to an allowed origin only", async () => {
    const allowed = await t.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { origin: ALLOWED },
    });
    expect(allowed.headers["access-control-allow-origin"]).toBe(ALLOWED);
    expect(list(allowed.headers["access-control-expose-headers"])).toEqual(
      expect.arrayContaining(["x-request-id", "retry-after", "idempotent-replayed"]),
    );
    const refused = await t.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { origin: REFUSED },
    });
    expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("CORS methods", () => {
  it("refuses a route whose method a preflight would not allow, at registration", async () => {
    const app = Fastify();
    try {
      await registerCors(app, [ALLOWED]);
      expect(() => app.put("/api/test/put", async () => ({}))).toThrow(
        /PUT \/api\/test\/put uses a method CORS does not allow/,
      );
      app.patch("/api/test/patch", async () => ({}));
    } finally {
      await app.close();
    }
  });
});
