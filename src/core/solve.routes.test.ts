import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import {
  closedPortBaseUrl,
  startFakeOpenAi,
  type FakeOpenAi,
} from "../../test/support/fake-openai.js";
import { samplePng } from "./sample-images.js";
import { MAX_PROVIDER_REPLY_BYTES } from "./services/openai-client.js";
import { multipartBody } from "../../test/support/multipart.js";
import { expectProblem } from "../../test/support/problems.js";

const API_KEY = "sk-test-solve-route-key-7f3a9c";
const PROMPT = "Route test prompt: read the digits in this picture.";
const COST_CENTS = 7;

interface Caller {
  readonly userId: string;
  readonly tokenId: string;
  readonly token: string;
  readonly prefix: string;
}

async function newCaller(t: TestApp): Promise<Caller> {
  const { user } = await createVerifiedUser(t.services.db);
  const token = await createApiToken(t, user.id);
  return { userId: user.id, tokenId: token.id, token: token.token, prefix: token.prefix };
}

function solveMultipart(t: TestApp, caller: Caller, image: Buffer) {
  const body = multipartBody([
    { name: "file", filename: "image.png", contentType: "image/png", data: image },
  ]);
  return t.app.inject({
    method: "POST",
    url: "/api/core/solve",
    headers: {
      authorization: `Bearer ${caller.token}`,
      "content-type": body.headers["content-type"],
    },
    payload: body.payload,
  });
}

function solveOctet(
  t: TestApp,
  caller: Caller,
  image: Buffer,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: "POST",
    url: "/api/core/solve",
    headers: {
      authorization: `Bearer ${caller.token}`,
      "content-type": "application/octet-stream",
      ...headers,
    },
    payload: image,
  });
}

interface LogRow {
  status: string;
  error_code: string | null;
  cost_cents: string | number;
  request_bytes: number;
  response_bytes: number;
  duration_ms: number;
  service: string;
  token_id: string | null;
  billing_period_id: string | null;
}

async function logRow(t: TestApp, requestId: string): Promise<LogRow | undefined> {
  const [row] = await t.database.query<LogRow>("select * from request_logs where request_id = $1", [
    requestId,
  ]);
  return row;
}

async function periodTotals(t: TestApp, userId: string) {
  const rows = await t.database.query<{
    total_requests: number;
    total_cost_cents: string | number;
  }>(
    "select total_requests, total_cost_cents from billing_periods where user_id = $1 and is_current",
    [userId],
  );
  const row = rows[0];
  return row === undefined
    ? { requests: 0, costCents: 0, exists: false }
    : { requests: row.total_requests, costCents: Number(row.total_cost_cents), exists: true };
}

async function requestLogCount(t: TestApp, userId: string): Promise<number> {
  const [row] = await t.database.query<{ n: string | number }>(
    "select count(*) as n from request_logs where user_id = $1",
    [userId],
  );
  return Number(row?.n ?? 0);
}

