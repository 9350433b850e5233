import type { Logger } from "pino";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { customersError } from "./customers.errors.js";
import {
  clearAttempts,
  countAttempt,
  deleteStaleAttempts,
  findAttempts,
} from "./throttle.queries.js";

/** Login failures allowed per email and per client IP in one window. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Verification emails sent per address per hour; more requests still answer 202 but send nothing. */
export const RESEND_MAX_PER_WINDOW = 3;
export const RESEND_WINDOW_MS = 60 * 60_000;

export interface AuthThrottle {
  /** Throws 429 too_many_attempts (with Retry-After) when the email or the IP is locked out. */
  assertLoginAllowed(email: string, ip: string): Promise<void>;
  recordLoginFailure(email: string, ip: string): Promise<void>;
  /** A successful login forgets the email's failures (not the IP's). */
  clearLoginFailures(email: string): Promise<void>;
  /** Counts a resend and says whether it is within the limit. */
  allowVerificationEmail(email: string): Promise<boolean>;
}

const loginKeys = (email: string, ip: string) => [`login-email:${email}`, `login-ip:${ip}`];

/** Stale rows are swept at most once an hour per instance, after a failed login. */
const SWEEP_INTERVAL_MS = 60 * 60_000;
const STALE_AFTER_MS = 24 * 60 * 60_000;

export function createAuthThrottle(deps: { db: Db; clock: Clock; log: Logger }): AuthThrottle {
  const { db, clock, log } = deps;
  let lastSweep = 0;

  function sweepStaleRows(now: Date): void {
    if (now.getTime() - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = now.getTime();
    deleteStaleAttempts(db, new Date(now.getTime() - STALE_AFTER_MS)).catch((error: unknown) => {
      log.warn({ err: error }, "could not sweep stale auth_throttle rows");
    });
  }

  return {
    async assertLoginAllowed(email, ip) {
      const now = clock.now().getTime();
      const windows = await findAttempts(db, loginKeys(email, ip));
      const retryAfterMs = Math.max(
        0,
        ...windows
          .filter((w) => w.count >= LOGIN_MAX_FAILURES)
          .map((w) => w.windowStart.getTime() + LOGIN_WINDOW_MS - now),
      );
      if (retryAfterMs > 0) {
        const seconds = Math.ceil(retryAfterMs / 1000);
        throw customersError(
          "too_many_attempts",
          `Too many failed logins; try again in ${seconds} seconds.`,
          { headers: { "Retry-After": String(seconds) } },
        );
      }
    },

    async recordLoginFailure(email, ip) {
      const now = clock.now();
      for (const key of loginKeys(email, ip)) await countAttempt(db, key, now, LOGIN_WINDOW_MS);
      sweepStaleRows(now);
    },

    async clearLoginFailures(email) {
      await clearAttempts(db, `login-email:${email}`);
    },

    async allowVerificationEmail(email) {
      const window = await countAttempt(db, `resend:${email}`, clock.now(), RESEND_WINDOW_MS);
      return window.count <= RESEND_MAX_PER_WINDOW;
    },
  };
}
