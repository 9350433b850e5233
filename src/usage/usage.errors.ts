import { defineErrors } from "../platform/errors.js";

/** The usage feature's own error codes; not_found and validation_error come from the platform. */
export const usageError = defineErrors({
  invalid_transition: [409, "Invalid payment status transition"],
});
