import { and, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { inviteCodes, type InviteCode } from "./invite-codes.table.js";
import { users } from "./users.table.js";

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

export const INVITE_STATUSES = ["unused", "used", "expired", "withdrawn"] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/**
 * An invite's status at `now`, in SQL so the list can filter on it: used once claimed; else
 * withdrawn when inactive (staff withdrew it; older rows may lack withdrawn_at); else expired
 * past its expiry; else unused, i.e. usable to register.
 */
function inviteStatus(now: Date): SQL<InviteStatus> {
  return sql<InviteStatus>`case
    when ${inviteCodes.usedAt} is not null or ${inviteCodes.usedBy} is not null then 'used'
    when not ${inviteCodes.isActive} then 'withdrawn'
    when ${inviteCodes.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'
    else 'unused' end`;
}

export type InviteWithStatus = InviteCode & {
  status: InviteStatus;
  usedByEmail: string | null;
};

/** Staff: invites newest first, each with its status at `now` and its user's email. */
export async function listInvites(
  db: DbOrTx,
  params: { status?: InviteStatus | undefined; now: Date; limit: number; offset: number },
): Promise<{ count: number; rows: InviteWithStatus[] }> {
  const status = inviteStatus(params.now);
  const where = params.status === undefined ? undefined : sql`${status} = ${params.status}`;
  const [total] = await db.select({ n: count() }).from(inviteCodes).where(where);
  const rows = await db
    .select({ invite: inviteCodes, status, usedByEmail: users.email })
    .from(inviteCodes)
    .leftJoin(users, eq(users.id, inviteCodes.usedBy))
    .where(where)
    .orderBy(desc(inviteCodes.createdAt), desc(inviteCodes.id))
    .limit(params.limit)
    .offset(params.offset);
  return {
    count: total?.n ?? 0,
    rows: rows.map((r) => ({ ...r.invite, status: r.status, usedByEmail: r.usedByEmail })),
  };
}

/** Staff: one invite with its status at `now`. */
export async function findInviteWithStatus(
  db: DbOrTx,
  id: string,
  now: Date,
): Promise<InviteWithStatus | undefined> {
  const [row] = await db
    .select({ invite: inviteCodes, status: inviteStatus(now), usedByEmail: users.email })
    .from(inviteCodes)
    .leftJoin(users, eq(users.id, inviteCodes.usedBy))
    .where(eq(inviteCodes.id, id));
  return row === undefined
    ? undefined
    : { ...row.invite, status: row.status, usedByEmail: row.usedByEmail };
}

/**
 * Withdraws an invite nobody used: one conditional UPDATE, so of a withdrawal and a registration
 * claiming the invite at once exactly one wins (claimInvite needs it active). Undefined when it
 * was used, withdrawn already, or does not exist.
 */
export async function withdrawInvite(
  db: DbOrTx,
  id: string,
  now: Date,
): Promise<InviteCode | undefined> {
  const [invite] = await db
    .update(inviteCodes)
    .set({ isActive: false, withdrawnAt: now })
    .where(
      and(
        eq(inviteCodes.id, id),
        isNull(inviteCodes.usedAt),
        isNull(inviteCodes.usedBy),
        eq(inviteCodes.isActive, true),
      ),
    )
    .returning();
  return invite;
}
