import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of subscriptions. */
export const subscriptionsError = defineErrors({
  subscription_not_found: [404, "Subscription not found"],
  checkout_not_found: [404, "Checkout not found"],
  price_not_found: [404, "Price not found"],
  subscription_exists: [409, "Subscription exists"],
  plan_not_subscribable: [409, "Plan not subscribable"],
  invalid_transition: [409, "Invalid transition"],
  same_plan: [409, "Same plan"],
  plan_has_no_credits: [409, "Plan has no credits"],
  complimentary_exists: [409, "Complimentary period exists"],
  provider_mismatch: [409, "Payment provider mismatch"],
  provider_not_configured: [409, "Payment provider not configured"],
  no_billing_customer: [409, "No billing customer"],
  payment_provider_error: [502, "Payment provider error"],
  subscription_not_recorded: [503, "Subscription not recorded yet"],
});
