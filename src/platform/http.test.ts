import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { Type } from "typebox";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { expectProblem } from "../../test/support/problems.js";
import { clientErrorHandlerFor, TIMEOUT_CHECK_INTERVAL_MS } from "./client-errors.js";
import { buildApp, type App } from "../app.js";
import { openDatabase } from "./db/database.js";
import { DATABASE_RETRY_AFTER_S } from "./db/outage.js";
import { hostnameOf } from "./hosts.js";

/** Writes one raw request, half-closes, and reads everything the server sends until it closes. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(request));
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.on("close", () => {
      resolve(received);
    });
    socket.on("error", reject);
  });
}

/** Asserts a raw HTTP/1.1 reply is a problem+json with this status and code; returns the body. */
function expectRawProblem(response: string, status: number, code: string) {
  const [head = "", body = ""] = response.split("\r\n\r\n");
  expect(head).toMatch(new RegExp(`^HTTP/1.1 ${String(status)} `));
  expect(head).toMatch(/content-type: application\/problem\+json/i);
  const problem = JSON.parse(body) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, code, type: `urn:tollgate:problem:${code}` });
  expect(head).toMatch(
    new RegExp(`\r\nx-request-id: ${String(problem["request_id"])}(\r\n|$)`, "i"),
  );
  return problem;
}

