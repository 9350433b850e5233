import type { Millicredits } from "./credit-amounts.js";

/**
 * Which calls may run before their credits are held (docs/decisions.md#credits). A call with a
 * credit cost is normally reserved for in one trip through the database and charged in a second;
 * when the account's live credits, read by this process within the last `maxAgeMs` and less what
 * its calls in flight may still charge, cover this call `marginCalls` times over, the call runs at
 * once and its charge is taken with its log, all or nothing (`credit_charge`). This process's own
 * reservations leave the in-flight amount untouched (`credit_reserve`'s `keep`), so only a drain
 * of the whole margin by others within `maxAgeMs` (staff debits, other instances) can leave a call
 * that ran uncovered: it is refused with 402 and nothing is charged. Near the end of a balance
 * every call is reserved before it runs, as always.
 */
export interface OptimisticAdmission {
  /** True, counting the call as in flight, when it may run before its credits are held. */
  admit(accountId: string, cost: Millicredits): boolean;
  /** An admitted call was charged or refused: it no longer counts as in flight. */
  finished(accountId: string, cost: Millicredits): void;
  /** What this process's admitted calls of the account may still charge. */
  inFlight(accountId: string): Millicredits;
  /** The account's live credits as the database just said under the account's lock. */
  observe(accountId: string, available: Millicredits): void;
  /** Credits changed other than through an observed statement: read them again first. */
  forget(accountId: string): void;
  /** The account's live credits as last observed, if that was within `withinMs`. */
  recentlyAvailable(accountId: string, withinMs: number): Millicredits | undefined;
}

export interface OptimisticAdmissionOptions {
  /** The recent balance must cover the call this many times over (0 turns admission off). */
  readonly marginCalls?: number;
  /** A balance read longer ago than this is not relied on. */
  readonly maxAgeMs?: number;
  /** Accounts remembered at most; the least recently observed is forgotten first. */
  readonly maxAccounts?: number;
  readonly now?: () => number;
}

const DEFAULT_MARGIN_CALLS = 100;
const DEFAULT_MAX_AGE_MS = 1_000;
const DEFAULT_MAX_ACCOUNTS = 10_000;

interface Known {
  /** Undefined once forgotten (the count in flight is kept until those calls finish). */
  available: Millicredits | undefined;
  at: number;
  inFlight: Millicredits;
}

export function createOptimisticAdmission(
  options: OptimisticAdmissionOptions = {},
): OptimisticAdmission {
  const marginCalls = options.marginCalls ?? DEFAULT_MARGIN_CALLS;
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
  const now = options.now ?? Date.now;
  const accounts = new Map<string, Known>();

  function recent(known: Known | undefined, withinMs: number): Millicredits | undefined {
    if (known?.available === undefined || now() - known.at > withinMs) return undefined;
    return known.available;
  }

  /** Makes room for one more account: the least recently observed without calls in flight. */
  function evict(): void {
    for (const [accountId, known] of accounts) {
      if (known.inFlight === 0) {
        accounts.delete(accountId);
        return;
      }
    }
  }

  return {
    admit(accountId, cost) {
      const known = accounts.get(accountId);
      const available = recent(known, maxAgeMs);
      if (marginCalls <= 0 || cost <= 0 || known === undefined || available === undefined) {
        return false;
      }
      if (available - known.inFlight - cost < cost * marginCalls) return false;
      known.inFlight += cost;
      return true;
    },
    finished(accountId, cost) {
      const known = accounts.get(accountId);
      if (known !== undefined) known.inFlight = Math.max(0, known.inFlight - cost);
    },
    inFlight(accountId) {
      return accounts.get(accountId)?.inFlight ?? 0;
    },
    observe(accountId, available) {
      const known = accounts.get(accountId);
      // Re-inserted, so the map's order is the order of observation.
      accounts.delete(accountId);
      if (known === undefined && accounts.size >= maxAccounts) evict();
      accounts.set(accountId, { available, at: now(), inFlight: known?.inFlight ?? 0 });
    },
    forget(accountId) {
      const known = accounts.get(accountId);
      if (known !== undefined) known.available = undefined;
    },
    recentlyAvailable(accountId, withinMs) {
      return recent(accounts.get(accountId), withinMs);
    },
  };
}
