export type ParsedAmount =
  { readonly ok: true; readonly cents: number } | { readonly ok: false; readonly message: string };

// Digits with at most two decimals, "." or "," as the separator (as people type them).
const AMOUNT = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/**
 * An amount a person typed ("12", "12.5", "12,50") as integer cents, or why it is not one.
 * Parsed as text, never through floating point, so "0.29" is 29 cents and not 28.999….
 */
export function parseAmount(
  text: string,
  limits: { min?: number; max?: number } = {},
): ParsedAmount {
  const match = AMOUNT.exec(text.trim());
  if (match === null) {
    return { ok: false, message: "Enter an amount such as 12.50 (at most two decimals)." };
  }
  const [, whole = "0", fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  const { min = 0, max } = limits;
  if (cents < min) return { ok: false, message: `At least ${centsText(min)}.` };
  if (max !== undefined && cents > max) return { ok: false, message: `At most ${centsText(max)}.` };
  return { ok: true, cents };
}

/** Cents as the text parseAmount reads back ("12.50"), to prefill an amount field. */
export function centsText(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
