import { defineErrors } from "../platform/errors.js";

/** Errors of the staff tools under /api/admin that are not any feature's own. */
export const adminError = defineErrors({
  email_send_failed: [502, "Email could not be sent"],
});
