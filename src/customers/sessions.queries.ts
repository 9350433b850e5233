import { and, eq, gt, lt, lte, ne } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { sessions } from "./sessions.table.js";
import { users } from "./users.table.js";

export async function insertSession(
  db: DbOrTx,
  values: {
    id: string;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values({ ...values, lastSeenAt: values.createdAt });
}

/** The unexpired session with its user, if that user is still active. */
export async function findLiveSessionWithUser(db: DbOrTx, id: string, now: Date) {
  const [row] = await db
    .select({
      id: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      isStaff: users.isStaff,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.isActive, true)));
  return row;
}

/** Sets last_seen_at unless another request did within the last `olderThan`. */
export async function touchSession(
  db: DbOrTx,
  id: string,
  now: Date,
  olderThan: Date,
): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, id), lte(sessions.lastSeenAt, olderThan)));
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteOtherSessionsOfUser(
  db: DbOrTx,
  userId: string,
  keepId: string | undefined,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepId === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.id, keepId)),
    );
}

export async function deleteExpiredSessionsOfUser(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}
