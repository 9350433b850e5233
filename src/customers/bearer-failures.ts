/** Limits on the argon2 work that wrong API tokens can cause (each verification costs ~20 ms). */
export const BEARER_FAILURE_LIMITS = {
  /** A token that failed is refused without argon2 for this long (ms). */
  rejectedTtlMs: 60_000,
  /** Failed verifications allowed per (token prefix, client address) and window, per instance. */
  failuresPerPrefix: 10,
  windowMs: 60_000,
  maxEntries: 10_000,
} as const;

/**
 * Remembers failed bearer tokens (by SHA-256) and counts failures per token prefix and client
 * address. Prefixes are not secret (they are listed and logged), so without this anyone could make
 * every request run argon2 against a real token's hash. Past the budget, unknown tokens with that
 * prefix are refused unverified from that address until the window ends; the owner's token, sent
 * from any other address, is still verified (and once cached, works from everywhere).
 */
export function createBearerFailureGuard(limits = BEARER_FAILURE_LIMITS) {
  const rejected = new Map<string, number>();
  const budgets = new Map<string, { failures: number; windowStart: number }>();

  function bounded<K, V>(map: Map<K, V>): void {
    if (map.size < limits.maxEntries) return;
    const oldest = map.keys().next();
    if (oldest.done !== true) map.delete(oldest.value);
  }

  return {
    /** True when this token must be refused without verifying it. */
    refuses(tokenKey: string, budgetKey: string, now: number): boolean {
      const until = rejected.get(tokenKey);
      if (until !== undefined) {
        if (until > now) return true;
        rejected.delete(tokenKey);
      }
      const window = budgets.get(budgetKey);
      return (
        window !== undefined &&
        now - window.windowStart < limits.windowMs &&
        window.failures >= limits.failuresPerPrefix
      );
    },

    /** Forgets which tokens failed, e.g. once a deactivated user's tokens work again. */
    forgetRejected(): void {
      rejected.clear();
    },

    recordFailure(tokenKey: string, budgetKey: string, now: number): void {
      bounded(rejected);
      rejected.set(tokenKey, now + limits.rejectedTtlMs);
      const window = budgets.get(budgetKey);
      if (window === undefined || now - window.windowStart >= limits.windowMs) {
        bounded(budgets);
        budgets.set(budgetKey, { failures: 1, windowStart: now });
      } else {
        window.failures += 1;
      }
    },
  };
}
