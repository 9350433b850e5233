import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";
import { billingPeriods } from "../usage/billing-periods.table.js";
import { prices, productKind, products } from "./catalog.table.js";

/** See ORDER_TRANSITIONS in order-states.ts for the moves between them. */
export const orderStatus = pgEnum("order_status", [
  "pending",
  "paid",
  "fulfilled",
  "canceled",
  "expired",
  "failed",
  "refunded",
  "partially_refunded",
]);
export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const paymentProviderName = pgEnum("payment_provider", ["local", "stripe"]);
export type PaymentProviderName = (typeof paymentProviderName.enumValues)[number];

/**
 * A purchase: of a catalog price (`price_id`), or of an ended postpaid billing period
 * (`billing_period_id`). Amounts are snapshots taken when the order is created.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    productId: uuid("product_id").references(() => products.id, { onDelete: "restrict" }),
    priceId: uuid("price_id").references(() => prices.id, { onDelete: "restrict" }),
    billingPeriodId: uuid("billing_period_id").references(() => billingPeriods.id, {
      onDelete: "restrict",
    }),
    /** The product's kind when ordered; null for a billing period. */
    kind: productKind("kind"),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull().default(1),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    /** Millicredits the order grants when paid (credit packs). */
    creditAmount: bigint("credit_amount", { mode: "number" }),
    status: orderStatus("status").notNull().default("pending"),
    provider: paymentProviderName("provider").notNull(),
    providerSessionId: text("provider_session_id"),
    /** The provider's payment (a Stripe PaymentIntent, a local payment id): unique. */
    providerPaymentId: text("provider_payment_id"),
    paidAmountCents: integer("paid_amount_cents"),
    refundedCents: integer("refunded_cents").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
  },
  (t) => [
    index("orders_user_created_idx").on(t.userId, t.createdAt),
    index("orders_status_created_idx").on(t.status, t.createdAt),
    uniqueIndex("orders_provider_session_key").on(t.provider, t.providerSessionId),
    uniqueIndex("orders_provider_payment_key").on(t.provider, t.providerPaymentId),
    check("orders_quantity_check", sql`${t.quantity} between 1 and 1000`),
    check("orders_amount_check", sql`${t.amountCents} >= 0`),
    check(
      "orders_refunded_check",
      sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= coalesce(${t.paidAmountCents}, 0)`,
    ),
    check(
      "orders_target_check",
      sql`(${t.priceId} is not null and ${t.billingPeriodId} is null) or (${t.priceId} is null and ${t.billingPeriodId} is not null)`,
    ),
  ],
);

export type Order = typeof orders.$inferSelect;

/**
 * Every payment event received, verified, once per provider event id. Recorded in the
 * transaction of its effect, so an event is either applied and recorded or neither.
 */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: paymentProviderName("provider").notNull(),
    providerEventId: text("provider_event_id").notNull(),
    type: text("type").notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "restrict" }),
    /** What the event did: `applied`, `ignored` (unknown type, or nothing left to do), … */
    outcome: text("outcome").notNull(),
    /** The event's identifying fields (object ids, amounts, statuses); never card data. */
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default({}),
    eventCreatedAt: timestamp("event_created_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payment_events_provider_event_key").on(t.provider, t.providerEventId),
    index("payment_events_order_idx").on(t.orderId),
    index("payment_events_received_idx").on(t.receivedAt),
  ],
);

export type PaymentEventRow = typeof paymentEvents.$inferSelect;

/** Receipt numbers: one counter per year, taken in the paying transaction, so gap-free. */
export const receiptCounters = pgTable(
  "receipt_counters",
  {
    year: integer("year").primaryKey(),
    last: integer("last").notNull(),
  },
  (t) => [check("receipt_counters_last_check", sql`${t.last} >= 0`)],
);

export const receipts = pgTable(
  "receipts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** `R-2026-000001`. */
    number: text("number").notNull(),
    email: text("email").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    provider: paymentProviderName("provider").notNull(),
    providerPaymentId: text("provider_payment_id"),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("receipts_order_key").on(t.orderId),
    uniqueIndex("receipts_number_key").on(t.number),
    index("receipts_user_issued_idx").on(t.userId, t.issuedAt),
  ],
);

export type Receipt = typeof receipts.$inferSelect;
