import { dictionary } from "@zxcvbn-ts/language-common";
import type { FieldError } from "../platform/errors.js";
import { COMMON_PASSWORDS } from "./common-passwords.list.js";

// Django's four default AUTH_PASSWORD_VALIDATORS, with its codes and messages.
const MIN_LENGTH = 8;
const MAX_SIMILARITY = 0.7;

let commonPasswords: ReadonlySet<string> | undefined;

/**
 * Django ships 20,000 common passwords; ours are a hand-compiled list plus the frequency list of
 * zxcvbn-ts (MIT, ~49,000 entries). Entries shorter than MIN_LENGTH are left out: the length
 * rule refuses those passwords anyway. Built on first use, not at import.
 */
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    [...COMMON_PASSWORDS.split("\n"), ...dictionary["passwords-common"]]
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length >= MIN_LENGTH),
  );
  return commonPasswords.has(password.toLowerCase().trim());
}

/** difflib.SequenceMatcher.quick_ratio: 2 * (shared characters, as multisets) / total length. */
function quickRatio(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const available = new Map<string, number>();
  for (const ch of b) available.set(ch, (available.get(ch) ?? 0) + 1);
  let matches = 0;
  for (const ch of a) {
    const left = available.get(ch) ?? 0;
    if (left > 0) {
      available.set(ch, left - 1);
      matches += 1;
    }
  }
  return (2 * matches) / (a.length + b.length);
}

/** Django skips parts far shorter than the password: they cannot make it "too similar". */
function exceedsMaximumLengthRatio(password: string, value: string): boolean {
  const lengthBoundSimilarity = (MAX_SIMILARITY / 2) * password.length;
  return password.length >= 10 * value.length && value.length < lengthBoundSimilarity;
}

function tooSimilarToEmail(password: string, email: string): boolean {
  const lowerPassword = password.toLowerCase();
  const lowerEmail = email.toLowerCase();
  const localPart = lowerEmail.split("@")[0] ?? lowerEmail;
  const parts = [...lowerEmail.split(/[^\p{L}\p{N}_]+/u), localPart, lowerEmail];
  return parts
    .filter((part) => part !== "")
    .some(
      (part) =>
        !exceedsMaximumLengthRatio(lowerPassword, part) &&
        quickRatio(lowerPassword, part) >= MAX_SIMILARITY,
    );
}

/** Every reason the password is refused, as field errors on `field`; empty when it is fine. */
export function validatePassword(password: string, email: string, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (tooSimilarToEmail(password, email)) {
    errors.push({
      field,
      code: "password_too_similar",
      message: "The password is too similar to the email.",
    });
  }
  if (Array.from(password).length < MIN_LENGTH) {
    errors.push({
      field,
      code: "password_too_short",
      message: `This password is too short. It must contain at least ${MIN_LENGTH} characters.`,
    });
  }
  if (isCommon(password)) {
    errors.push({ field, code: "password_too_common", message: "This password is too common." });
  }
  if (/^\d+$/.test(password)) {
    errors.push({
      field,
      code: "password_entirely_numeric",
      message: "This password is entirely numeric.",
    });
  }
  return errors;
}
