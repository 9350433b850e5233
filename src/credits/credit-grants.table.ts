import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts.table.js";

/** Spent in this order (see SPEND_ORDER in ledger.sql.ts): trial, subscription, payg, adjustment. */
export const creditKind = pgEnum("credit_kind", ["trial", "subscription", "payg", "adjustment"]);
export type CreditKind = (typeof creditKind.enumValues)[number];

/**
 * A bucket of credits. All amounts are millicredits (thousandths of a credit). The counters
 * partition the amount, which a CHECK enforces at every commit:
 * amount = remaining (spendable) + held (reserved by open holds) + consumed (settled, minus
 * refunds) + expired + debited (taken back by staff).
 */
export const creditGrants = pgTable(
  "credit_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => billingAccounts.id, { onDelete: "restrict" }),
    kind: creditKind("kind").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    remaining: bigint("remaining", { mode: "number" }).notNull(),
    held: bigint("held", { mode: "number" }).notNull().default(0),
    consumed: bigint("consumed", { mode: "number" }).notNull().default(0),
    expired: bigint("expired", { mode: "number" }).notNull().default(0),
    debited: bigint("debited", { mode: "number" }).notNull().default(0),
    /** Null: never expires (pay-as-you-go). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /**
     * What made the grant (`verification`, `staff`, `cli`, later an order or an invoice) and its
     * id there; unique together, so a replayed source can never grant twice.
     */
    sourceType: text("source_type").notNull(),
    sourceId: text("source_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("credit_grants_source_key").on(t.sourceType, t.sourceId),
    index("credit_grants_spendable_idx")
      .on(t.accountId)
      .where(sql`${t.remaining} > 0`),
    index("credit_grants_expiring_idx")
      .on(t.expiresAt)
      .where(sql`${t.remaining} > 0 and ${t.expiresAt} is not null`),
    check("credit_grants_amount_check", sql`${t.amount} > 0`),
    check(
      "credit_grants_counters_check",
      sql`${t.remaining} >= 0 and ${t.held} >= 0 and ${t.consumed} >= 0 and ${t.expired} >= 0 and ${t.debited} >= 0`,
    ),
    check(
      "credit_grants_conservation_check",
      sql`${t.amount} = ${t.remaining} + ${t.held} + ${t.consumed} + ${t.expired} + ${t.debited}`,
    ),
  ],
);

export type CreditGrant = typeof creditGrants.$inferSelect;
