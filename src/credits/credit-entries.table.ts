import {
  bigint,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "../customers/users.table.js";
import { billingAccounts } from "./billing-accounts.table.js";
import { creditGrants } from "./credit-grants.table.js";
import { creditHolds } from "./credit-holds.table.js";

export const creditEntryType = pgEnum("credit_entry_type", [
  "grant",
  "reserve",
  "settle",
  "charge",
  "release",
  "refund",
  "expire",
  "adjust",
]);
export type CreditEntryType = (typeof creditEntryType.enumValues)[number];

/**
 * The append-only journal of an account's credits (a trigger refuses UPDATE and DELETE).
 * `amount` is the entry's signed change, in millicredits, to the account's unspent credits (the
 * sum of its grants' `remaining`), and `balance_after` that sum right after it:
 * grant/adjust +n (a new grant) or adjust −n (staff debit, one entry per grant debited),
 * reserve −held, settle +(held − charged) (0 when the whole hold was charged), release +held,
 * charge −charged (a call charged when it finished, without a reservation before it ran),
 * refund +charged, expire −n. Entries of one account are ordered by `seq`: every writer holds the
 * account's row lock while it writes, so `seq` order is the order the changes were made in.
 */
export const creditEntries = pgTable(
  "credit_entries",
  {
    /**
     * The order of the journal, and its key: an append-only table written on every metered call
     * keeps its indexes few and its inserts at the end of each (a random UUID key costs both).
     */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    /** The entry's public id (the API's `id`); not indexed: nothing looks an entry up by it. */
    id: uuid("id").notNull().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => billingAccounts.id, { onDelete: "restrict" }),
    /** Null for entries of a hold, which may span grants (its allocations say which). */
    grantId: uuid("grant_id").references(() => creditGrants.id, { onDelete: "restrict" }),
    holdId: uuid("hold_id").references(() => creditHolds.id, { onDelete: "restrict" }),
    type: creditEntryType("type").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    balanceAfter: bigint("balance_after", { mode: "number" }).notNull(),
    service: text("service"),
    requestId: uuid("request_id"),
    reason: text("reason"),
    /** The staff user who made an adjustment; null for the system and the CLI. */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("credit_entries_account_seq_idx").on(t.accountId, t.seq),
    // A hold is reserved, and then settled or released, and refunded, at most once each.
    uniqueIndex("credit_entries_hold_once_key")
      .on(t.holdId, t.type)
      .where(sql`${t.holdId} is not null`),
  ],
);

export type CreditEntry = typeof creditEntries.$inferSelect;
