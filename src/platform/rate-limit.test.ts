import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import Fastify from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, testConfig, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { samplePng } from "../core/sample-images.js";
import { registerErrorHandling } from "./error-handler.js";
import { registerRateLimit } from "./rate-limit.js";

const redisUrl = process.env["TEST_REDIS_URL"] === "" ? undefined : process.env["TEST_REDIS_URL"];
const REDIS_ONLY = "needs Redis: set TEST_REDIS_URL (CI sets redis://127.0.0.1:6379)";

const LIMITS = {
  RATE_LIMIT_ENABLED: "true",
  RATE_LIMIT_SOLVE: "2/minute",
  RATE_LIMIT_AUTH: "2/minute",
};

/** A documentation-range IP of its own per call, so counters of different tests never meet. */
function uniqueIp(): string {
  const [a, b] = randomBytes(2);
  return `198.51.${a}.${b}`;
}

function addAuthRoute(app: TestApp["app"]) {
  app.post(
    "/api/test/login",
    { config: { access: "public", rateLimitGroup: "auth" } },
    async () => ({
      ok: true,
    }),
  );
}

async function tokenFor(t: TestApp) {
  const { user } = await createVerifiedUser(t.services.db);
  return { userId: user.id, ...(await createApiToken(t, user.id)) };
}

function solve(t: TestApp, token: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/core/solve",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
    payload: samplePng(2, 2),
  });
}

function login(app: { inject: TestApp["app"]["inject"] }, ip: string) {
  return app.inject({ method: "POST", url: "/api/test/login", remoteAddress: ip });
}

/** The behaviour every store must show; run in memory and against Redis (keys under `prefix`). */
function limitBehaviour(env: () => Record<string, string>, prefix?: string) {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { ...LIMITS, ...env() },
      routes: addAuthRoute,
      ...(prefix === undefined ? {} : { appOptions: { rateLimit: { redisKeyPrefix: prefix } } }),
    });
  });
  afterAll(async () => t.close());

  it("limits /api/core/solve per API token: 429 rate_limited with Retry-After, not metered", async () => {
    const first = await tokenFor(t);
    expect((await solve(t, first.token)).statusCode).toBe(200);
    expect((await solve(t, first.token)).statusCode).toBe(200);
    const limited = await solve(t, first.token);
    expectProblem(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const [count] = await t.database.query<{ n: string | number }>(
      "select count(*) as n from request_logs where token_id = $1",
      [first.id],
    );
    expect(Number(count?.n)).toBe(2);

    // Another token of the same user has its own allowance.
    const { token: second } = await createApiToken(t, first.userId, "second");
    expect((await solve(t, second)).statusCode).toBe(200);
  });

  it("checks the token before counting: invalid tokens get 401, not 429", async () => {
    for (let i = 0; i < 4; i++) {
      expect((await solve(t, `tok_${randomBytes(32).toString("base64url")}`)).statusCode).toBe(401);
    }
  });

  it("limits the auth group per client IP", async () => {
    const ip = uniqueIp();
    expect((await login(t.app, ip)).statusCode).toBe(200);
    expect((await login(t.app, ip)).statusCode).toBe(200);
    const limited = await login(t.app, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "rate_limited" });
    expect(limited.headers["retry-after"]).toBeDefined();
    expect((await login(t.app, uniqueIp())).statusCode).toBe(200);
  });

  return { app: () => t };
}

describe("rate limits in memory", () => {
  limitBehaviour(() => ({}));
});

describe("rate limits off (the default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_SOLVE: "1/minute", RATE_LIMIT_AUTH: "1/minute" },
      routes: addAuthRoute,
    });
  });
  afterAll(async () => t.close());

  it("does not limit anything when RATE_LIMIT_ENABLED is unset", async () => {
    const { token } = await tokenFor(t);
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) {
      expect((await solve(t, token)).statusCode).toBe(200);
      expect((await login(t.app, ip)).statusCode).toBe(200);
    }
  });
});

describe("rate limits when Redis is unreachable", () => {
  let t: TestApp;
  beforeAll(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    t = await createTestApp({
      logLevel: "warn",
      env: { ...LIMITS, REDIS_URL: `redis://127.0.0.1:${port}` },
      routes: addAuthRoute,
    });
  });
  afterAll(async () => t.close());

  it("serves requests, still limited per instance in memory, and logs the failure, never a 500", async () => {
    const { token } = await tokenFor(t);
    for (let i = 0; i < 2; i++) expect((await solve(t, token)).statusCode).toBe(200);
    expect((await solve(t, token)).statusCode).toBe(429);
    const ip = uniqueIp();
    for (let i = 0; i < 2; i++) expect((await login(t.app, ip)).statusCode).toBe(200);
    expect((await login(t.app, ip)).statusCode).toBe(429);
    expect((await login(t.app, uniqueIp())).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.logs()).toContain("rate limit store (Redis) unavailable");
  });
});

describe.skipIf(redisUrl === undefined)(`rate limits in Redis (${REDIS_ONLY})`, () => {
  const redis = redisUrl === undefined ? undefined : new Redis(redisUrl, { lazyConnect: true });
  const appPrefix = `tollgate:rl:test:${randomUUID()}:`;
  const behaviour = limitBehaviour(() => ({ REDIS_URL: redisUrl ?? "" }), appPrefix);
  afterAll(async () => {
    if (redis === undefined) return;
    const keys = await redis.keys(`${appPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("keeps the counters in Redis, under the key prefix (not in the memory fallback)", async () => {
    const ip = uniqueIp();
    expect((await login(behaviour.app().app, ip)).statusCode).toBe(200);
    expect(await redis!.get(`${appPrefix}auth:${ip}`)).toBe("1");
  });

  it("shares counters between app instances under one key prefix, then cleans up", async () => {
    const prefix = `tollgate:rl:test:${randomUUID()}:`;
    const config = testConfig({ ...LIMITS, REDIS_URL: redisUrl ?? "" });
    const build = async () => {
      const app = Fastify();
      app.decorateRequest("principal", null);
      registerErrorHandling(app);
      await registerRateLimit(app, config, { redisKeyPrefix: prefix });
      app.post("/api/test/login", { config: { rateLimitGroup: "auth" } }, async () => ({
        ok: true,
      }));
      await app.ready();
      return app;
    };
    const [one, two] = [await build(), await build()];
    try {
      const ip = uniqueIp();
      expect((await login(one, ip)).statusCode).toBe(200);
      expect((await login(two, ip)).statusCode).toBe(200);
      expect((await login(one, ip)).statusCode).toBe(429);
      expect((await login(two, ip)).statusCode).toBe(429);
      const keys = await redis!.keys(`${prefix}*`);
      expect(keys).toEqual([`${prefix}auth:${ip}`]);
    } finally {
      await one.close();
      await two.close();
      const keys = await redis!.keys(`${prefix}*`);
      if (keys.length > 0) await redis!.del(...keys);
    }
  });
});
