import { createHmac, timingSafeEqual } from "node:crypto";

/** Verification links are valid for 24 hours after they are issued. */
export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/*
 * Token format: "<user id>.<issued-at, unix seconds, base 36>.<signature>", where the signature is
 * base64url HMAC-SHA256(SECRET_KEY, "tollgate:verify-email:<user id>:<email>:<issued-at>").
 * The email is signed but not carried, so a link stops working if the address ever changes.
 */

function signature(secretKey: string, userId: string, email: string, issuedAt: string): string {
  return createHmac("sha256", secretKey)
    .update(`tollgate:verify-email:${userId}:${email}:${issuedAt}`)
    .digest("base64url");
}

export function signVerificationToken(
  secretKey: string,
  user: { id: string; email: string },
  now: Date,
): string {
  const issuedAt = Math.floor(now.getTime() / 1000).toString(36);
  return `${user.id}.${issuedAt}.${signature(secretKey, user.id, user.email, issuedAt)}`;
}

/** The user id a token names, before its signature is checked; undefined when malformed. */
export function parseVerificationToken(
  token: string,
): { userId: string; issuedAt: string; signature: string } | undefined {
  const [userId, issuedAt, sig, ...rest] = token.split(".");
  if (rest.length > 0 || userId === undefined || issuedAt === undefined || sig === undefined) {
    return undefined;
  }
  if (!UUID.test(userId) || !/^[0-9a-z]{1,10}$/.test(issuedAt) || !/^[\w-]{43}$/.test(sig)) {
    return undefined;
  }
  return { userId, issuedAt, signature: sig };
}

/** True when the token was signed by us for this user and email and is not expired. */
export function verificationTokenIsValid(
  secretKey: string,
  token: string,
  user: { id: string; email: string },
  now: Date,
): boolean {
  const parsed = parseVerificationToken(token);
  if (parsed?.userId !== user.id) return false;
  const expected = Buffer.from(signature(secretKey, user.id, user.email, parsed.issuedAt));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const issuedAtMs = parseInt(parsed.issuedAt, 36) * 1000;
  const age = now.getTime() - issuedAtMs;
  // A little clock skew between instances is tolerated; a token from the future is not.
  return age <= VERIFICATION_TOKEN_TTL_MS && age >= -60_000;
}
