import { pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";

/**
 * Who owns credits. Every user has exactly one, made with the user by a database trigger (so no
 * code path that inserts a user can forget it); organizations will own accounts later, which is
 * why the ledger is keyed by account and not by user. Every ledger write locks its accounts' rows
 * first (in id order): that lock serializes one account's ledger changes, so each journal entry's
 * balance_after is exact.
 */
export const billingAccounts = pgTable(
  "billing_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("billing_accounts_user_id_key").on(t.userId)],
);

export type BillingAccount = typeof billingAccounts.$inferSelect;
