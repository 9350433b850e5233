import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of subscriptions. */
export const subscriptionsError = defineErrors({
  subscription_not_found: [404, "Subscription not found"],
  checkout_not_found: [404, "Checkout not found"],
  price_not_found: [404, "Price not found"],
  subscription_exists: [409, "Subscription exists"],
  plan_not_subscribable: [409, "Plan not subscribable"],
  invalid_transition: [409, "Invalid transition"],
  provider_mismatch: [409, "Payment provider mismatch"],
  provider_not_supported: [409, "Payment provider not supported"],
});
