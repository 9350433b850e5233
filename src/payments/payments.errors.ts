import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of the payments feature. */
export const paymentsError = defineErrors({
  price_not_found: [404, "Price not found"],
  product_not_found: [404, "Product not found"],
  order_not_found: [404, "Order not found"],
  receipt_not_found: [404, "Receipt not found"],
  checkout_not_found: [404, "Checkout not found"],
  download_not_found: [404, "Download not found"],
  booking_not_found: [404, "Booking not found"],
  price_not_purchasable: [409, "Price not purchasable"],
  invalid_transition: [409, "Invalid transition"],
  slug_taken: [409, "Slug taken"],
  provider_not_configured: [409, "Payment provider not configured"],
  product_not_digital: [409, "Product not digital"],
  download_expired: [410, "Download expired"],
  download_revoked: [410, "Download revoked"],
  invalid_signature: [400, "Invalid signature"],
  manual_confirm_disabled: [403, "Manual confirmation disabled"],
  refund_exceeds_payment: [409, "Refund exceeds payment"],
  provider_mismatch: [409, "Payment provider mismatch"],
  payment_provider_error: [502, "Payment provider error"],
  webhook_not_configured: [404, "Webhook not configured"],
  payment_not_recorded: [503, "Payment not recorded yet"],
});
