import { randomBytes } from "node:crypto";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { logCapture, testConfig } from "../../test/support/app.js";
import {
  startFakeRedis,
  type FakeRedis,
  type FakeRedisMode,
} from "../../test/support/fake-redis.js";
import { registerErrorHandling } from "./error-handler.js";
import { createLogger } from "./logging.js";
import { registerRateLimit, type RateLimitOptions } from "./rate-limit.js";

const PREFIX = "tollgate:rl:fake:";
const FAILED = "rate limit store (Redis) command failed";

function uniqueIp(): string {
  const [a, b] = randomBytes(2);
  return `198.51.${a}.${b}`;
}

let fake: FakeRedis | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

/** The rate limit alone, on a bare app, against a fake Redis; logs captured at warn level. */
async function limitedApp(mode: FakeRedisMode, options: Omit<RateLimitOptions, "redisKeyPrefix">) {
  fake = await startFakeRedis(mode);
  const config = testConfig({
    RATE_LIMIT_ENABLED: "true",
    RATE_LIMIT_AUTH: "2/minute",
    REDIS_URL: fake.url,
    LOG_LEVEL: "warn",
  });
  const capture = logCapture();
  // Typed as Fastify's logger interface so the instance has the default type.
  const logger: FastifyBaseLogger = createLogger(config, capture.stream);
  const limited = Fastify({ loggerInstance: logger });
  app = limited;
  limited.decorateRequest("principal", null);
  registerErrorHandling(limited);
  await registerRateLimit(limited, config, { redisKeyPrefix: PREFIX, ...options });
  limited.post("/api/test/login", { config: { rateLimitGroup: "auth" } }, async () => ({
    ok: true,
  }));
  await limited.ready();
  return {
    fake,
    logs: () => capture.text(),
    login: (ip: string) =>
      limited.inject({ method: "POST", url: "/api/test/login", remoteAddress: ip }),
  };
}

describe("rate limits when Redis fails after start-up", () => {
  it("serves the request when a command times out, logs it once, and skips Redis during the cool-down", async () => {
    const { fake, logs, login } = await limitedApp("stall", {});
    const ip = uniqueIp();

    expect((await login(ip)).statusCode).toBe(200);
    expect(fake.scriptCalls).toEqual([[`${PREFIX}auth:${ip}`, "60000"]]);
    // Within the cool-down no command reaches Redis; the limit still holds, counted in memory.
    expect((await login(ip)).statusCode).toBe(200);
    const limited = await login(ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "rate_limited" });
    expect(limited.headers["retry-after"]).toBeDefined();
    expect(fake.scriptCalls).toHaveLength(1);

    const warnings = logs()
      .split("\n")
      .filter((line) => line.includes(FAILED));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({
      level: 40,
      err: { message: "Command timed out" },
    });
    // The key (client IP, or a token id on solve) never reaches the log.
    expect(logs()).not.toContain(ip);
  });

  it("serves requests when Redis goes away after being ready, still limiting in memory", async () => {
    const { fake, logs, login } = await limitedApp("drop", {});
    const ip = uniqueIp();

    expect((await login(ip)).statusCode).toBe(200);
    expect(fake.scriptCalls).toHaveLength(1);
    expect((await login(ip)).statusCode).toBe(200);
    const limited = await login(ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "rate_limited" });
    expect((await login(uniqueIp())).statusCode).toBe(200);
    expect(logs()).toContain("rate limit store (Redis)");
    expect(logs()).not.toContain(ip);
  });

  it("uses Redis again after the cool-down", async () => {
    const { fake, login } = await limitedApp("stall", { storeCoolDownMs: 200 });
    const ip = uniqueIp();
    expect((await login(ip)).statusCode).toBe(200);
    expect(fake.scriptCalls).toHaveLength(1);

    fake.recover();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answered = await login(ip);
    expect(answered.statusCode).toBe(200);
    expect(fake.scriptCalls).toHaveLength(2);
    // Counted by Redis (the fake's second hit on the key), not by the memory fallback.
    expect(answered.headers["x-ratelimit-remaining"]).toBe("0");
    expect((await login(ip)).statusCode).toBe(429);
    expect(fake.scriptCalls).toHaveLength(3);
  });

  it("logs at most one warning however many commands fail", async () => {
    // No cool-down: every request waits for the hung Redis and fails.
    const { fake, logs, login } = await limitedApp("stall", { storeCoolDownMs: 0 });
    for (let i = 0; i < 3; i++) expect((await login(uniqueIp())).statusCode).toBe(200);
    expect(fake.scriptCalls).toHaveLength(3);
    const warnings = logs()
      .split("\n")
      .filter((line) => line.includes("counting in memory per instance meanwhile"));
    expect(warnings).toHaveLength(1);
  });
});
