import { and, desc, eq, gt, lt, lte, ne } from "drizzle-orm";
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

/** Deletes the user's sessions except `keepId`; returns how many ended. */
export async function deleteOtherSessionsOfUser(
  db: DbOrTx,
  userId: string,
  keepId: string | undefined,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      keepId === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.id, keepId)),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function deleteExpiredSessionsOfUser(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}

/** The user's unexpired sessions, newest first. */
export async function listLiveSessionsOfUser(db: DbOrTx, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      publicId: sessions.publicId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt), desc(sessions.publicId));
}

/** Deletes one session of the user by its public id; undefined when it is not theirs. */
export async function deleteSessionOfUser(
  db: DbOrTx,
  userId: string,
  publicId: string,
): Promise<{ publicId: string } | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId)))
    .returning({ publicId: sessions.publicId });
  return row;
}
