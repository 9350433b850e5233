import type { Redis } from "ioredis";

/** How long the Redis store is skipped after a failed command, in ms. */
export const DEFAULT_STORE_COOL_DOWN_MS = 5_000;
/** Fallback counters kept at most; the oldest window is dropped first. */
const MAX_MEMORY_KEYS = 10_000;

type IncrementCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type Increment = (key: string, windowMs: number) => Promise<[number, number]>;

/** What a store failure reports: never the key (it holds token ids and client IPs). */
export interface StoreFailure {
  readonly message: string;
  readonly code?: unknown;
  readonly name: string;
}

export interface ResilientStoreOptions {
  readonly prefix: string;
  readonly coolDownMs: number;
  /** Called on every failed Redis command; the caller throttles the log. */
  readonly onFailure: (failure: StoreFailure) => void;
}

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

/** Fixed-window counters in this process, used while Redis is skipped. */
class MemoryCounters {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  increment(key: string, windowMs: number, now: number): { current: number; ttl: number } {
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      this.windows.delete(key);
      if (this.windows.size >= MAX_MEMORY_KEYS) {
        const oldest = this.windows.keys().next();
        if (oldest.done !== true) this.windows.delete(oldest.value);
      }
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { current: window.count, ttl: window.resetAt - now };
  }
}

/**
 * Circuit breaker around Redis: closed (use Redis) until a command fails, then open for the
 * cool-down (no command is sent, so a hung Redis costs one command timeout per cool-down, not one
 * per request), then one request probes Redis while the others keep counting in memory.
 */
class RedisCircuit {
  private failedAt: number | undefined;
  private probing = false;

  constructor(private readonly coolDownMs: number) {}

  tryRedis(now: number): boolean {
    if (this.failedAt === undefined) return true;
    if (this.probing || now - this.failedAt < this.coolDownMs) return false;
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.failedAt = undefined;
    this.probing = false;
  }

  failed(now: number): void {
    this.failedAt = now;
    this.probing = false;
  }
}

function describeFailure(error: unknown): StoreFailure {
  if (!(error instanceof Error)) return { message: String(error), name: "Error" };
  // ioredis errors also carry `command.args`, i.e. the key: only these fields are kept.
  return { message: error.message, code: (error as { code?: unknown }).code, name: error.name };
}

/**
 * A store for @fastify/rate-limit whose keys are exactly `<prefix><group>:<id>` (the bundled Redis
 * store adds the route's method and URL, which the limiters made by app.rateLimit() lack). While
 * Redis fails it counts in memory, per instance, so limits still hold (looser by the number of
 * instances) and the store itself never fails a request.
 */
export function resilientRedisStore(redis: Redis, options: ResilientStoreOptions) {
  redis.defineCommand("tollgateRateLimitIncrement", { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  const increment = (
    redis as unknown as { tollgateRateLimitIncrement: Increment }
  ).tollgateRateLimitIncrement.bind(redis);
  const circuit = new RedisCircuit(options.coolDownMs);
  const memory = new MemoryCounters();

  return class TollgateRedisStore {
    incr(key: string, callback: IncrementCallback, timeWindow: number): void {
      if (!circuit.tryRedis(performance.now())) {
        callback(null, memory.increment(key, timeWindow, performance.now()));
        return;
      }
      increment(`${options.prefix}${key}`, timeWindow).then(
        ([current, ttl]) => {
          circuit.succeeded();
          callback(null, { current, ttl });
        },
        (error: unknown) => {
          circuit.failed(performance.now());
          options.onFailure(describeFailure(error));
          callback(null, memory.increment(key, timeWindow, performance.now()));
        },
      );
    }
    child(): this {
      return this;
    }
  };
}
