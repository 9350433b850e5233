import type { Logger } from "pino";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { customersError } from "./customers.errors.js";
import {
  clearAttempts,
  clearAttemptsWithPrefix,
  countAttempt,
  deleteStaleAttempts,
  findAttempts,
  releaseAttempt,
  reserveAttempt,
  type ThrottleWindow,
} from "./throttle.queries.js";

/**
 * Login failures allowed per (email, client IP) in one window: an address that guesses is held
 * back, while the owner logging in from anywhere else is not.
 */
export const LOGIN_MAX_FAILURES = 5;
/** Failures allowed per client IP across all emails in one window (password spraying). */
export const LOGIN_IP_MAX_FAILURES = 50;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Verification emails sent per address per hour; more requests still answer 202 but send nothing. */
export const RESEND_MAX_PER_WINDOW = 3;
export const RESEND_WINDOW_MS = 60 * 60_000;
/** Reset emails per address per hour; more requests still answer 202 but send nothing. */
export const RESET_MAX_PER_WINDOW = 3;
/** "Account locked" emails per address in six hours: repeated locks by an attacker mail once. */
export const LOCKOUT_EMAIL_MAX_PER_WINDOW = 1;
export const LOCKOUT_EMAIL_WINDOW_MS = 6 * 60 * 60_000;
/** Reset requests per client IP per hour, across addresses (always on, unlike RATE_LIMIT_*). */
export const RESET_IP_MAX_PER_WINDOW = 20;
export const RESET_WINDOW_MS = 60 * 60_000;

/**
 * A login attempt counted against the (email, IP) and the IP's limits before the password is
 * checked, so that concurrent wrong passwords cannot all pass a check that precedes their
 * recording.
 */
export interface LoginAttempt {
  readonly reserved: readonly ThrottleWindow[];
}

export interface AuthThrottle {
  /**
   * Counts the attempt as a failure up front; throws 429 too_many_attempts (with Retry-After)
   * when this IP already has its 5 failures for the email, or its 50 across emails, in the
   * window, counting nothing then.
   */
  beginLoginAttempt(email: string, ip: string): Promise<LoginAttempt>;
  /** The password was right: the attempt is taken back from both counters. */
  passwordAccepted(attempt: LoginAttempt): Promise<void>;
  /**
   * Forgets the email's failures: from this IP (a successful login there), or from every IP (a
   * password reset or an unlock: the owner gets back in from wherever they are).
   */
  clearLoginFailures(email: string, ip?: string): Promise<void>;
  /** Counts a resend and says whether it is within the limit. */
  allowVerificationEmail(email: string): Promise<Allowance>;
  /**
   * Counts a password-reset request for the client IP and, within the IP's limit, for the
   * address; says whether both are within their limits.
   */
  allowPasswordResetEmail(email: string, ip: string): Promise<Allowance>;
  /** Counts an "account locked" email for the address and says whether it may be sent. */
  allowLockoutEmail(email: string): Promise<Allowance>;
}

/** Whether a counted action is within its limit, and if not, when its window ends. */
export type Allowance =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

const pairPrefix = (email: string) => `login:${email}|`;
const loginLimits = (email: string, ip: string) => [
  { key: `${pairPrefix(email)}${ip}`, max: LOGIN_MAX_FAILURES },
  { key: `login-ip:${ip}`, max: LOGIN_IP_MAX_FAILURES },
];

/** Stale rows are swept at most once an hour per instance, at a login attempt. */
const SWEEP_INTERVAL_MS = 60 * 60_000;
const STALE_AFTER_MS = 24 * 60 * 60_000;

/** Whole seconds until the window that started at `windowStart` ends; at least 1. */
function secondsLeft(windowStart: Date, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
}

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

  /** The latest end among the full windows of these keys: when every one of them lets a try in. */
  async function loginRetryAfterSeconds(
    limits: readonly { key: string; max: number }[],
    now: Date,
  ): Promise<number> {
    const windows = await findAttempts(
      db,
      limits.map((limit) => limit.key),
    );
    const maxOf = new Map(limits.map((limit) => [limit.key, limit.max]));
    const ends = windows
      .filter((w) => w.count >= (maxOf.get(w.key) ?? 0))
      .map((w) => secondsLeft(w.windowStart, LOGIN_WINDOW_MS, now));
    // A full window emptied since (a success cleared it): the next try may well pass.
    return Math.max(1, ...ends);
  }

  async function allow(key: string, max: number, windowMs: number): Promise<Allowance> {
    const now = clock.now();
    const window = await countAttempt(db, key, now, windowMs);
    if (window.count <= max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: secondsLeft(window.windowStart, windowMs, now) };
  }

  return {
    async beginLoginAttempt(email, ip) {
      const now = clock.now();
      sweepStaleRows(now);
      const limits = loginLimits(email, ip);
      const reserved: ThrottleWindow[] = [];
      for (const { key, max } of limits) {
        const window = await reserveAttempt(db, key, now, LOGIN_WINDOW_MS, max);
        if (window === undefined) {
          // Refused attempts count nowhere: a throttled pair must not use up its IP's budget.
          for (const taken of reserved) await releaseAttempt(db, taken);
          const seconds = await loginRetryAfterSeconds(limits, now);
          throw customersError(
            "too_many_attempts",
            `Too many failed logins; try again in ${String(seconds)} seconds.`,
            { headers: { "Retry-After": String(seconds) } },
          );
        }
        reserved.push(window);
      }
      return { reserved };
    },

    async passwordAccepted(attempt) {
      for (const window of attempt.reserved) await releaseAttempt(db, window);
    },

    async clearLoginFailures(email, ip) {
      if (ip === undefined) await clearAttemptsWithPrefix(db, pairPrefix(email));
      else await clearAttempts(db, `${pairPrefix(email)}${ip}`);
    },

    allowVerificationEmail: (email) =>
      allow(`resend:${email}`, RESEND_MAX_PER_WINDOW, RESEND_WINDOW_MS),

    allowLockoutEmail: (email) =>
      allow(`lockout-email:${email}`, LOCKOUT_EMAIL_MAX_PER_WINDOW, LOCKOUT_EMAIL_WINDOW_MS),

    async allowPasswordResetEmail(email, ip) {
      const fromIp = await allow(`reset-ip:${ip}`, RESET_IP_MAX_PER_WINDOW, RESET_WINDOW_MS);
      if (!fromIp.allowed) return fromIp;
      return allow(`reset:${email}`, RESET_MAX_PER_WINDOW, RESET_WINDOW_MS);
    },
  };
}
