import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import { Redis } from "ioredis";
import type { Config, RateLimitRule } from "../config.js";
import { platformError } from "./errors.js";
import { throttledWarn, type ThrottledWarn } from "./logging.js";
import { DEFAULT_STORE_COOL_DOWN_MS, resilientRedisStore } from "./rate-limit-store.js";

/** Prefix of every rate-limit key in Redis. */
export const DEFAULT_REDIS_KEY_PREFIX = "tollgate:rl:";
/** At most one Redis warning per this many ms, however many requests or reconnects fail. */
const REDIS_ERROR_LOG_INTERVAL_MS = 30_000;
/** At most one "plan unreadable" warning per this many ms (a database outage fails them all). */
const PLAN_ERROR_LOG_INTERVAL_MS = 30_000;

export interface RateLimitOptions {
  /** Redis key prefix; tests use a unique one per run. */
  readonly redisKeyPrefix?: string;
  /** How long Redis is skipped after a failure, in ms; tests shorten it. */
  readonly storeCoolDownMs?: number;
  /**
   * The "solve" rule of a signed-in caller (their plan's); RATE_LIMIT_SOLVE without it, for
   * anonymous callers, and when it fails (a limit never fails a request).
   */
  readonly solveRuleOf?: (userId: string) => Promise<RateLimitRule>;
}

type Group = "auth" | "solve";

// Keys name who is counted, never a secret: the API token's database id (a UUID, not derived from
// the token itself), else the client IP.
const KEYS: Readonly<Record<Group, (request: FastifyRequest) => string>> = {
  // Per API token (the bearer hook has set the principal by now), per user for a JWT; per IP if
  // somehow anonymous.
  solve: (request) => {
    const principal = request.principal;
    if (principal === null) return `solve:ip:${request.ip}`;
    return `solve:${principal.tokenId ?? `user:${principal.userId}`}`;
  },
  auth: (request) => `auth:${request.ip}`,
};

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

/** A client that fails fast: when Redis is down, commands fail at once instead of queueing. */
function connectRedis(url: string, warn: ThrottledWarn): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    commandTimeout: 500,
    enableOfflineQueue: false,
  });
  redis.on("error", (error: Error) => {
    warn(
      { message: error.message, code: (error as { code?: unknown }).code },
      "rate limit store (Redis) unavailable; counting in memory per instance meanwhile",
    );
  });
  return redis;
}

/**
 * The solve group's limiter when each caller's rule comes from their plan. The plugin asks for
 * the count and the window separately; both read one lookup per request.
 */
function perCallerLimiter(
  app: FastifyInstance,
  fallback: RateLimitRule,
  ruleOf: (userId: string) => Promise<RateLimitRule>,
  warn: ThrottledWarn,
) {
  const rules = new WeakMap<FastifyRequest, Promise<RateLimitRule>>();
  const ruleFor = (request: FastifyRequest): Promise<RateLimitRule> => {
    let rule = rules.get(request);
    if (rule === undefined) {
      const principal = request.principal;
      rule =
        principal === null
          ? Promise.resolve(fallback)
          : ruleOf(principal.userId).catch((error: unknown) => {
              warn(error, "caller's plan unreadable; RATE_LIMIT_SOLVE applies meanwhile");
              return fallback;
            });
      rules.set(request, rule);
    }
    return rule;
  };
  const max = async (request: FastifyRequest): Promise<number> => (await ruleFor(request)).max;
  const timeWindow = async (request: FastifyRequest): Promise<number> =>
    (await ruleFor(request)).windowMs;
  return app.rateLimit({ max, timeWindow, keyGenerator: KEYS.solve });
}

/**
 * Opt-in rate limits (RATE_LIMIT_ENABLED) for routes that declare `config.rateLimitGroup`:
 * "solve" per API token (the caller's plan's requests_per_minute through `solveRuleOf`, else
 * RATE_LIMIT_SOLVE), "auth" per client IP (RATE_LIMIT_AUTH). Counters live
 * in Redis when REDIS_URL is set (shared by every instance), in memory otherwise. Over the limit:
 * 429 rate_limited with Retry-After. A failing Redis never fails a request: the store counts in
 * memory for a cool-down, then tries Redis again (skipOnError is the last resort).
 * Call before the routes are registered; the limit runs after authentication, before the body.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: Config,
  options: RateLimitOptions = {},
): Promise<void> {
  if (!config.rateLimit.enabled) return;
  const warn = throttledWarn(app.log, REDIS_ERROR_LOG_INTERVAL_MS);
  const redis = config.redisUrl === undefined ? undefined : connectRedis(config.redisUrl, warn);
  if (redis !== undefined) {
    // Commands fail fast while disconnected (no offline queue), so give the first connection a
    // moment at startup; if Redis is down the app starts anyway, counting in memory, and says so.
    app.addHook("onReady", async () => {
      if (!(await connected(redis, STARTUP_CONNECT_WAIT_MS))) {
        app.log.warn(
          "rate limit store (Redis) not reachable at startup; counting in memory per instance until it is",
        );
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
      : {
          store: resilientRedisStore(redis, {
            prefix: options.redisKeyPrefix ?? DEFAULT_REDIS_KEY_PREFIX,
            coolDownMs: options.storeCoolDownMs ?? DEFAULT_STORE_COOL_DOWN_MS,
            onFailure: (failure) => {
              warn(
                failure,
                "rate limit store (Redis) command failed; counting in memory per instance meanwhile",
              );
            },
          }),
        }),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return platformError("rate_limited", `Too many requests; retry in ${seconds} s.`, {
        headers: { "Retry-After": String(seconds) },
      });
    },
  });

  const limiter = (group: Group, rule: RateLimitRule): onRequestHookHandler =>
    app.rateLimit({ max: rule.max, timeWindow: rule.windowMs, keyGenerator: KEYS[group] });
  const solveRuleOf = options.solveRuleOf;
  const limiters: Readonly<Record<Group, onRequestHookHandler>> = {
    solve:
      solveRuleOf === undefined
        ? limiter("solve", config.rateLimit.solve)
        : perCallerLimiter(
            app,
            config.rateLimit.solve,
            solveRuleOf,
            throttledWarn(app.log, PLAN_ERROR_LOG_INTERVAL_MS),
          ),
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
