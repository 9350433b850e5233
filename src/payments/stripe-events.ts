import type Stripe from "stripe";
import type { CheckoutEvent, PaymentEvent } from "./payment-provider.js";

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
    default:
      return ignored;
  }
}
