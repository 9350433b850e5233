import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import type { Config } from "../../config.js";

/**
 * Access tokens carry this `token_use`, so no other JWT signed with the key (a future token
 * kind, or a refresh token should one ever become a JWT) is taken as an access token.
 */
const ACCESS_TOKEN_USE = "access";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Far above any token this server signs; a longer header is refused before it is parsed. */
const MAX_JWT_LENGTH = 2048;

/** `Authorization: Bearer <three dot-separated base64url parts>`: the shape of a JWT. */
const BEARER_JWT = /^Bearer[ \t]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)[ \t]*$/i;

type JwtSettings = Config["jwt"];

function keyOf(settings: JwtSettings): Uint8Array {
  return new TextEncoder().encode(settings.secretKey);
}

/** The JWT of an `Authorization: Bearer` header, or undefined when it has another shape. */
export function bearerJwtOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.length > MAX_JWT_LENGTH) return undefined;
  return BEARER_JWT.exec(authorization)?.[1];
}

/** An HS256 access token for the user, issued at `now`. */
export async function signAccessToken(
  settings: JwtSettings,
  userId: string,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ token_use: ACCESS_TOKEN_USE })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + settings.accessTokenMinutes * 60)
    .setJti(randomUUID())
    .sign(keyOf(settings));
}

/**
 * The user id of a valid access token at `now`, or undefined: a wrong signature, algorithm,
 * issuer or audience, an expired token, or one that is not an access token.
 */
export async function verifyAccessToken(
  settings: JwtSettings,
  token: string,
  now: Date,
): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyOf(settings), {
      algorithms: ["HS256"],
      issuer: settings.issuer,
      audience: settings.audience,
      currentDate: now,
      requiredClaims: ["sub", "iat", "exp", "jti"],
    });
    if (payload["token_use"] !== ACCESS_TOKEN_USE) return undefined;
    return typeof payload.sub === "string" && UUID.test(payload.sub) ? payload.sub : undefined;
  } catch (error) {
    // Every refusal of the token itself; anything else (a bug) is not hidden as a 401.
    if (error instanceof errors.JOSEError) return undefined;
    throw error;
  }
}
