import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of the AI services feature. */
export const aiServicesError = defineErrors({
  service_not_found: [404, "Service not found"],
  duplicate_request_id: [409, "Duplicate request id"],
  provider_error: [502, "Service provider error"],
  provider_unavailable: [502, "Service provider unreachable"],
  provider_rate_limited: [503, "Service provider rate limited"],
  provider_timeout: [504, "Service timeout"],
});
