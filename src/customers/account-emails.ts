import type { Logger } from "pino";
import type { EmailMessage, Mailer } from "../platform/email.js";

/**
 * The account-security emails (reset link, lockout, password changed), as plain text like the
 * verification email. Their links are secrets or lead to one: never log a message's text.
 */

/** Where the web portal asks for a new password; a reset link adds `?token=`. */
function resetPageUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl}/reset-password`;
}

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function passwordResetEmail(
  to: string,
  input: { publicBaseUrl: string; token: string; ttlMinutes: number },
): EmailMessage {
  const link = `${resetPageUrl(input.publicBaseUrl)}?token=${encodeURIComponent(input.token)}`;
  return {
    to,
    subject: "Reset your Tollgate password",
    text: [
      "Hello,",
      "",
      "Someone asked to reset the password of your Tollgate account.",
      "",
      `Choose a new password by opening this link within ${String(input.ttlMinutes)} minutes:`,
      "",
      link,
      "",
      "The link works once. Setting a new password signs you out everywhere (API tokens keep",
      "working; revoke them in your account if you think they leaked).",
      "",
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ].join("\n"),
  };
}

export function accountLockedEmail(
  to: string,
  input: { publicBaseUrl: string; lockedUntil: Date; failures: number },
): EmailMessage {
  return {
    to,
    subject: "Your Tollgate account is locked for now",
    text: [
      "Hello,",
      "",
      `Someone entered a wrong password for your Tollgate account ${String(input.failures)} times`,
      `in a row, so logins are refused until ${utc(input.lockedUntil)}.`,
      "",
      "If it was you, wait until then, or set a new password now (this also lifts the lock):",
      "",
      resetPageUrl(input.publicBaseUrl),
      "",
      "If it was not you, someone may be guessing your password: set a new, unique one with the",
      "link above. Your password was not accepted in these attempts.",
    ].join("\n"),
  };
}

export function passwordChangedEmail(
  to: string,
  input: { publicBaseUrl: string; at: Date; how: "change" | "reset" },
): EmailMessage {
  return {
    to,
    subject: "Your Tollgate password was changed",
    text: [
      "Hello,",
      "",
      input.how === "reset"
        ? `The password of your Tollgate account was reset with an emailed link at ${utc(input.at)}.`
        : `The password of your Tollgate account was changed at ${utc(input.at)}.`,
      input.how === "reset"
        ? "Every session was signed out."
        : "Every other session was signed out.",
      "",
      "If it was you, there is nothing to do.",
      "",
      "If it was not you, set a new password at once here, and revoke your API tokens:",
      "",
      resetPageUrl(input.publicBaseUrl),
    ].join("\n"),
  };
}

/**
 * Sends without ever throwing: the change the email tells of has happened either way. A failure
 * is logged by its kind only, since an SMTP error message may quote the text with its link.
 */
export async function sendAccountEmail(
  deps: { mailer: Mailer; log: Logger },
  message: EmailMessage,
  context: { userId: string; kind: string },
): Promise<void> {
  try {
    await deps.mailer.send(message);
  } catch (error) {
    const { name, code } = error as { name?: unknown; code?: unknown };
    deps.log.error(
      { user_id: context.userId, email_kind: context.kind, error_name: name, error_code: code },
      "account email could not be sent",
    );
  }
}
