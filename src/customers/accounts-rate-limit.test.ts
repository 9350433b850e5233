import { randomBytes, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";

const redisUrl = process.env["TEST_REDIS_URL"] === "" ? undefined : process.env["TEST_REDIS_URL"];
const REDIS_ONLY = "needs Redis: set TEST_REDIS_URL (CI sets redis://127.0.0.1:6379)";

const AUTH_LIMIT = 2;
const LIMITS = { RATE_LIMIT_ENABLED: "true", RATE_LIMIT_AUTH: `${AUTH_LIMIT}/minute` };

/** A documentation-range IP of its own per call, so counters of different tests never meet. */
function uniqueIp(): string {
  const [a, b] = randomBytes(2);
  return `203.0.${a}.${b}`;
}

function unknownEmail(): string {
  return `nobody-${randomUUID()}@example.com`;
}

/** The real auth routes, each with a body it answers without a 429 when under the limit. */
const AUTH_ROUTES = [
  {
    url: "/api/customers/login",
    payload: () => ({ email: unknownEmail(), password: "not-the-password" }),
    served: 401,
  },
  {
    url: "/api/customers/register",
    payload: () => ({
      email: unknownEmail(),
      password: "a-long-enough-password-1",
      invite_code: "no-such-invite",
    }),
    served: 400,
  },
  {
    url: "/api/customers/resend-verification",
    payload: () => ({ email: unknownEmail() }),
    served: 202,
  },
  {
    url: "/api/customers/password/reset",
    payload: () => ({ email: unknownEmail() }),
    served: 202,
  },
  {
    url: "/api/customers/password/reset/confirm",
    payload: () => ({ token: "no-such-token", new_password: "a-long-enough-password-1" }),
    served: 400,
  },
] as const;

type AuthRoute = (typeof AUTH_ROUTES)[number];

function post(t: TestApp, route: AuthRoute, ip: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: route.url,
    payload: route.payload(),
    remoteAddress: ip,
    headers,
  });
}

/** Limits on the real routes, for the store `env` selects; `prefix` isolates Redis keys. */
function authRouteLimits(env: () => Record<string, string>, prefix?: string) {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { ...LIMITS, ...env() },
      ...(prefix === undefined ? {} : { appOptions: { rateLimit: { redisKeyPrefix: prefix } } }),
    });
  });
  afterAll(async () => t.close());

  for (const route of AUTH_ROUTES) {
    it(`limits POST ${route.url} per client IP: 429 rate_limited with Retry-After`, async () => {
      const ip = uniqueIp();
      for (let i = 0; i < AUTH_LIMIT; i++) {
        expect((await post(t, route, ip)).statusCode).toBe(route.served);
      }
      const limited = await post(t, route, ip);
      expectProblem(limited, 429, "rate_limited");
      const retryAfter = Number(limited.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      expect((await post(t, route, uniqueIp())).statusCode).toBe(route.served);
    });
  }

  it("counts the three auth routes together, per IP", async () => {
    const ip = uniqueIp();
    const [login, register, resend] = AUTH_ROUTES;
    expect((await post(t, login, ip)).statusCode).toBe(login.served);
    expect((await post(t, register, ip)).statusCode).toBe(register.served);
    expect((await post(t, resend, ip)).statusCode).toBe(429);
  });

  return () => t;
}

describe("auth rate limits on the real routes, in memory", () => {
  authRouteLimits(() => ({}));
});

describe("auth rate limits behind a trusted proxy", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS, TRUST_PROXY: "1" } });
  });
  afterAll(async () => t.close());

  it("counts per X-Forwarded-For client, not per proxy address", async () => {
    const [login] = AUTH_ROUTES;
    const proxy = uniqueIp();
    const client = uniqueIp();
    const forwarded = { "x-forwarded-for": client };
    for (let i = 0; i < AUTH_LIMIT; i++) {
      expect((await post(t, login, proxy, forwarded)).statusCode).toBe(login.served);
    }
    expect((await post(t, login, proxy, forwarded)).statusCode).toBe(429);
    const other = { "x-forwarded-for": uniqueIp() };
    expect((await post(t, login, proxy, other)).statusCode).toBe(login.served);
  });
});

describe.skipIf(redisUrl === undefined)(
  `auth rate limits on the real routes, in Redis (${REDIS_ONLY})`,
  () => {
    const prefix = `tollgate:rl:test:${randomUUID()}:`;
    const redis = redisUrl === undefined ? undefined : new Redis(redisUrl, { lazyConnect: true });
    const app = authRouteLimits(() => ({ REDIS_URL: redisUrl ?? "" }), prefix);
    afterAll(async () => {
      const keys = await redis!.keys(`${prefix}*`);
      if (keys.length > 0) await redis!.del(...keys);
      redis!.disconnect();
    });

    it("keeps the per-IP counters in Redis, under the key prefix", async () => {
      const ip = uniqueIp();
      const [login] = AUTH_ROUTES;
      expect((await post(app(), login, ip)).statusCode).toBe(login.served);
      expect(await redis!.get(`${prefix}auth:${ip}`)).toBe("1");
    });
  },
);
