import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import { prices, products } from "../payments/catalog.table.js";
import { paymentProviderName } from "../payments/orders.table.js";

/** Stripe's subscription statuses, which the local provider uses too. */
export const subscriptionStatus = pgEnum("subscription_status", [
  "trialing",
  "active",
  "past_due",
  "unpaid",
  "canceled",
  "incomplete",
  "incomplete_expired",
]);
export type SubscriptionStatus = (typeof subscriptionStatus.enumValues)[number];

/** A subscription in these states is the account's one paid subscription. */
export const LIVE_STATUSES = ["trialing", "active", "past_due", "unpaid"] as const;
/** The states in which the plan's entitlements apply (access is kept while past due). */
export const ENTITLED_STATUSES = ["trialing", "active", "past_due"] as const;

/**
 * The provider's subscriptions as Tollgate last heard of them (a projection: webhooks, the local
 * provider's page and `advance-subscription`, refreshes). Reading it never calls the provider.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    priceId: uuid("price_id")
      .notNull()
      .references(() => prices.id, { onDelete: "restrict" }),
    provider: paymentProviderName("provider").notNull(),
    providerSubscriptionId: text("provider_subscription_id").notNull(),
    providerCustomerId: text("provider_customer_id"),
    /** The checkout that started it (the local page's session, a Stripe Checkout session). */
    checkoutSessionId: text("checkout_session_id"),
    status: subscriptionStatus("status").notNull(),
    currentPeriodStart: timestamp("current_period_start", { withTimezone: true }),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    /** A downgrade waiting for the period end: the price the next period is billed at. */
    pendingPriceId: uuid("pending_price_id").references(() => prices.id, { onDelete: "restrict" }),
    /** Stripe: the subscription schedule that makes the pending downgrade at the period end. */
    providerScheduleId: text("provider_schedule_id"),
    canceledAt: timestamp("canceled_at", { withTimezone: true }),
    /** When the projection last agreed with the provider (an event or a refresh). */
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull(),
    /** Creation time of the last provider event applied: an older event never overwrites. */
    lastEventAt: timestamp("last_event_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subscriptions_provider_subscription_key").on(t.provider, t.providerSubscriptionId),
    uniqueIndex("subscriptions_checkout_session_key").on(t.provider, t.checkoutSessionId),
    // One paid subscription per account: two checkouts paid at once cannot both become live.
    uniqueIndex("subscriptions_one_live_key")
      .on(t.userId)
      .where(sql`${t.status} in ('trialing', 'active', 'past_due', 'unpaid')`),
    index("subscriptions_user_created_idx").on(t.userId, t.createdAt),
    index("subscriptions_status_idx").on(t.status),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;

/**
 * Every invoice of a subscription Tollgate heard of, once per provider invoice id: the key of
 * its credit grant (`credit_grants` source `invoice`), so a replay grants nothing.
 */
export const subscriptionInvoices = pgTable(
  "subscription_invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "restrict" }),
    provider: paymentProviderName("provider").notNull(),
    providerInvoiceId: text("provider_invoice_id").notNull(),
    /** `paid` or `payment_failed` (the latest word on it). */
    status: text("status").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    /** Millicredits its payment granted (0 for a plan without credits). */
    creditAmount: bigint("credit_amount", { mode: "number" }).notNull().default(0),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subscription_invoices_provider_invoice_key").on(t.provider, t.providerInvoiceId),
    index("subscription_invoices_subscription_idx").on(t.subscriptionId, t.periodStart),
    check("subscription_invoices_amount_check", sql`${t.amountCents} >= 0`),
    check("subscription_invoices_period_check", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);

export type SubscriptionInvoice = typeof subscriptionInvoices.$inferSelect;
