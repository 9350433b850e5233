import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts.table.js";
import { creditGrants } from "./credit-grants.table.js";

/** held → settled | released, once (conditional updates on `status = 'held'`). */
export const holdStatus = pgEnum("credit_hold_status", ["held", "settled", "released"]);
export type HoldStatus = (typeof holdStatus.enumValues)[number];

/**
 * The credits reserved for one request before its provider is called (millicredits). Settled
 * for at most the held amount (the rest returns to the grants), or released whole; a settled
 * hold may later be refunded once, to the grants it came from.
 */
export const creditHolds = pgTable(
  "credit_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => billingAccounts.id, { onDelete: "restrict" }),
    /** The request's id: one hold per request, ever. */
    requestId: uuid("request_id").notNull(),
    service: text("service").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    captured: bigint("captured", { mode: "number" }).notNull().default(0),
    refunded: bigint("refunded", { mode: "number" }).notNull().default(0),
    status: holdStatus("status").notNull().default("held"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** After this, a hold still `held` belongs to a request that died: the sweep releases it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("credit_holds_request_id_key").on(t.requestId),
    index("credit_holds_open_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'held'`),
    check("credit_holds_amount_check", sql`${t.amount} > 0`),
    check("credit_holds_captured_check", sql`${t.captured} between 0 and ${t.amount}`),
    check(
      "credit_holds_refunded_check",
      sql`${t.refunded} = 0 or (${t.status} = 'settled' and ${t.refunded} = ${t.captured})`,
    ),
    check("credit_holds_capture_status_check", sql`${t.status} = 'settled' or ${t.captured} = 0`),
  ],
);

/** Which grants a hold took its credits from, in spend order; settle and refund follow them. */
export const creditHoldAllocations = pgTable(
  "credit_hold_allocations",
  {
    holdId: uuid("hold_id")
      .notNull()
      .references(() => creditHolds.id, { onDelete: "restrict" }),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => creditGrants.id, { onDelete: "restrict" }),
    /** Position in spend order: a partial settle captures from the lowest first. */
    ord: bigint("ord", { mode: "number" }).notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    captured: bigint("captured", { mode: "number" }).notNull().default(0),
    refunded: bigint("refunded", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    // No index by grant: only reconcile reads allocations by grant, and it reads them all.
    primaryKey({ columns: [t.holdId, t.grantId] }),
    check("credit_hold_allocations_amount_check", sql`${t.amount} > 0`),
    check(
      "credit_hold_allocations_captured_check",
      sql`${t.captured} between 0 and ${t.amount} and ${t.refunded} between 0 and ${t.captured}`,
    ),
  ],
);

export type CreditHold = typeof creditHolds.$inferSelect;
