import type Stripe from "stripe";
import type { InvoicePaidEvent } from "./subscription-events.js";
import { subscriptionStatus, type SubscriptionStatus } from "./subscriptions.table.js";

/** A subscription as the provider holds it: what the projection copies. */
export interface SubscriptionSnapshot {
  readonly providerSubscriptionId: string;
  readonly customerId: string | null;
  readonly status: SubscriptionStatus;
  readonly cancelAtPeriodEnd: boolean;
  readonly canceledAt: Date | null;
  readonly periodStart: Date | null;
  readonly periodEnd: Date | null;
  readonly providerPriceId: string | null;
  /** Our user, from the metadata the checkout gave the subscription. */
  readonly userId: string | null;
}

/** What Stripe's subscription events say, in the shape the subscriptions feature applies. */
export type StripeSubscriptionEvent =
  | ({ readonly kind: "invoice_paid" } & InvoicePaidEvent)
  | ({ readonly kind: "invoice_failed" } & InvoicePaidEvent)
  | {
      readonly kind: "subscription_state";
      readonly provider: "stripe";
      readonly eventId: string;
      readonly type: string;
      readonly createdAt: Date;
      readonly snapshot: SubscriptionSnapshot;
    };

/** Stripe's side of subscriptions: subscription-mode Checkout, changes, the Customer Portal. */
export interface SubscriptionProvider {
  createCheckout(request: {
    userId: string;
    email: string;
    providerPriceId: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ sessionId: string; url: string }>;
  retrieve(providerSubscriptionId: string): Promise<SubscriptionSnapshot>;
  setCancelAtPeriodEnd(
    providerSubscriptionId: string,
    cancel: boolean,
  ): Promise<SubscriptionSnapshot>;
  portalUrl(customerId: string, returnUrl: string): Promise<string>;
  /** An upgrade: the subscription's one item takes the new price now, prorated by Stripe. */
  changePriceNow(
    providerSubscriptionId: string,
    providerPriceId: string,
  ): Promise<SubscriptionSnapshot>;
  /**
   * A downgrade at the period end: a subscription schedule (made from the subscription, or the
   * one it has) keeps the current price until the period ends, then bills the new one and
   * releases the subscription. Returns the schedule's id.
   */
  scheduleChange(request: {
    providerSubscriptionId: string;
    scheduleId: string | null;
    currentPriceId: string;
    nextPriceId: string;
    nextInterval: "month" | "year";
  }): Promise<string>;
  /** Drops a pending change: the schedule lets the subscription go on as it is. */
  releaseSchedule(scheduleId: string): Promise<void>;
  /** Ends the subscription now (staff). */
  cancelNow(providerSubscriptionId: string): Promise<SubscriptionSnapshot>;
}

export const USER_METADATA_KEY = "tollgate_user_id";

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === "string" ? value : value.id;
const dateOf = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

export function snapshotOf(subscription: Stripe.Subscription): SubscriptionSnapshot {
  // Since API version 2025-03-31 the period lives on the items (one item: the plan's price).
  const item = subscription.items.data[0];
  const status = (subscriptionStatus.enumValues as readonly string[]).includes(subscription.status)
    ? (subscription.status as SubscriptionStatus)
    : "incomplete";
  return {
    providerSubscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    status,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: dateOf(subscription.canceled_at),
    periodStart: dateOf(item?.current_period_start),
    periodEnd: dateOf(item?.current_period_end),
    providerPriceId: idOf(item?.price),
    userId: subscription.metadata[USER_METADATA_KEY] ?? null,
  };
}

function invoiceEvent(event: Stripe.Event, invoice: Stripe.Invoice, paid: boolean) {
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const line = invoice.lines.data[0];
  if (subscriptionId === null || line === undefined) return null;
  return {
    kind: paid ? ("invoice_paid" as const) : ("invoice_failed" as const),
    provider: "stripe" as const,
    eventId: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
    providerSubscriptionId: subscriptionId,
    invoiceId: invoice.id,
    amountCents: paid ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency,
    periodStart: new Date(line.period.start * 1000),
    periodEnd: new Date(line.period.end * 1000),
  };
}

/** The subscription events Tollgate applies; null for every other event (orders take those). */
export function stripeSubscriptionEventOf(event: Stripe.Event): StripeSubscriptionEvent | null {
  switch (event.type) {
    case "invoice.paid":
      return invoiceEvent(event, event.data.object, true);
    case "invoice.payment_failed":
      return invoiceEvent(event, event.data.object, false);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return {
        kind: "subscription_state",
        provider: "stripe",
        eventId: event.id,
        type: event.type,
        createdAt: new Date(event.created * 1000),
        snapshot: snapshotOf(event.data.object),
      };
    default:
      return null;
  }
}

export function createStripeSubscriptions(stripe: Stripe): SubscriptionProvider {
  return {
    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: [{ price: request.providerPriceId, quantity: 1 }],
        client_reference_id: request.userId,
        customer_email: request.email,
        metadata: { [USER_METADATA_KEY]: request.userId },
        subscription_data: { metadata: { [USER_METADATA_KEY]: request.userId } },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      });
      if (session.url === null) throw new Error("Stripe returned a checkout session without a URL");
      return { sessionId: session.id, url: session.url };
    },
    async retrieve(id) {
      return snapshotOf(await stripe.subscriptions.retrieve(id));
    },
    async setCancelAtPeriodEnd(id, cancel) {
      return snapshotOf(await stripe.subscriptions.update(id, { cancel_at_period_end: cancel }));
    },
    async changePriceNow(id, providerPriceId) {
      const current = await stripe.subscriptions.retrieve(id);
      const item = current.items.data[0];
      if (item === undefined) throw new Error(`Stripe subscription ${id} has no item`);
      return snapshotOf(
        await stripe.subscriptions.update(id, {
          items: [{ id: item.id, price: providerPriceId }],
          proration_behavior: "create_prorations",
        }),
      );
    },
    async scheduleChange(request) {
      const schedule =
        request.scheduleId === null
          ? await stripe.subscriptionSchedules.create({
              from_subscription: request.providerSubscriptionId,
            })
          : await stripe.subscriptionSchedules.retrieve(request.scheduleId);
      const phase = schedule.current_phase ?? schedule.phases[0];
      if (phase === undefined) throw new Error(`Stripe schedule ${schedule.id} has no phase`);
      // The phases are given whole: the running one as it is, then one period of the new price;
      // after it the schedule releases the subscription, which renews at that price.
      await stripe.subscriptionSchedules.update(schedule.id, {
        end_behavior: "release",
        phases: [
          {
            items: [{ price: request.currentPriceId, quantity: 1 }],
            start_date: phase.start_date,
            end_date: phase.end_date,
          },
          {
            items: [{ price: request.nextPriceId, quantity: 1 }],
            duration: { interval: request.nextInterval, interval_count: 1 },
            proration_behavior: "none",
          },
        ],
      });
      return schedule.id;
    },
    async releaseSchedule(scheduleId) {
      await stripe.subscriptionSchedules.release(scheduleId);
    },
    async cancelNow(id) {
      return snapshotOf(await stripe.subscriptions.cancel(id));
    },
    async portalUrl(customerId, returnUrl) {
      const session = await stripe.billingPortal.sessions.create({
        customer: customerId,
        return_url: returnUrl,
      });
      return session.url;
    },
  };
}
