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
    app.addHook("onClose", async () => {
      redis.disconnect();
    });
  }
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    ...(redis === undefined
      ? {}
      : { redis, nameSpace: options.redisKeyPrefix ?? DEFAULT_REDIS_KEY_PREFIX }),
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