describe("HTTP platform", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      logLevel: "info",
      routes: (app) => {
        app.get("/api/test/boom", { config: { access: "public" } }, async () => {
          throw new Error("secret internal detail at /srv/db.ts:42");
        });
        app.post("/api/test/echo", { config: { access: "public" } }, async (request) => ({
          received: request.body,
        }));
        app.post(
          "/api/test/items/:id",
          {
            config: { access: "public" },
            schema: {
              params: Type.Object({ id: Type.String({ format: "uuid" }) }),
              body: Type.Object({ at: Type.String({ format: "date-time" }) }),
            },
          },
          async () => ({ ok: true }),
        );
      },
    });
  });
  afterAll(async () => t.close());

  it("answers malformed JSON with 400 invalid_json", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: '{"a": ',
    });
    expect(response.statusCode).toBe(400);
    expectProblem(response, 400, "invalid_json");
  });

  it("answers an unknown route with 404 not_found", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expectProblem(response, 404, "not_found");
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const response = await t.app.inject({ method: "DELETE", url: "/healthz" });
    expect(response.statusCode).toBe(405);
    expectProblem(response, 405, "method_not_allowed");
    expect(response.headers["allow"]).toBe("GET, HEAD");
  });

  it("answers 404, not 405, when a route for the method matched but found nothing", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/api/docs/static/nope.js" });
    expectProblem(missing, 404, "not_found");
    expect(missing.headers["allow"]).toBeUndefined();
    const wrongMethod = await t.app.inject({ method: "DELETE", url: "/api/docs/static/nope.js" });
    expectProblem(wrongMethod, 405, "method_not_allowed");
  });

  it("answers an oversized body with 413 payload_too_large", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ blob: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expectProblem(response, 413, "payload_too_large");
  });

  it("answers an unsupported content type with 415 unsupported_media_type", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(response.statusCode).toBe(415);
    expectProblem(response, 415, "unsupported_media_type");
  });

  it("answers an unexpected exception with 500 and leaks nothing", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/test/boom" });
    expect(response.statusCode).toBe(500);
    const body = expectProblem(response, 500, "internal_error");
    expect(response.body).not.toContain("secret internal detail");
    expect(response.body).not.toContain("db.ts");
    expect(body["detail"]).not.toMatch(/at |Error/);
    // The log keeps the cause for operators, tied to the request id.
    expect(t.logs()).toContain("secret internal detail");
    expect(t.logs()).toContain(body["request_id"]);
  });

  it("refuses a NUL character in a body, query or path with 400 validation_error", async () => {
    const body = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: '{"invite": {"code": "a\\u0000b"}}',
    });
    const problem = expectProblem(body, 400, "validation_error");
    expect(problem["errors"]).toEqual([
      { field: "invite.code", code: "invalid_character", message: expect.any(String) as string },
    ]);
    const query = await t.app.inject({ method: "POST", url: "/api/test/echo?email=%00" });
    expect(
      (expectProblem(query, 400, "validation_error")["errors"] as { field: string }[])[0]?.field,
    ).toBe("email");
  });

  it("refuses a lone UTF-16 surrogate in a body with 400 validation_error, and keeps a pair", async () => {
    const post = (payload: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/test/echo",
        headers: { "content-type": "application/json" },
        payload,
      });
    for (const [payload, field] of [
      ['{"name": "a\\udfffb"}', "name"],
      ['{"items": ["ok", "\\ud83d"]}', "items.1"],
      ['{"\\udc00key": 1}', "body"],
    ] as const) {
      const problem = expectProblem(await post(payload), 400, "validation_error");
      expect(problem["errors"], payload).toEqual([
        { field, code: "invalid_character", message: expect.stringMatching(/surrogate/) as string },
      ]);
    }
    const pair = await post('{"name": "a\\ud83d\\ude00b"}');
    expect(pair.statusCode).toBe(200);
    expect(pair.json()).toEqual({ received: { name: "a\u{1F600}b" } });
  });

  it("walks a deeply nested body without exhausting the stack", async () => {
    const depth = 20_000;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: `{"email":${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}}`,
    });
    expectProblem(response, 400, "validation_error");
  });

  it("refuses text/plain bodies with 415 like any other non-JSON type", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "text/plain" },
      payload: "hello",
    });
    expectProblem(response, 415, "unsupported_media_type");
  });

  it("refuses compressed bodies with 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      payload: "{}",
    });
    expectProblem(response, 415, "unsupported_media_type");
  });

  it("accepts only what Postgres accepts as UUIDs and timestamps", async () => {
    const id = randomUUID();
    const post = (path: string, at: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/test/items/${path}`,
        headers: { "content-type": "application/json" },
        payload: { at },
      });
    expect((await post(id, "2030-01-01T12:00:00Z")).statusCode).toBe(200);
    for (const [path, at, field] of [
      [`urn:uuid:${id}`, "2030-01-01T12:00:00Z", "id"],
      [id, "2030-01-01T23:59:60Z", "at"],
      [id, "0000-01-01T00:00:00Z", "at"],
      [id, "9999-12-31T23:00:00-05:00", "at"],
    ] as const) {
      const problem = expectProblem(await post(path, at), 400, "validation_error");
      expect(problem["errors"]).toEqual([
        { field, code: "invalid_format", message: expect.stringMatching(/^Expected /) as string },
      ]);
    }
  });

  it("answers an over-long path parameter or a malformed URL with problem+json", async () => {
    const long = await t.app.inject({ method: "POST", url: `/api/test/items/${"a".repeat(500)}` });
    expect(expectProblem(long, 400, "validation_error").errors).toEqual([
      { field: "params", code: "too_long", message: "A path parameter is too long." },
    ]);
    const malformed = await t.app.inject({ method: "POST", url: "/api/test/items/%zz" });
    expectProblem(malformed, 400, "bad_request");
  });

  // One listening address for the raw-socket tests of this block (an app listens once).
  let listening: Promise<number> | undefined;
  const port = () =>
    (listening ??= t.app
      .listen({ port: 0, host: "127.0.0.1" })
      .then((address) => Number(new URL(address).port)));

  it("answers requests the HTTP parser refuses with problem+json", async () => {
    const at = await port();
    expectRawProblem(
      await rawExchange(
        at,
        `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Long: ${"a".repeat(20_000)}\r\n\r\n`,
      ),
      431,
      "headers_too_large",
    );
    expectRawProblem(
      await rawExchange(
        at,
        "POST /api/test/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n" +
          "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
      ),
      400,
      "bad_request",
    );
  });

  it("answers an HTTP/1.1 request without Host with a problem+json 400 and X-Request-ID, /healthz too", async () => {
    const at = await port();
    for (const path of ["/healthz", "/api/customers/csrf"]) {
      const response = await rawExchange(at, `GET ${path} HTTP/1.1\r\n\r\n`);
      const problem = expectRawProblem(response, 400, "bad_request");
      expect(problem["detail"]).toBe("An HTTP/1.1 request must carry a Host header.");
      expect(response).toMatch(
        new RegExp(`\r\nx-request-id: ${String(problem["request_id"])}\r\n`, "i"),
      );
    }
  });

  it("refuses a request with two Host headers with 400, even when the first is allowed", async () => {
    const at = await port();
    for (const path of ["/healthz", "/api/customers/csrf"]) {
      const response = await rawExchange(
        at,
        `GET ${path} HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n`,
      );
      const problem = expectRawProblem(response, 400, "bad_request");
      expect(problem["detail"]).toBe("The request carries more than one Host header.");
    }
  });

  it("answers a request that never finishes arriving with 408 request_timeout", () => {
    const written: string[] = [];
    let destroyed = false;
    const socket = {
      destroyed: false,
      writable: true,
      write: (text: string) => written.push(text),
      destroy: () => {
        destroyed = true;
      },
    };
    const timeout = Object.assign(new Error("timeout"), { code: "ERR_HTTP_REQUEST_TIMEOUT" });
    clientErrorHandlerFor(120_000)(timeout, socket as unknown as Socket);
    const [head = "", body = ""] = (written[0] ?? "").split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1.1 408 Request Timeout\r\n/);
    expect(JSON.parse(body)).toMatchObject({
      status: 408,
      code: "request_timeout",
      detail: "The request was not received within 120 s.",
    });
    expect(destroyed).toBe(true);
  });

  it("ignores a trailing slash", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz/" });
    expect(response.statusCode).toBe(200);
  });

  it("generates a UUID4 X-Request-ID when none is given", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.headers["x-request-id"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("echoes a valid caller X-Request-ID and replaces an invalid one", async () => {
    const mine = randomUUID();
    const echoed = await t.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-request-id": mine },
    });
    expect(echoed.headers["x-request-id"]).toBe(mine);
    const replaced = await t.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-request-id": "not-a-uuid\r\ninjected" },
    });
    expect(replaced.headers["x-request-id"]).not.toContain("not-a-uuid");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries the request id on every line logged while handling a request, services' too", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const mine = randomUUID();
    const before = t.logs().length;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      headers: { "content-type": "application/json", "x-request-id": mine },
      payload: { email: user.email, password },
    });
    expect(response.statusCode).toBe(200);
    const lines = t
      .logs()
      .slice(before)
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The service's own line, written through the root logger, not Fastify's request logger.
    expect(lines.map((line) => line["msg"])).toContain("logged in");
    for (const line of lines) expect(line).toMatchObject({ request_id: mine });
    // Once: the key is never written twice on a request logger's line.
    for (const text of t
      .logs()
      .slice(before)
      .split("\n")
      .filter((l) => l !== "")) {
      expect(text.split('"request_id"').length).toBe(2);
    }
  });

  it("adds no request id to lines logged outside a request", () => {
    const before = t.logs().length;
    t.services.log.info("outside any request");
    const line = JSON.parse(t.logs().slice(before)) as Record<string, unknown>;
    expect(line).not.toHaveProperty("request_id");
  });

  it("refuses a Host header outside ALLOWED_HOSTS with 400 disallowed_host, except on /healthz", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/schema/",
      headers: { host: "evil.example" },
    });
    expectProblem(response, 400, "disallowed_host");
    const probe = await t.app.inject({
      method: "GET",
      url: "/healthz",
      headers: { host: "10.1.2.3:8000" },
    });
    expect(probe.statusCode).toBe(200);
  });

  it("parses the Host header strictly: anything but host[:port] is disallowed_host", async () => {
    const get = (host: string) =>
      t.app.inject({ method: "GET", url: "/api/schema/", headers: { host } });
    for (const host of [
      "localhost:1@evil.com",
      "localhost:8000:1",
      "localhost:x",
      "evil/localhost",
      "[::1",
    ]) {
      expectProblem(await get(host), 400, "disallowed_host");
    }
    for (const host of [
      "localhost",
      "LOCALHOST:8000",
      "localhost.",
      "127.0.0.1:80",
      "[::1]:8000",
    ]) {
      expect((await get(host)).statusCode, host).toBe(200);
    }
    // A Compose service name: parsed, then refused only because it is not in ALLOWED_HOSTS.
    expect(hostnameOf("web_1:8000")).toBe("web_1");
    expect((await get("web_1:8000")).json()).toMatchObject({
      code: "disallowed_host",
      detail: 'Host "web_1" is not in ALLOWED_HOSTS.',
    });
  });

  it("reports health with a real database round trip", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", db: "ok", openai: "stub" });
  });

  it("never logs request bodies or query strings", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/test/echo?token=query-secret-123",
      headers: { "content-type": "application/json", authorization: "Bearer tok_header-secret" },
      payload: { password: "body-secret-456" },
    });
    const logs = t.logs();
    expect(logs).not.toContain("query-secret-123");
    expect(logs).not.toContain("body-secret-456");
    expect(logs).not.toContain("header-secret");
  });
});

describe("slow requests", () => {
  /** Sends the start of a request and never the rest; resolves with what came back, and when. */
  function sendPartly(port: number, partial: string): Promise<{ response: string; ms: number }> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(partial));
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
      socket.on("close", () => {
        resolve({ response: received, ms: performance.now() - started });
      });
      socket.on("error", reject);
    });
  }

  it("cuts a request whose headers or body never finish at the timeout its 408 states", async () => {
    const t = await createTestApp({ appOptions: { requestTimeoutMs: 1_000 } });
    try {
      const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
      const port = Number(new URL(address).port);
      const [headers, body] = await Promise.all([
        sendPartly(port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: a"),
        sendPartly(
          port,
          "POST /api/customers/login HTTP/1.1\r\nHost: localhost\r\n" +
            "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        ),
      ]);
      for (const { response, ms } of [headers, body]) {
        const problem = expectRawProblem(response, 408, "request_timeout");
        expect(problem["detail"]).toBe("The request was not received within 1 s.");
        expect(ms).toBeGreaterThanOrEqual(950);
        // Node checks for expired requests every TIMEOUT_CHECK_INTERVAL_MS (its default, 30 s).
        expect(ms).toBeLessThan(1_000 + TIMEOUT_CHECK_INTERVAL_MS + 500);
      }
    } finally {
      await t.close();
    }
  });
});

describe("shutdown", () => {
  it("answers a request arriving while the server closes with a 503 problem and Connection: close", async () => {
    let entered!: () => void;
    const slowStarted = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const t = await createTestApp({
      logLevel: "info",
      routes: (app) => {
        app.get("/api/test/slow", { config: { access: "public" } }, async () => {
          entered();
          await released;
          return { ok: true };
        });
      },
    });
    let closed: Promise<void> | undefined;
    try {
      const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
      const socket = connect(Number(new URL(address).port), "127.0.0.1");
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
      const socketClosed = new Promise<void>((resolve) =>
        socket.on("close", () => {
          resolve();
        }),
      );
      socket.write("GET /api/test/slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
      await slowStarted;
      closed = t.app.close();
      // The same kept-alive connection, while the slow request holds the server open.
      socket.write("GET /api/customers/csrf HTTP/1.1\r\nHost: localhost\r\n\r\n");
      await vi.waitFor(() => {
        expect(t.logs()).toContain("service_unavailable");
      });
      release();
      await socketClosed;
      const at = received.indexOf("HTTP/1.1 503 ");
      expect(received.slice(0, at)).toMatch(/^HTTP\/1.1 200 /);
      const [head = "", body = ""] = received.slice(at).split("\r\n\r\n");
      expect(head).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(head).toMatch(/\r\nconnection: close/i);
      const requestId = /\r\nx-request-id: ([0-9a-f-]{36})/i.exec(head)?.[1];
      expect(requestId).toBeDefined();
      expect(JSON.parse(body)).toMatchObject({
        status: 503,
        code: "service_unavailable",
        type: "urn:tollgate:problem:service_unavailable",
        request_id: requestId,
      });
    } finally {
      release();
      await (closed ?? t.app.close());
      await t.services.close();
      await t.database.close();
    }
  });
});

describe("ALLOWED_HOSTS", () => {
  const schemaWithHost = async (env: Record<string, string>, hosts: string[]) => {
    const t = await createTestApp({ env });
    try {
      const statuses: number[] = [];
      for (const host of hosts) {
        const response = await t.app.inject({
          method: "GET",
          url: "/api/schema/",
          headers: { host },
        });
        statuses.push(response.statusCode);
      }
      return statuses;
    } finally {
      await t.close();
    }
  };

  it("allows any well-formed host when it is *", async () => {
    expect(
      await schemaWithHost({ ALLOWED_HOSTS: "*" }, ["evil.example", "10.0.0.1:8443", "a:1@b"]),
    ).toEqual([200, 200, 400]);
  });

  it("lets a .domain entry match the domain and its subdomains only", async () => {
    expect(
      await schemaWithHost({ ALLOWED_HOSTS: ".example.com" }, [
        "example.com",
        "api.example.com:443",
        "a.b.example.com",
        "evilexample.com",
        "example.com.evil.net",
        "localhost",
      ]),
    ).toEqual([200, 200, 200, 400, 400, 400]);
  });

  it("includes the host of PUBLIC_BASE_URL by default", async () => {
    expect(
      await schemaWithHost({ PUBLIC_BASE_URL: "https://api.tollgate.test" }, [
        "api.tollgate.test",
        "localhost:8000",
        "other.tollgate.test",
      ]),
    ).toEqual([200, 200, 400]);
  });
});

describe("health when the database is unreachable", () => {
  it("answers 503 with db: error", async () => {
    const t = await createTestApp();
    try {
      await t.database.close();
      const response = await t.app.inject({ method: "GET", url: "/healthz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: "error", db: "error" });
      expect(response.headers["retry-after"]).toBe(String(DATABASE_RETRY_AFTER_S));
    } finally {
      await t.app.close();
    }
  });
});

describe("health when the database accepts connections but never answers", () => {
  it("answers 503 with db: error instead of hanging", async () => {
    // A real Postgres driver against a server that completes the start-up handshake (trust
    // authentication, ready for query) and then never answers a query.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.once("data", () => {
        const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
        const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
        socket.write(Buffer.concat([authenticationOk, readyForQuery]));
      });
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const hung = await openDatabase({ url: `postgres://tollgate@127.0.0.1:${String(port)}/hung` });
    const t = await createTestApp();
    const app = await buildApp(t.config, { ...t.services, database: hung });
    try {
      const response = await app.inject({ method: "GET", url: "/healthz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: "error", db: "error" });
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      await app.close();
      await t.close();
      for (const socket of sockets) socket.destroy();
      await hung.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe("client IP behind a proxy", () => {
  it("warns once when requests carry X-Forwarded-For while TRUST_PROXY is off", async () => {
    const warning = "requests carry X-Forwarded-For but TRUST_PROXY is off";
    const untrusted = await createTestApp({ logLevel: "warn" });
    const trusted = await createTestApp({ logLevel: "warn", env: { TRUST_PROXY: "1" } });
    try {
      const call = (t: typeof untrusted, headers: Record<string, string> = {}) =>
        t.app.inject({ method: "GET", url: "/healthz", headers });
      await call(untrusted);
      expect(untrusted.logs()).not.toContain(warning);
      for (let i = 0; i < 3; i += 1) await call(untrusted, { "x-forwarded-for": "203.0.113.7" });
      expect(untrusted.logs().split(warning)).toHaveLength(2);
      await call(trusted, { "x-forwarded-for": "203.0.113.7" });
      expect(trusted.logs()).not.toContain(warning);
    } finally {
      await untrusted.close();
      await trusted.close();
    }
  });

  it("uses X-Forwarded-For only when TRUST_PROXY says so", async () => {
    let seen = "";
    const route = (app: App) => {
      app.get("/api/test/ip", { config: { access: "public" } }, async (request) => {
        seen = request.ip;
        return {};
      });
    };
    const direct = await createTestApp({ routes: route });
    const proxied = await createTestApp({ env: { TRUST_PROXY: "1" }, routes: route });
    try {
      const headers = { "x-forwarded-for": "203.0.113.7" };
      await direct.app.inject({
        method: "GET",
        url: "/api/test/ip",
        headers,
        remoteAddress: "10.0.0.2",
      });
      expect(seen).toBe("10.0.0.2");
      await proxied.app.inject({
        method: "GET",
        url: "/api/test/ip",
        headers,
        remoteAddress: "10.0.0.2",
      });
      expect(seen).toBe("203.0.113.7");
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});
