import Stripe from "stripe";
import type { StripeConfig } from "../config.js";
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  ProviderRefund,
} from "./payment-provider.js";
import type { RefundStatus } from "./refunds.table.js";

const REFUND_STATUSES: readonly string[] = [
  "pending",
  "requires_action",
  "succeeded",
  "failed",
  "canceled",
] satisfies RefundStatus[];

/** Stripe's refund status as ours; a status this code does not know counts as still pending. */
export function refundStatusOf(status: string | null): RefundStatus {
  return status !== null && REFUND_STATUSES.includes(status) ? (status as RefundStatus) : "pending";
}

/**
 * The API version this code reads and writes. Pinned together with the SDK (stripe 23.1.0) and
 * to be set on the webhook endpoint too, so events arrive in the shapes stripe-events.ts parses.
 */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

export function createStripeClient(config: StripeConfig): Stripe {
  const base = config.apiBase === undefined ? undefined : new URL(config.apiBase);
  return new Stripe(config.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    // The SDK retries connection errors, 409s and 5xx with the same idempotency key.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "Tollgate" },
    ...(base === undefined
      ? {}
      : {
          host: base.hostname,
          port: base.port === "" ? (base.protocol === "https:" ? 443 : 80) : Number(base.port),
          protocol: base.protocol === "https:" ? "https" : "http",
        }),
  });
}

function lineItem(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams.LineItem {
  if (request.providerPriceId !== null) {
    return { price: request.providerPriceId, quantity: request.quantity };
  }
  return {
    quantity: request.quantity,
    price_data: {
      currency: request.currency.toLowerCase(),
      unit_amount: request.unitAmountCents,
      product_data: { name: request.description },
    },
  };
}

/** Stripe Checkout in payment mode; the order id travels as client_reference_id and metadata. */
export function createStripeProvider(stripe: Stripe): PaymentProvider {
  return {
    name: "stripe",
    async createCheckout(request): Promise<CheckoutSession> {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [lineItem(request)],
          client_reference_id: request.orderId,
          metadata: { order_id: request.orderId },
          payment_intent_data: { metadata: { order_id: request.orderId } },
          customer_email: request.customerEmail,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        // A retry of this order's checkout gets the same session back, never a second one.
        { idempotencyKey: `tollgate-checkout-${request.orderId}` },
      );
      if (session.url === null) throw new Error("Stripe returned a checkout session without a URL");
      return { sessionId: session.id, url: session.url };
    },
    async orderIdOfPayment(paymentId) {
      const intent = await stripe.paymentIntents.retrieve(paymentId);
      return intent.metadata["order_id"] ?? null;
    },
    async ping() {
      // A read any secret or restricted key with Checkout access can make.
      await stripe.checkout.sessions.list({ limit: 1 }, { maxNetworkRetries: 0, timeout: 5_000 });
    },
    async fetchCheckout(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      const settled =
        session.status === "expired"
          ? "checkout_expired"
          : session.status === "complete" && session.payment_status !== "unpaid"
            ? "checkout_paid"
            : null;
      if (settled === null || session.mode !== "payment") return null;
      return {
        kind: settled,
        provider: "stripe",
        // One id per settled state: fetching again is a duplicate, not a new event.
        eventId: `fetched:${session.id}:${settled}`,
        type: "fetched.checkout.session",
        createdAt: new Date(),
        sessionId: session.id,
        orderId: session.client_reference_id,
        paymentId:
          session.payment_intent === null
            ? null
            : typeof session.payment_intent === "string"
              ? session.payment_intent
              : session.payment_intent.id,
        amountCents: session.amount_total,
        currency: session.currency,
      };
    },
    async refund(request): Promise<ProviderRefund> {
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.paymentId,
          amount: request.amountCents,
          metadata: { refund_id: request.refundId, order_id: request.orderId },
        },
        { idempotencyKey: `tollgate-refund-${request.refundId}` },
      );
      return { providerRefundId: refund.id, status: refundStatusOf(refund.status) };
    },
  };
}
