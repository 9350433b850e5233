import { defineErrors } from "../platform/errors.js";

/** The closed list of error codes of the core feature (metered AI services). */
export const coreError = defineErrors({
  empty_file: [400, "Empty file"],
  file_too_large: [413, "File too large"],
  unsupported_media_type: [415, "Unsupported media type"],
  openai_error: [502, "AI provider error"],
  openai_unavailable: [502, "AI provider unreachable"],
  openai_rate_limited: [503, "AI provider rate limited"],
  openai_timeout: [504, "AI provider timeout"],
});

export type CoreErrorCode = (typeof coreError.codes)[number];

/** The provider failures a solve can end in; each is logged and not charged. */
export type ProviderErrorCode =
  "openai_error" | "openai_unavailable" | "openai_rate_limited" | "openai_timeout";

export const PROVIDER_ERROR_DETAILS: Readonly<Record<ProviderErrorCode, string>> = {
  openai_error: "The AI provider returned an error or an unreadable reply; you were not charged.",
  openai_unavailable: "The AI provider could not be reached; you were not charged.",
  openai_rate_limited: "The AI provider is rate limiting us; retry later. You were not charged.",
  openai_timeout: "The AI provider did not answer in time; you were not charged.",
};
