import type Stripe from "stripe";
import type { CheckoutEvent, PaymentEvent, RefundEvent } from "./payment-provider.js";
import { refundStatusOf } from "./stripe-provider.js";

const idOf = (value: string | { id: string } | null): string | null =>
  value === null ? null : typeof value === "string" ? value : value.id;

function checkoutEvent(
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
  kind: CheckoutEvent["kind"],
): CheckoutEvent {
  return {
    kind,
    provider: "stripe",
    eventId: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
    sessionId: session.id,
    orderId: session.client_reference_id,
    paymentId: idOf(session.payment_intent),
    amountCents: session.amount_total,
    currency: session.currency,
  };
}

function refundEvent(event: Stripe.Event, refund: Stripe.Refund): RefundEvent {
  return {
    kind: "refund",
    provider: "stripe",
    eventId: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
    providerRefundId: refund.id,
    paymentId: idOf(refund.payment_intent),
    amountCents: refund.amount,
    status: refundStatusOf(refund.status),
    refundId: refund.metadata?.["refund_id"] ?? null,
  };
}

/**
 * A verified Stripe event in the provider-neutral shape fulfilment applies. Only one-time
 * Checkout sessions are orders; everything else is recorded and ignored (subscription mode
 * belongs to the subscriptions feature).
 */
export function paymentEventOf(event: Stripe.Event): PaymentEvent {
  const ignored: PaymentEvent = {
    kind: "ignored",
    provider: "stripe",
    eventId: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
  };
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      if (session.mode !== "payment") return ignored;
      // A delayed method (a bank debit) completes the session before the money moves: the
      // async_payment_* event that follows decides.
      const settled = session.payment_status !== "unpaid";
      return checkoutEvent(event, session, settled ? "checkout_paid" : "checkout_pending");
    }
    case "checkout.session.async_payment_succeeded":
      return event.data.object.mode === "payment"
        ? checkoutEvent(event, event.data.object, "checkout_paid")
        : ignored;
    case "checkout.session.async_payment_failed":
      return event.data.object.mode === "payment"
        ? checkoutEvent(event, event.data.object, "checkout_failed")
        : ignored;
    case "checkout.session.expired":
      return event.data.object.mode === "payment"
        ? checkoutEvent(event, event.data.object, "checkout_expired")
        : ignored;
    // Sent for every refund, whoever made it (since API version 2024-10-28.acacia).
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
      return refundEvent(event, event.data.object);
    default:
      return ignored;
  }
}
