import { API_TOKEN_BEARER, type RequestAuthenticator } from "../platform/auth.js";
import type { JwtService } from "./jwt/jwt.service.js";
import type { SessionsService } from "./sessions.service.js";
import type { TokensService } from "./tokens.service.js";

export const SESSION_COOKIE = "sessionid";

/** The platform's access-control hook asks this who is calling. */
export function createRequestAuthenticator(
  sessions: Pick<SessionsService, "authenticate">,
  tokens: Pick<TokensService, "authenticateBearer">,
  jwt: Pick<JwtService, "authenticate">,
): RequestAuthenticator {
  return {
    authenticateSession: (request) => sessions.authenticate(request.cookies[SESSION_COOKIE]),
    // Told apart by shape: an API token starts with tok_, a JWT is three dot-separated parts.
    authenticateBearer: (authorization, clientIp) =>
      API_TOKEN_BEARER.test(authorization ?? "")
        ? tokens.authenticateBearer(authorization, clientIp)
        : jwt.authenticate(authorization),
    authenticateJwt: (authorization) => jwt.authenticate(authorization),
  };
}
