import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import { Redis } from "ioredis";
import type { Config, RateLimitRule } from "../config.js";
import { platformError } from "./errors.js";

/** Prefix of every rate-limit key in Redis. */
export const DEFAULT_REDIS_KEY_PREFIX = "tollgate:rl:";
/** At most one "Redis unreachable" line per this many ms, however many requests fail. */
const REDIS_ERROR_LOG_INTERVAL_MS = 30_000;

export interface RateLimitOptions {
  /** Redis key prefix; tests use a unique one per run. */
  readonly redisKeyPrefix?: string;
}

type Group = "auth" | "solve";

const KEYS: Readonly<Record<Group, (request: FastifyRequest) => string>> = {
  // Per API token (the bearer hook has set the principal by now); per IP if somehow anonymous.
  solve: (request) => `solve:${request.principal?.tokenId ?? `ip:${request.ip}`}`,
  auth: (request) => `auth:${request.ip}`,
};

// One round trip: count the hit and read the window's remaining time (ms), starting a window on
// the first hit (or when a key somehow has no expiry).
const INCREMENT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}`;

type IncrementCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type Increment = (key: string, windowMs: number) => Promise<[number, number]>;

/**
 * A Redis store for @fastify/rate-limit whose keys are exactly `<prefix><group>:<id>` (the bundled
 * store adds the route's method and URL, which the limiters made by app.rateLimit() lack).
 */
function redisStore(redis: Redis, prefix: string) {
  redis.defineCommand("tollgateRateLimitIncrement", { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  const increment = (
    redis as unknown as { tollgateRateLimitIncrement: Increment }
  ).tollgateRateLimitIncrement.bind(redis);
  return class TollgateRedisStore {
    incr(key: string, callback: IncrementCallback, timeWindow: number): void {
      increment(`${prefix}${key}`, timeWindow).then(
        ([current, ttl]) => {
          callback(null, { current, ttl });
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }
    child(): this {
      return this;
    }
  };
}

const STARTUP_CONNECT_WAIT_MS = 1_500;

/** Resolves true once the client is ready, false after `ms` without a connection. */
function connected(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === "ready") return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      resolve(ready);
    };
    const onReady = () => {
      done(true);
    };
    const timer = setTimeout(() => {
      done(false);
    }, ms);
    redis.once("ready", onReady);
  });
}

/** A client that fails fast: when Redis is down, requests are served without a limit, never queued. */
function connectRedis(url: string, log: FastifyInstance["log"]): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    commandTimeout: 500,
    enableOfflineQueue: false,
  });
  let lastLoggedAt = -Infinity;
  redis.on("error", (error: Error) => {
    const now = performance.now();
    if (now - lastLoggedAt < REDIS_ERROR_LOG_INTERVAL_MS) return;
    lastLoggedAt = now;
    log.warn(
      { err: { message: error.message, code: (error as { code?: unknown }).code } },
      "rate limit store (Redis) unavailable; requests are served without rate limiting",
    );
  });
  return redis;
}

/**
 * Opt-in rate limits (RATE_LIMIT_ENABLED) for routes that declare `config.rateLimitGroup`:
 * "solve" per API token (RATE_LIMIT_SOLVE), "auth" per client IP (RATE_LIMIT_AUTH). Counters live
 * in Redis when REDIS_URL is set (shared by every instance), in memory otherwise. Over the limit:
 * 429 rate_limited with Retry-After. A failing store never fails a request (skipOnError).
 * Call before the routes are registered; the limit runs after authentication, before the body.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: Config,
  options: RateLimitOptions = {},
): Promise<void> {
  if (!config.rateLimit.enabled) return;
  const redis = config.redisUrl === undefined ? undefined : connectRedis(config.redisUrl, app.log);
  if (redis !== undefined) {
    // Commands fail fast while disconnected (no offline queue), so give the first connection a
    // moment at startup; if Redis is down the app starts anyway, unlimited, and says so.
    app.addHook("onReady", async () => {
      if (!(await connected(redis, STARTUP_CONNECT_WAIT_MS))) {
        app.log.warn("rate limit store (Redis) not reachable at startup; limits apply once it is");
      }
    });
    app.addHook("onClose", async () => {
      redis.disconnect();
    });
  }
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    ...(redis === undefined
      ? {}
      : { store: redisStore(redis, options.redisKeyPrefix ?? DEFAULT_REDIS_KEY_PREFIX) }),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return platformError("rate_limited", `Too many requests; retry in ${seconds} s.`, {
        headers: { "Retry-After": String(seconds) },
      });
    },
  });

  const limiter = (group: Group, rule: RateLimitRule): onRequestHookHandler =>
    app.rateLimit({ max: rule.max, timeWindow: rule.windowMs, keyGenerator: KEYS[group] });
  const limiters: Readonly<Record<Group, onRequestHookHandler>> = {
    solve: limiter("solve", config.rateLimit.solve),
    auth: limiter("auth", config.rateLimit.auth),
  };

  // Appended as a route-level onRequest hook: those run after the app-level ones (authentication),
  // and before the body is read, so a limited client's upload is not received.
  app.addHook("onRoute", (route) => {
    const group = route.config?.rateLimitGroup;
    if (group === undefined) return;
    const existing = route.onRequest;
    const hooks =
      existing === undefined ? [] : Array.isArray(existing) ? [...existing] : [existing];
    route.onRequest = [...hooks, limiters[group]];
  });
}
