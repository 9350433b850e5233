import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { authThrottle } from "./auth-throttle.table.js";

export interface ThrottleWindow {
  readonly key: string;
  readonly count: number;
  readonly windowStart: Date;
}

/** The row's own window_start (Drizzle would name the inserted value, not the stored one). */
const storedWindowStart = sql.raw(`"auth_throttle"."window_start"`);

/**
 * Counts one attempt for the key in a fixed window of `windowMs`, starting a new window when the
 * old one is over; one atomic upsert, so concurrent attempts on any instance are all counted.
 */
export async function countAttempt(
  db: DbOrTx,
  key: string,
  now: Date,
  windowMs: number,
): Promise<ThrottleWindow> {
  // No cap: the largest value of the integer `count` column.
  const row = await reserveAttempt(db, key, now, windowMs, 2_147_483_647);
  if (row === undefined) throw new Error("auth_throttle upsert returned no row");
  return row;
}

/**
 * Counts one attempt only while the window holds fewer than `max`: one atomic upsert, so of any
 * number of concurrent attempts on any instance at most `max` per window get a row back.
 * Undefined when the window is full (nothing is counted then).
 */
export async function reserveAttempt(
  db: DbOrTx,
  key: string,
  now: Date,
  windowMs: number,
  max: number,
): Promise<ThrottleWindow | undefined> {
  const expiredBefore = new Date(now.getTime() - windowMs).toISOString();
  const expired = sql`${storedWindowStart} <= ${expiredBefore}::timestamptz`;
  const [row] = await db
    .insert(authThrottle)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`case when ${expired} then 1 else "auth_throttle"."count" + 1 end`,
        windowStart: sql`case when ${expired} then excluded.window_start else ${storedWindowStart} end`,
      },
      setWhere: sql`${expired} or "auth_throttle"."count" < ${max}`,
    })
    .returning();
  return row;
}

/**
 * Takes back one reserved attempt, only from the window it was counted in (a window that ended
 * meanwhile no longer holds it).
 */
export async function releaseAttempt(db: DbOrTx, reserved: ThrottleWindow): Promise<void> {
  await db
    .update(authThrottle)
    .set({ count: sql`${authThrottle.count} - 1` })
    .where(
      and(
        eq(authThrottle.key, reserved.key),
        eq(authThrottle.windowStart, reserved.windowStart),
        gt(authThrottle.count, 0),
      ),
    );
}

export async function findAttempts(db: DbOrTx, keys: string[]): Promise<ThrottleWindow[]> {
  return db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
}

export async function clearAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [key]));
}

/** Deletes every key that starts with `prefix` (taken literally: no LIKE wildcards). */
export async function clearAttemptsWithPrefix(db: DbOrTx, prefix: string): Promise<void> {
  await db.delete(authThrottle).where(sql`left(${authThrottle.key}, ${prefix.length}) = ${prefix}`);
}

/** Drops windows that ended long ago (rows of IPs and emails never seen again). */
export async function deleteStaleAttempts(db: DbOrTx, startedBefore: Date): Promise<void> {
  await db.delete(authThrottle).where(lt(authThrottle.windowStart, startedBefore));
}
