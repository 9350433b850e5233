import type { RequestAuthenticator } from "../platform/auth.js";
import type { SessionsService } from "./sessions.service.js";
import type { TokensService } from "./tokens.service.js";

export const SESSION_COOKIE = "sessionid";

/** The platform's access-control hook asks this who is calling. */
export function createRequestAuthenticator(
  sessions: Pick<SessionsService, "authenticate">,
  tokens: Pick<TokensService, "authenticateBearer">,
): RequestAuthenticator {
  return {
    authenticateSession: (request) => sessions.authenticate(request.cookies[SESSION_COOKIE]),
    authenticateBearer: (authorization) => tokens.authenticateBearer(authorization),
  };
}
