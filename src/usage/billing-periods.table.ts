import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";

export const paymentStatus = pgEnum("payment_status", ["pending", "paid", "overdue", "waived"]);
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];

/** One calendar month (UTC) of a user's metered usage, and whether it has been paid. */
export const billingPeriods = pgTable(
  "billing_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** First day of the month, inclusive (YYYY-MM-DD, UTC). */
    periodStart: date("period_start", { mode: "string" }).notNull(),
    /** Last day of the month, inclusive. */
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    totalRequests: integer("total_requests").notNull().default(0),
    totalCostCents: bigint("total_cost_cents", { mode: "number" }).notNull().default(0),
    /**
     * Only `ensureBillingPeriod` moves it (under the user's lock). Defaults to false: a row
     * inserted elsewhere must never take it from the user's newest period or collide with the
     * one-current-per-user index.
     */
    isCurrent: boolean("is_current").notNull().default(false),
    paymentStatus: paymentStatus("payment_status").notNull().default("pending"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paidAmountCents: bigint("paid_amount_cents", { mode: "number" }),
    paymentReference: text("payment_reference"),
    paymentNotes: text("payment_notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("billing_periods_user_period_start_key").on(t.userId, t.periodStart),
    uniqueIndex("billing_periods_one_current_per_user")
      .on(t.userId)
      .where(sql`${t.isCurrent}`),
    index("billing_periods_payment_status_idx").on(t.paymentStatus),
    index("billing_periods_period_start_idx").on(t.periodStart),
    index("billing_periods_period_end_idx").on(t.periodEnd),
    // Target of request_logs' (billing_period_id, user_id) foreign key: a log can only point to
    // a period of its own user.
    unique("billing_periods_id_user_id_key").on(t.id, t.userId),
    check("billing_periods_total_requests_check", sql`${t.totalRequests} >= 0`),
    check("billing_periods_total_cost_cents_check", sql`${t.totalCostCents} >= 0`),
    check("billing_periods_period_end_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      "billing_periods_paid_amount_cents_check",
      sql`${t.paidAmountCents} is null or ${t.paidAmountCents} >= 0`,
    ),
  ],
);

export type BillingPeriod = typeof billingPeriods.$inferSelect;
