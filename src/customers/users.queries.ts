import { and, count, desc, eq, ilike, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { containsPattern } from "../platform/db/like.js";
import { users, type User } from "./users.table.js";

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/** True once any account exists (the first-start demo seeding runs only before that). */
export async function hasAnyUser(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}

/** Locks the user's row until the transaction ends (serializes verification of one user). */
export async function findUserByIdForUpdate(db: DbOrTx, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).for("update");
  return user;
}

/** Inserts the user; undefined when the (lower-cased) email is already taken. */
export async function insertUser(
  db: DbOrTx,
  values: typeof users.$inferInsert,
): Promise<User | undefined> {
  try {
    const [user] = await db
      .insert(users)
      .values({ ...values, email: values.email.toLowerCase() })
      .returning();
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

export async function markEmailVerified(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
}

export async function setUserPassword(
  db: DbOrTx,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.update(users).set({ password: passwordHash }).where(eq(users.id, userId));
}

/**
 * Counts a login attempt for a known account before its password is checked: one UPDATE that
 * only counts while the account is not locked and fewer than `threshold` attempts are counted, so
 * that however many attempts run in parallel, at most `threshold` are ever verified before a lock.
 * Returns the count including this attempt; undefined when the account is locked or full.
 */
export async function reserveLoginAttempt(
  db: DbOrTx,
  userId: string,
  params: { now: Date; threshold: number },
): Promise<number | undefined> {
  const [row] = await db
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(
      and(
        eq(users.id, userId),
        or(isNull(users.lockedUntil), lte(users.lockedUntil, params.now)),
        lt(users.failedLoginCount, params.threshold),
      ),
    )
    .returning({ failedLoginCount: users.failedLoginCount });
  return row?.failedLoginCount;
}

/** The attempt that counted the `threshold`-th failure locks the account and starts again. */
export async function lockUser(db: DbOrTx, userId: string, lockUntil: Date): Promise<void> {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: lockUntil })
    .where(eq(users.id, userId));
}

/**
 * A right password: the count starts again, unless a parallel attempt locked the account
 * meanwhile (false: the login is refused like any other while locked).
 */
export async function acceptLogin(db: DbOrTx, userId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ failedLoginCount: 0 })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ id: users.id });
  return row !== undefined;
}

/** Lifts a lockout and forgets the failures; undefined for an unknown user. */
export async function unlockUser(db: DbOrTx, userId: string): Promise<User | undefined> {
  const [user] = await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null })
    .where(eq(users.id, userId))
    .returning();
  return user;
}

/**
 * Registers again over a pending (unverified, active) account: new password and invite, new
 * registration time. Undefined when the account was verified or deactivated meanwhile.
 */
export async function restartRegistration(
  db: DbOrTx,
  userId: string,
  values: { password: string; registeredInviteId: string | null; dateJoined: Date },
): Promise<User | undefined> {
  const [user] = await db
    .update(users)
    .set(values)
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt), eq(users.isActive, true)))
    .returning();
  return user;
}

/**
 * Turns a pending registration (unverified, active) into a verified account with a new password
 * and no invite to claim. Undefined when it was verified or deactivated meanwhile.
 */
export async function takeOverPendingAccount(
  db: DbOrTx,
  userId: string,
  values: { password: string; isStaff: boolean; emailVerifiedAt: Date },
): Promise<User | undefined> {
  const [user] = await db
    .update(users)
    .set({ ...values, registeredInviteId: null })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt), eq(users.isActive, true)))
    .returning();
  return user;
}

/** Users for staff, newest first; `email` matches any part, in any case. */
export async function listUsers(
  db: DbOrTx,
  params: {
    email?: string | undefined;
    isActive?: boolean | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ count: number; rows: User[] }> {
  const where = and(
    params.email === undefined ? undefined : ilike(users.email, containsPattern(params.email)),
    params.isActive === undefined ? undefined : eq(users.isActive, params.isActive),
  );
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(desc(users.dateJoined), users.email)
    .limit(params.limit)
    .offset(params.offset);
  return { count: total?.n ?? 0, rows };
}

export async function updateUserFlags(
  db: DbOrTx,
  userId: string,
  changes: { isActive?: boolean | undefined; isStaff?: boolean | undefined },
): Promise<User | undefined> {
  const set = {
    ...(changes.isActive === undefined ? {} : { isActive: changes.isActive }),
    ...(changes.isStaff === undefined ? {} : { isStaff: changes.isStaff }),
  };
  if (Object.keys(set).length === 0) return findUserById(db, userId);
  const [user] = await db.update(users).set(set).where(eq(users.id, userId)).returning();
  return user;
}
