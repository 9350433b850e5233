import { defineErrors } from "../platform/errors.js";

/** The customers feature's closed list of error codes. */
export const customersError = defineErrors({
  invalid_invite: [400, "Invalid invite code"],
  invalid_verification_token: [400, "Invalid verification token"],
  invalid_reset_token: [400, "Invalid password reset token"],
  invalid_credentials: [401, "Invalid credentials"],
  token_reused: [401, "Refresh token reused"],
  email_not_verified: [403, "Email not verified"],
  account_inactive: [403, "Account inactive"],
  account_locked: [403, "Account locked"],
  not_found: [404, "Not found"],
  invite_used: [409, "Invite code already used"],
  email_exists: [409, "Email already registered"],
  too_many_attempts: [429, "Too many attempts"],
});

/**
 * A wrong old password on password change is a 400 (the caller is authenticated; the request
 * is what is wrong), with the same code as a failed login.
 */
export const passwordChangeError = defineErrors({
  invalid_credentials: [400, "Invalid credentials"],
});
