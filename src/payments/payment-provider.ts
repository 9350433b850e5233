import type { PaymentProviderName } from "./orders.table.js";
import type { RefundStatus } from "./refunds.table.js";

/** What a checkout charges: one line, in integer cents. */
export interface CheckoutRequest {
  readonly orderId: string;
  readonly description: string;
  readonly unitAmountCents: number;
  readonly quantity: number;
  readonly currency: string;
  readonly customerEmail: string;
  /** The provider's price id when the catalog price was created there (Stripe). */
  readonly providerPriceId: string | null;
  /** Where the buyer lands after paying, or after giving up. */
  readonly successUrl: string;
  readonly cancelUrl: string;
}

export interface CheckoutSession {
  readonly sessionId: string;
  readonly url: string;
}

/**
 * A verified payment event in the provider-neutral shape the fulfilment code applies. The
 * webhook (Stripe) and the local checkout page's buttons both produce these.
 */
export type PaymentEvent =
  | CheckoutEvent
  | RefundEvent
  | {
      readonly kind: "ignored";
      readonly provider: PaymentProviderName;
      readonly eventId: string;
      readonly type: string;
      readonly createdAt: Date;
    };

export interface CheckoutEvent {
  /**
   * `checkout_paid`: the money is in (fulfil); `checkout_pending`: completed but the payment is
   * still processing (an async method; wait for its outcome); `checkout_failed` and
   * `checkout_expired` end a pending order, as does `checkout_canceled` (the buyer gave up).
   */
  readonly kind:
    | "checkout_paid"
    | "checkout_pending"
    | "checkout_failed"
    | "checkout_expired"
    | "checkout_canceled";
  readonly provider: PaymentProviderName;
  readonly eventId: string;
  /** The provider's event type, as recorded (e.g. `checkout.session.completed`). */
  readonly type: string;
  readonly createdAt: Date;
  readonly sessionId: string;
  /** Our order id, as the session carries it (client_reference_id). */
  readonly orderId: string | null;
  readonly paymentId: string | null;
  readonly amountCents: number | null;
  readonly currency: string | null;
}

/** A refund's state as the provider reports it (made by staff here, or at the provider). */
export interface RefundEvent {
  readonly kind: "refund";
  readonly provider: PaymentProviderName;
  readonly eventId: string;
  readonly type: string;
  readonly createdAt: Date;
  readonly providerRefundId: string;
  /** The refunded payment (a PaymentIntent): how the order is found. */
  readonly paymentId: string | null;
  readonly amountCents: number;
  readonly status: RefundStatus;
  /** Our refund's id, when Tollgate asked for it (carried in the refund's metadata). */
  readonly refundId: string | null;
}

export interface RefundRequest {
  /** Our refund's id: the idempotency key, and metadata that ties the provider's events back. */
  readonly refundId: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly amountCents: number;
}

export interface ProviderRefund {
  readonly providerRefundId: string;
  readonly status: RefundStatus;
}

/** The payment provider as Tollgate uses it; Stripe and the local provider implement it. */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  refund(request: RefundRequest): Promise<ProviderRefund>;
  /**
   * The checkout's state read from the provider, as an event, when it has settled (paid,
   * expired); null while it is open or the payment still processes. For when a webhook is late.
   */
  fetchCheckout(sessionId: string): Promise<CheckoutEvent | null>;
  /** Our order id as the provider's payment carries it (metadata); null when it names none. */
  orderIdOfPayment(paymentId: string): Promise<string | null>;
  /** Resolves when the provider accepts our key (the preflight); rejects with its reason. */
  ping(): Promise<void>;
}
