import { createHmac, timingSafeEqual } from "node:crypto";

/** Verification links are valid for 24 hours after they are issued. */
export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/*
 * Token format: "<user id>.<issued-at, unix seconds, base 36>.<signature>", where the signature is
 * base64url HMAC-SHA256(SECRET_KEY, "tollgate:verify-email:<user id>:<email>:<password hash>:
 * <issued-at>"). The email and the password hash are signed but not carried: a link stops working
 * when the address changes, or when the registration is made again (with a new password), so a
 * link sent for an earlier registration of the same address cannot verify the latest one.
 */

/** What a verification link is bound to. */
export interface VerifiableUser {
  readonly id: string;
  readonly email: string;
  /** The password hash (argon2id string); never leaves the server. */
  readonly password: string;
}

function signature(secretKey: string, user: VerifiableUser, issuedAt: string): string {
  return createHmac("sha256", secretKey)
    .update(`tollgate:verify-email:${user.id}:${user.email}:${user.password}:${issuedAt}`)
    .digest("base64url");
}

export function signVerificationToken(secretKey: string, user: VerifiableUser, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000).toString(36);
  return `${user.id}.${issuedAt}.${signature(secretKey, user, issuedAt)}`;
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

/** True when the token was signed by us for this registration of the user and is not expired. */
export function verificationTokenIsValid(
  secretKey: string,
  token: string,
  user: VerifiableUser,
  now: Date,
): boolean {
  const parsed = parseVerificationToken(token);
  if (parsed?.userId !== user.id) return false;
  const expected = Buffer.from(signature(secretKey, user, parsed.issuedAt));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const issuedAtMs = parseInt(parsed.issuedAt, 36) * 1000;
  const age = now.getTime() - issuedAtMs;
  // A little clock skew between instances is tolerated; a token from the future is not.
  return age <= VERIFICATION_TOKEN_TTL_MS && age >= -60_000;
}