describe("POST /api/core/solve with OpenAI (fake server over HTTP)", () => {
  let t: TestApp;
  let fake: FakeOpenAi;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await createTestApp({
      logLevel: "info",
      env: {
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_MODEL: "gpt-test-vision",
        OPENAI_TIMEOUT_S: "1",
        OPENAI_PROMPT: PROMPT,
        COST_PER_REQUEST_CENTS: String(COST_CENTS),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.reply({ kind: "ok" });
  });

  it("solves a multipart upload, sends the model, data URL and key, and charges the call", async () => {
    const caller = await newCaller(t);
    const image = samplePng(16, 9);
    fake.reply({ kind: "ok", content: "The answer is 12." });
    const response = await solveMultipart(t, caller, image);

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const body = response.json<{
      request_id: string;
      result: string;
      model: string;
      duration_ms: number;
    }>();
    expect(body).toEqual({
      request_id: response.headers["x-request-id"],
      result: "The answer is 12.",
      model: "gpt-test-vision",
      duration_ms: expect.any(Number) as number,
    });
    expect(body.duration_ms).toBeGreaterThanOrEqual(0);

    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const sentBody = sent.body as {
      model: string;
      messages: { content: { type: string; text?: string; image_url?: { url: string } }[] }[];
    };
    expect(sentBody.model).toBe("gpt-test-vision");
    expect(sentBody.messages[0]?.content[0]).toEqual({ type: "text", text: PROMPT });
    expect(sentBody.messages[0]?.content[1]?.image_url?.url).toBe(
      `data:image/png;base64,${image.toString("base64")}`,
    );

    const row = await logRow(t, body.request_id);
    expect(row).toMatchObject({
      service: "core.image_solve",
      status: "success",
      error_code: null,
      token_id: caller.tokenId,
      request_bytes: image.length,
      response_bytes: Buffer.byteLength(response.body),
      duration_ms: body.duration_ms,
    });
    expect(Number(row?.cost_cents)).toBe(COST_CENTS);
    expect(row?.billing_period_id).not.toBeNull();
    expect(await periodTotals(t, caller.userId)).toEqual({
      requests: 1,
      costCents: COST_CENTS,
      exists: true,
    });
  });

  it("solves an application/octet-stream upload and detects the type from the bytes", async () => {
    const caller = await newCaller(t);
    const gif = Buffer.from(
      "474946383961010001008000" + "00ffffff000000" + "2c00000000010001000002024401003b",
      "hex",
    );
    const response = await solveOctet(t, caller, gif);
    expect(response.statusCode).toBe(200);
    const sentBody = fake.requests[0]?.body as {
      messages: { content: { image_url?: { url: string } }[] }[];
    };
    expect(sentBody.messages[0]?.content[1]?.image_url?.url).toBe(
      `data:image/gif;base64,${gif.toString("base64")}`,
    );
    const row = await logRow(t, response.json<{ request_id: string }>().request_id);
    expect(row).toMatchObject({ status: "success", request_bytes: gif.length });
    expect(await periodTotals(t, caller.userId)).toMatchObject({
      requests: 1,
      costCents: COST_CENTS,
    });
  });

  const failures = [
    {
      name: "a reply slower than the timeout",
      reply: { kind: "sleep", ms: 2500 },
      status: 504,
      code: "openai_timeout",
    },
    {
      name: "a provider 429",
      reply: { kind: "rate_limited", retryAfter: "20" },
      status: 503,
      code: "openai_rate_limited",
    },
    {
      name: "a provider 429 without Retry-After",
      reply: { kind: "rate_limited" },
      status: 503,
      code: "openai_rate_limited",
    },
    {
      name: "a provider 500",
      reply: { kind: "error", status: 500 },
      status: 502,
      code: "openai_error",
    },
    { name: "an unparsable reply", reply: { kind: "garbage" }, status: 502, code: "openai_error" },
    {
      name: "a reply over MAX_PROVIDER_REPLY_BYTES",
      reply: { kind: "large", bytes: MAX_PROVIDER_REPLY_BYTES + 1 },
      status: 502,
      code: "openai_error",
    },
  ] as const;

  for (const failure of failures) {
    it(`answers ${failure.name} with ${failure.status} ${failure.code}, logged and not charged`, async () => {
      const caller = await newCaller(t);
      await solveOctet(t, caller, samplePng(2, 2)); // one charged call first
      fake.reply(failure.reply);
      const response = await solveOctet(t, caller, samplePng(3, 3));
      const problem = expectProblem(response, failure.status, failure.code);
      // Passed on only when the provider gave one; never invented.
      expect(response.headers["retry-after"]).toBe(
        "retryAfter" in failure.reply ? failure.reply.retryAfter : undefined,
      );
      const row = await logRow(t, problem["request_id"]);
      expect(row).toMatchObject({
        status: "error",
        error_code: failure.code,
        response_bytes: Buffer.byteLength(response.body),
      });
      expect(Number(row?.cost_cents)).toBe(0);
      expect(await periodTotals(t, caller.userId)).toMatchObject({
        requests: 1,
        costCents: COST_CENTS,
      });
    });
  }

  it("refuses a replayed X-Request-ID with 409 before calling the provider, charging once", async () => {
    const caller = await newCaller(t);
    const requestId = randomUUID();
    const first = await solveOctet(t, caller, samplePng(4, 4), { "x-request-id": requestId });
    expect(first.statusCode).toBe(200);
    const replay = await solveOctet(t, caller, samplePng(4, 4), { "x-request-id": requestId });
    expectProblem(replay, 409, "duplicate_request_id");
    expect(fake.requests).toHaveLength(1);
    expect(await requestLogCount(t, caller.userId)).toBe(1);
    expect(await periodTotals(t, caller.userId)).toEqual({
      requests: 1,
      costCents: COST_CENTS,
      exists: true,
    });
  });

  it("refuses concurrent requests sharing one X-Request-ID without a 500, charging once", async () => {
    const caller = await newCaller(t);
    const requestId = randomUUID();
    const replies = await Promise.all(
      [1, 2, 3].map(() => solveOctet(t, caller, samplePng(4, 4), { "x-request-id": requestId })),
    );
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409]);
    expect(await requestLogCount(t, caller.userId)).toBe(1);
    expect((await periodTotals(t, caller.userId)).requests).toBe(1);
  });

  it("answers a refused connection with 502 openai_unavailable, logged and not charged", async () => {
    const refused = await createTestApp({
      database: t.database,
      env: {
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: await closedPortBaseUrl(),
        COST_PER_REQUEST_CENTS: String(COST_CENTS),
      },
    });
    try {
      const caller = await newCaller(refused);
      const response = await solveOctet(refused, caller, samplePng(2, 2));
      const problem = expectProblem(response, 502, "openai_unavailable");
      const row = await logRow(refused, problem["request_id"]);
      expect(row).toMatchObject({ status: "error", error_code: "openai_unavailable" });
      expect(Number(row?.cost_cents)).toBe(0);
      expect(await periodTotals(refused, caller.userId)).toMatchObject({
        requests: 0,
        costCents: 0,
      });
    } finally {
      await refused.close();
    }
  });

  it("uses the model and price from the settings row, not the environment, once it exists", async () => {
    await t.services.core.settings.update(
      {
        openaiModel: "gpt-from-admin",
        costPerRequestCents: 3,
      },
      null,
    );
    try {
      const caller = await newCaller(t);
      const response = await solveOctet(t, caller, samplePng(2, 2));
      expect(response.statusCode).toBe(200);
      expect((fake.requests[0]?.body as { model: string }).model).toBe("gpt-from-admin");
      expect(await periodTotals(t, caller.userId)).toMatchObject({ requests: 1, costCents: 3 });
    } finally {
      await t.services.core.settings.update(
        {
          openaiModel: "gpt-test-vision",
          costPerRequestCents: COST_CENTS,
        },
        null,
      );
    }
  });

  it("never logs the API key, the image or the model's answer", async () => {
    const caller = await newCaller(t);
    const image = samplePng(5, 5, 99);
    fake.reply({ kind: "ok", content: "SECRET-ANSWER-a1b2c3" });
    expect((await solveOctet(t, caller, image)).statusCode).toBe(200);
    fake.reply({ kind: "error", status: 401 });
    expect((await solveOctet(t, caller, image)).statusCode).toBe(502);
    fake.reply({ kind: "sleep", ms: 2500 });
    expect((await solveOctet(t, caller, image)).statusCode).toBe(504);
    const logs = t.logs();
    expect(logs).toContain("AI provider call failed");
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain(caller.token);
    expect(logs).not.toContain("SECRET-ANSWER-a1b2c3");
    expect(logs).not.toContain(image.toString("base64").slice(0, 40));
  });
});

