import type { Millicredits } from "./credit-amounts.js";

/**
 * Which calls may run before their credits are held (docs/decisions.md#credits). A call with a
 * credit cost is normally reserved for in one trip through the database and charged in a second;
 * when the account's live credits, read by this process within the last `maxAgeMs` and less what
 * its calls in flight may still charge, cover this call `marginCalls` times over, the call runs at
 * once and its charge is taken with its log, all or nothing (`credit_charge`). Only a drain of
 * that whole margin by others within `maxAgeMs` (staff debits, other instances) can then leave a
 * call that ran uncovered: it is refused with 402 and nothing is charged. Near the end of a
 * balance every call is reserved before it runs, as always.
 */
export interface OptimisticAdmission {
  /** True, counting the call as in flight, when it may run before its credits are held. */
  admit(accountId: string, cost: Millicredits): boolean;
  /** An admitted call was charged or refused: it no longer counts as in flight. */
  finished(accountId: string, cost: Millicredits): void;
  /** The account's live credits as the database just said under the account's lock. */
  observe(accountId: string, available: Millicredits): void;
  /** The account's live credits as last observed, if that was within `maxAgeMs`. */
  recentlyAvailable(accountId: string): Millicredits | undefined;
}

export interface OptimisticAdmissionOptions {
  /** The recent balance must cover the call this many times over (0 turns admission off). */
  readonly marginCalls?: number;
  /** A balance read longer ago than this is not relied on. */
  readonly maxAgeMs?: number;
  /** Accounts remembered at most; the oldest is forgotten first. */
  readonly maxAccounts?: number;
  readonly now?: () => number;
}

const DEFAULT_MARGIN_CALLS = 100;
const DEFAULT_MAX_AGE_MS = 1_000;
const DEFAULT_MAX_ACCOUNTS = 10_000;

interface Known {
  available: Millicredits;
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

  return {
    admit(accountId, cost) {
      const known = accounts.get(accountId);
      if (marginCalls <= 0 || cost <= 0 || known === undefined) return false;
      if (now() - known.at > maxAgeMs) return false;
      if (known.available - known.inFlight - cost < cost * marginCalls) return false;
      known.inFlight += cost;
      return true;
    },
    finished(accountId, cost) {
      const known = accounts.get(accountId);
      if (known !== undefined) known.inFlight = Math.max(0, known.inFlight - cost);
    },
    recentlyAvailable(accountId) {
      const known = accounts.get(accountId);
      return known === undefined || now() - known.at > maxAgeMs ? undefined : known.available;
    },
    observe(accountId, available) {
      const known = accounts.get(accountId);
      if (known !== undefined) {
        known.available = available;
        known.at = now();
        return;
      }
      if (accounts.size >= maxAccounts) {
        // Maps iterate in insertion order: the first key is the longest remembered. Its count of
        // calls in flight goes with it; the all-or-nothing charge still refuses a call that no
        // longer fits.
        const oldest = accounts.keys().next().value;
        if (oldest !== undefined) accounts.delete(oldest);
      }
      accounts.set(accountId, { available, at: now(), inFlight: 0 });
    },
  };
}
