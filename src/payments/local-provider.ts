import { randomBytes } from "node:crypto";
import type {
  CheckoutEvent,
  CheckoutSession,
  PaymentProvider,
  ProviderRefund,
} from "./payment-provider.js";
import { isReturnPath } from "./return-path.js";

/** The local checkout page of a session: a capability URL, as a Stripe Checkout URL is. */
export function localCheckoutPath(sessionId: string): string {
  return `/checkout/local/${sessionId}`;
}

export const LOCAL_SESSION_PATTERN = "^lcs_[A-Za-z0-9_-]{32,64}$";

/**
 * `?return=<path>` when the checkout's success URL is a return path of this server (the
 * portal's waiting page): the page's buttons then send the buyer there, as Stripe's would. The
 * server's own /checkout/return page says less than the local page, which stays on itself.
 */
function returnQuery(publicBaseUrl: string, successUrl: string): string {
  if (!successUrl.startsWith(publicBaseUrl)) return "";
  const path = successUrl.slice(publicBaseUrl.length);
  return isReturnPath(path) ? `?return=${encodeURIComponent(path)}` : "";
}

const token = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;

/**
 * The offline provider (no STRIPE_SECRET_KEY): checkout is a page Tollgate serves itself, whose
 * "Pay" and "Cancel" buttons produce the events a Stripe webhook would. Never for production
 * (`check --deploy` refuses it): anyone holding the page's URL can "pay".
 */
export function createLocalProvider(publicBaseUrl: string): PaymentProvider {
  return {
    name: "local",
    createCheckout(request): Promise<CheckoutSession> {
      const sessionId = token("lcs");
      return Promise.resolve({
        sessionId,
        url: `${publicBaseUrl}${localCheckoutPath(sessionId)}${returnQuery(publicBaseUrl, request.successUrl)}`,
      });
    },
    // Local payments are always recorded with their order: nothing to look up.
    orderIdOfPayment(): Promise<null> {
      return Promise.resolve(null);
    },
    ping(): Promise<void> {
      return Promise.resolve();
    },
    // The local page's buttons deliver its events at once: there is never anything to fetch.
    fetchCheckout(): Promise<null> {
      return Promise.resolve(null);
    },
    // No money moved, so none goes back: the refund succeeds at once.
    refund(): Promise<ProviderRefund> {
      return Promise.resolve({ providerRefundId: token("lre"), status: "succeeded" });
    },
  };
}

/** The event the local page's button makes: each press is a new event, as a redelivery can be. */
export function localCheckoutEvent(
  action: "pay" | "cancel",
  input: { sessionId: string; orderId: string; amountCents: number; currency: string; now: Date },
): CheckoutEvent {
  const paid = action === "pay";
  return {
    kind: paid ? "checkout_paid" : "checkout_canceled",
    provider: "local",
    eventId: token("levt"),
    type: paid ? "local.checkout.paid" : "local.checkout.canceled",
    createdAt: input.now,
    sessionId: input.sessionId,
    orderId: input.orderId,
    paymentId: paid ? token("lpay") : null,
    amountCents: paid ? input.amountCents : null,
    currency: input.currency,
  };
}