describe("POST /api/core/solve in stub mode (no OPENAI_API_KEY)", () => {
  const LIMIT = 4096;
  let t: TestApp;
  let caller: Caller;

  beforeAll(async () => {
    t = await createTestApp({
      env: { SOLVE_MAX_BYTES: String(LIMIT), COST_PER_REQUEST_CENTS: "5" },
    });
    caller = await newCaller(t);
  });
  afterAll(async () => t.close());

  it("answers from the image itself with model stub, and charges the call", async () => {
    const image = samplePng(20, 10);
    const sha256 = createHash("sha256").update(image).digest("hex");
    const response = await solveOctet(t, caller, image);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ request_id: string; result: string; model: string }>();
    expect(body.model).toBe("stub");
    expect(body.result).toContain("png");
    expect(body.result).toContain("20x10");
    expect(body.result).toContain(sha256);
    expect(response.headers["x-request-id"]).toBe(body.request_id);
  });

  it("keeps the caller's X-Request-ID as the request id when it is a UUID", async () => {
    const requestId = randomUUID();
    const response = await solveOctet(t, caller, samplePng(2, 2), { "x-request-id": requestId });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ request_id: string }>().request_id).toBe(requestId);
    expect(await logRow(t, requestId)).toMatchObject({ status: "success" });
  });

  it("refuses a file over SOLVE_MAX_BYTES with 413 file_too_large (octet-stream and multipart)", async () => {
    const big = Buffer.concat([samplePng(2, 2), Buffer.alloc(LIMIT)]);
    const octet = await solveOctet(t, caller, big);
    expectProblem(octet, 413, "file_too_large");
    expect(octet.headers["connection"]).toBe("close");

    const multipart = await solveMultipart(t, caller, big);
    expectProblem(multipart, 413, "file_too_large");
  });

  it("counts the bytes actually received when the Content-Length is absent (chunked)", async () => {
    const { Readable } = await import("node:stream");
    const big = Buffer.concat([samplePng(2, 2), Buffer.alloc(LIMIT)]);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/core/solve",
      headers: {
        authorization: `Bearer ${caller.token}`,
        "content-type": "application/octet-stream",
        "transfer-encoding": "chunked",
      },
      payload: Readable.from([big.subarray(0, 1000), big.subarray(1000)]),
    });
    expectProblem(response, 413, "file_too_large");
  });

  it("accepts a file of exactly SOLVE_MAX_BYTES (octet-stream and multipart)", async () => {
    const image = samplePng(2, 2);
    const exact = Buffer.concat([image, Buffer.alloc(LIMIT - image.length)]);
    expect((await solveOctet(t, caller, exact)).statusCode).toBe(200);
    expect((await solveMultipart(t, caller, exact)).statusCode).toBe(200);
    const oneMore = Buffer.concat([exact, Buffer.alloc(1)]);
    expectProblem(await solveMultipart(t, caller, oneMore), 413, "file_too_large");
  });

  it("refuses an empty body with 400 empty_file", async () => {
    expectProblem(await solveOctet(t, caller, Buffer.alloc(0)), 400, "empty_file");
    const body = multipartBody([{ name: "file", filename: "x.png", data: Buffer.alloc(0) }]);
    const multipart = await t.app.inject({
      method: "POST",
      url: "/api/core/solve",
      headers: {
        authorization: `Bearer ${caller.token}`,
        "content-type": body.headers["content-type"],
      },
      payload: body.payload,
    });
    expectProblem(multipart, 400, "empty_file");
  });

  it("refuses a multipart body without a 'file' part with 400 validation_error", async () => {
    const body = multipartBody([
      { name: "image", filename: "x.png", data: samplePng(2, 2) },
      { name: "note", data: Buffer.from("hello") },
    ]);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/core/solve",
      headers: {
        authorization: `Bearer ${caller.token}`,
        "content-type": body.headers["content-type"],
      },
      payload: body.payload,
    });
    const problem = expectProblem(response, 400, "validation_error");
    expect(problem["errors"]).toEqual([
      expect.objectContaining({ field: "file", code: "required" }),
    ]);
  });

  it("refuses bytes that are not PNG, JPEG, GIF or WebP with 415", async () => {
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj");
    expectProblem(await solveOctet(t, caller, pdf), 415, "unsupported_media_type");
    const body = multipartBody([
      { name: "file", filename: "fake.png", contentType: "image/png", data: pdf },
    ]);
    const multipart = await t.app.inject({
      method: "POST",
      url: "/api/core/solve",
      headers: {
        authorization: `Bearer ${caller.token}`,
        "content-type": body.headers["content-type"],
      },
      payload: body.payload,
    });
    expectProblem(multipart, 415, "unsupported_media_type");
  });

  it("refuses JSON, other content types and a missing content type with 415", async () => {
    const auth = { authorization: `Bearer ${caller.token}` };
    for (const request of [
      { headers: { ...auth, "content-type": "application/json" }, payload: '{"file":"x"}' },
      { headers: { ...auth, "content-type": "image/png" }, payload: samplePng(2, 2) },
      { headers: { ...auth, "content-type": "text/plain" }, payload: "hello" },
      { headers: auth, payload: undefined },
    ]) {
      const response = await t.app.inject({ method: "POST", url: "/api/core/solve", ...request });
      expectProblem(response, 415, "unsupported_media_type");
    }
  });

  it("does not meter refused uploads", async () => {
    const other = await newCaller(t);
    await solveOctet(t, other, Buffer.alloc(0));
    await solveOctet(t, other, Buffer.from("not an image"));
    expect(await requestLogCount(t, other.userId)).toBe(0);
  });

  it("refuses a missing, malformed or revoked token with 401 invalid_token before reading the body", async () => {
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/core/solve",
      headers: { "content-type": "application/octet-stream" },
      payload: samplePng(2, 2),
    });
    expectProblem(noToken, 401, "invalid_token");
    expect(noToken.headers["www-authenticate"]).toMatch(/^Bearer/);

    const wrong = await solveOctet(
      t,
      { ...caller, token: `${caller.token.slice(0, 12)}${"x".repeat(caller.token.length - 12)}` },
      samplePng(2, 2),
    );
    expectProblem(wrong, 401, "invalid_token");

    const revoked = await newCaller(t);
    expect((await solveOctet(t, revoked, samplePng(2, 2))).statusCode).toBe(200);
    await t.services.customers.tokens.revokeToken(revoked.userId, revoked.tokenId);
    const after = await solveOctet(t, revoked, samplePng(2, 2));
    expectProblem(after, 401, "invalid_token");
    expect(await requestLogCount(t, revoked.userId)).toBe(1);
  });

  it("stores nothing of the image or the answer in the database", async () => {
    const marker = `IMAGE-MARKER-${randomUUID()}`;
    const image = Buffer.concat([samplePng(6, 6, 7), Buffer.from(marker)]);
    const sha256 = createHash("sha256").update(image).digest("hex");
    const multipart = await solveMultipart(t, caller, image);
    const octet = await solveOctet(t, caller, image);
    expect(multipart.statusCode).toBe(200);
    expect(octet.statusCode).toBe(200);

    const tables = await t.database.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const dump: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.database.query<{ row: string }>(
        `select t::text as row from "${table_name}" t`,
      );
      dump.push(...rows.map((r) => r.row));
    }
    const text = dump.join("\n");
    expect(text).toContain(octet.json<{ request_id: string }>().request_id); // the dump is real
    expect(text).not.toContain(marker);
    expect(text).not.toContain(sha256);
    expect(text).not.toContain(image.toString("base64").slice(0, 40));
    expect(text).not.toContain(image.toString("hex").slice(0, 40));
  });

  it("describes both upload forms in the OpenAPI document", async () => {
    const schema = (await t.app.inject({ method: "GET", url: "/api/schema/" })).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    }>();
    const content = schema.paths["/api/core/solve"]?.["post"]?.requestBody?.content ?? {};
    expect(Object.keys(content).sort()).toEqual([
      "application/octet-stream",
      "multipart/form-data",
    ]);
  });
});
