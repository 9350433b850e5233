import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { inviteCodes, type InviteCode } from "./invite-codes.table.js";

export async function findInviteByCode(db: DbOrTx, code: string): Promise<InviteCode | undefined> {
  const [invite] = await db.select().from(inviteCodes).where(eq(inviteCodes.code, code));
  return invite;
}

export async function findInviteById(db: DbOrTx, id: string): Promise<InviteCode | undefined> {
  const [invite] = await db.select().from(inviteCodes).where(eq(inviteCodes.id, id));
  return invite;
}

export async function insertInvites(
  db: DbOrTx,
  rows: { code: string; expiresAt: Date | null; createdAt: Date }[],
): Promise<InviteCode[]> {
  return db.insert(inviteCodes).values(rows).returning();
}

/**
 * Marks the invite used by this user, only if nobody used it yet: one conditional UPDATE, so of
 * two accounts registered with one invite exactly one can claim it. Undefined when already used.
 */
export async function claimInvite(
  db: DbOrTx,
  inviteId: string,
  userId: string,
  now: Date,
): Promise<InviteCode | undefined> {
  const [invite] = await db
    .update(inviteCodes)
    .set({ usedAt: now, usedBy: userId, isActive: false })
    .where(
      and(eq(inviteCodes.id, inviteId), isNull(inviteCodes.usedBy), eq(inviteCodes.isActive, true)),
    )
    .returning();
  return invite;
}
