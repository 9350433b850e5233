import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of entitlements (a plan's features and limits). */
export const entitlementsError = defineErrors({
  plan_limit_exceeded: [402, "Plan limit exceeded"],
  feature_not_in_plan: [403, "Feature not in plan"],
});
