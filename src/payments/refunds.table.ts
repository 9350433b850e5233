import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";
import { orders, paymentProviderName } from "./orders.table.js";

/** As Stripe names a refund's states; `pending` also covers "asked, no answer yet". */
export const refundStatus = pgEnum("refund_status", [
  "pending",
  "requires_action",
  "succeeded",
  "failed",
  "canceled",
]);
export type RefundStatus = (typeof refundStatus.enumValues)[number];

/**
 * Money given back on an order: asked by staff (then `requested_by`) or made at the provider and
 * learned from its events. A refund's effect (the order's refunded amount, the credits taken
 * back) is applied once, when it first succeeds (`applied_at`).
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    provider: paymentProviderName("provider").notNull(),
    /** Null until the provider answered (a refund Tollgate asked for). */
    providerRefundId: text("provider_refund_id"),
    amountCents: integer("amount_cents").notNull(),
    status: refundStatus("status").notNull().default("pending"),
    reason: text("reason").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    /** Millicredits taken back from the order's grant, and what could not be (already spent). */
    creditsClawedBack: bigint("credits_clawed_back", { mode: "number" }).notNull().default(0),
    creditShortfall: bigint("credit_shortfall", { mode: "number" }).notNull().default(0),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("refunds_provider_refund_key").on(t.provider, t.providerRefundId),
    index("refunds_order_idx").on(t.orderId),
    check("refunds_amount_check", sql`${t.amountCents} > 0`),
    check("refunds_credits_check", sql`${t.creditsClawedBack} >= 0 and ${t.creditShortfall} >= 0`),
  ],
);

export type Refund = typeof refunds.$inferSelect;
