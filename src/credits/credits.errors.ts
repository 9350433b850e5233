import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of the credits feature. */
export const creditsError = defineErrors({
  insufficient_credits: [402, "Insufficient credits"],
});

/**
 * A staff debit past the balance: the same code, but 409, since nothing was asked of the
 * account's owner (402 is for a caller who must buy credits).
 */
export const creditsAdminError = defineErrors({
  insufficient_credits: [409, "Insufficient credits"],
});
