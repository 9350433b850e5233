import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { users } from "../customers/users.table.js";
import type { DbOrTx } from "../platform/db/database.js";
import { rowsOf } from "../platform/db/rows.js";
import { billingAccounts } from "./billing-accounts.table.js";
import type { Millicredits } from "./credit-amounts.js";
import { creditEntries, type CreditEntry, type CreditEntryType } from "./credit-entries.table.js";

export type EntryWithEmail = CreditEntry & { userId: string; userEmail: string };

/** Journal entries, newest first: one account's, or every account's when none is named. */
export async function listEntries(
  db: DbOrTx,
  params: {
    accountId?: string | undefined;
    type?: CreditEntryType | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ count: number; rows: EntryWithEmail[] }> {
  const conditions: SQL[] = [];
  if (params.accountId !== undefined)
    conditions.push(eq(creditEntries.accountId, params.accountId));
  if (params.type !== undefined) conditions.push(eq(creditEntries.type, params.type));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(creditEntries).where(where);
  const rows = await db
    .select({ entry: creditEntries, userId: users.id, userEmail: users.email })
    .from(creditEntries)
    .innerJoin(billingAccounts, eq(billingAccounts.id, creditEntries.accountId))
    .innerJoin(users, eq(users.id, billingAccounts.userId))
    .where(where)
    .orderBy(desc(creditEntries.seq))
    .limit(params.limit)
    .offset(params.offset);
  return {
    count: total?.n ?? 0,
    rows: rows.map((r) => ({ ...r.entry, userId: r.userId, userEmail: r.userEmail })),
  };
}

/** The account's unspent credits (the sum of its grants' `remaining`). */
export async function unspentOfAccount(db: DbOrTx, accountId: string): Promise<Millicredits> {
  const [row] = await rowsOf<{ total: string }>(
    db,
    sql`select coalesce(sum(remaining), 0)::text as total from credit_grants
        where account_id = ${accountId}::uuid`,
  );
  return Number(row?.total ?? 0);
}
