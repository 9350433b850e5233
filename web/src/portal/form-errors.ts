import { ApiError } from "../api/errors";

/**
 * The form field a refusal belongs to: the API's field errors (`validation_error`), and the
 * codes that are about one field although they carry none (an unknown invite, a taken email).
 */
export function fieldErrorsOf(
  error: unknown,
  codeFields: Readonly<Record<string, string>> = {},
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const field = codeFields[error.code];
  if (field !== undefined) return { [field]: error.detail };
  return error.messagesByField;
}

/** A refusal no field shows (a 5xx, the network, a rate limit), for an alert over the form. */
export function formLevelError(
  error: unknown,
  codeFields: Readonly<Record<string, string>> = {},
): unknown {
  if (error === null || error === undefined) return null;
  return Object.keys(fieldErrorsOf(error, codeFields)).length > 0 ? null : error;
}
