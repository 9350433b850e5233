import type { FieldError } from "../platform/errors.js";

/**
 * Credits are stored and added as whole millicredits (thousandths of a credit), never as floats;
 * the API speaks credits as JSON numbers with at most 3 decimals (1.5 = 1,500 millicredits).
 */
export type Millicredits = number;

export const MILLI_PER_CREDIT = 1000;

/** The largest amount one call may name: a billion credits, far inside Number's exact integers. */
export const MAX_CREDITS = 1_000_000_000;

/** Millicredits as credits for JSON: exact for whole millicredits (1500 → 1.5). */
export function toCredits(milli: Millicredits): number {
  return milli / MILLI_PER_CREDIT;
}

/**
 * A credit amount from JSON as millicredits, or a field error: finite, at most 3 decimals,
 * within ±MAX_CREDITS, and positive or zero unless `allowNegative`.
 */
export function parseCredits(
  field: string,
  value: number,
  options: { allowNegative?: boolean; allowZero?: boolean } = {},
): { ok: true; milli: Millicredits } | { ok: false; error: FieldError } {
  const fail = (code: string, message: string) =>
    ({ ok: false, error: { field, code, message } }) as const;
  if (!Number.isFinite(value) || Math.abs(value) > MAX_CREDITS) {
    return fail("out_of_range", `Must be at most ${MAX_CREDITS.toLocaleString("en")} credits.`);
  }
  const milli = Math.round(value * MILLI_PER_CREDIT);
  if (milli / MILLI_PER_CREDIT !== value) {
    return fail("too_precise", "Credits take at most 3 decimals (0.001 is the smallest unit).");
  }
  if (milli < 0 && options.allowNegative !== true) {
    return fail("out_of_range", "Must not be negative.");
  }
  if (milli === 0 && options.allowZero !== true) {
    return fail("out_of_range", "Must not be zero.");
  }
  return { ok: true, milli };
}
