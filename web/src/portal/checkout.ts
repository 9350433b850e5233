import type { OkJson } from "../api/client";

export type Order = OkJson<"getOrder">;
export type OrderStatus = Order["status"];

/**
 * Where a checkout started in the portal comes back to, paid or not: the page that waits for the
 * payment. The server puts the new order's id in place of `{order_id}`.
 */
export const PAYMENT_RETURN_PATH = "/app/payments/{order_id}";

export function paymentPath(orderId: string): string {
  return `/app/payments/${orderId}`;
}

/** What an order's status means to a buyer waiting for it. */
export type PaymentOutcome = "waiting" | "paid" | "not_paid";

export function paymentOutcome(status: OrderStatus): PaymentOutcome {
  switch (status) {
    case "pending":
      return "waiting";
    case "paid":
    case "fulfilled":
    case "partially_refunded":
    case "refunded":
      return "paid";
    case "canceled":
    case "expired":
    case "failed":
      return "not_paid";
  }
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: "Waiting for payment",
  paid: "Paid",
  fulfilled: "Paid",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
  canceled: "Canceled",
  expired: "Expired",
  failed: "Failed",
};

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  pending: "yellow",
  paid: "green",
  fulfilled: "green",
  partially_refunded: "orange",
  refunded: "gray",
  canceled: "gray",
  expired: "gray",
  failed: "red",
};

/** Off to the payment provider's checkout (a page of another origin with Stripe). */
export function goToCheckout(url: string): void {
  window.location.assign(url);
}
