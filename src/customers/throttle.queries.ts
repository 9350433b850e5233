import { inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { authThrottle } from "./auth-throttle.table.js";

export interface ThrottleWindow {
  readonly key: string;
  readonly count: number;
  readonly windowStart: Date;
}

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
  const expiredBefore = new Date(now.getTime() - windowMs).toISOString();
  const windowStart = sql.raw(`"auth_throttle"."window_start"`);
  const [row] = await db
    .insert(authThrottle)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`case when ${windowStart} <= ${expiredBefore}::timestamptz then 1 else "auth_throttle"."count" + 1 end`,
        windowStart: sql`case when ${windowStart} <= ${expiredBefore}::timestamptz then excluded.window_start else ${windowStart} end`,
      },
    })
    .returning();
  if (row === undefined) throw new Error("auth_throttle upsert returned no row");
  return row;
}

export async function findAttempts(db: DbOrTx, keys: string[]): Promise<ThrottleWindow[]> {
  return db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
}

export async function clearAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [key]));
}

/** Drops windows that ended long ago (rows of IPs and emails never seen again). */
export async function deleteStaleAttempts(db: DbOrTx, startedBefore: Date): Promise<void> {
  await db.delete(authThrottle).where(lt(authThrottle.windowStart, startedBefore));
}
