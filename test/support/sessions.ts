import { CSRF_COOKIE } from "../../src/platform/auth.js";
import { SESSION_COOKIE } from "../../src/customers/request-authenticator.js";
import type { TestApp } from "./app.js";

export interface SignedIn {
  /** `cookie` and `x-csrftoken`, ready for `app.inject({ headers })`, unsafe methods included. */
  readonly headers: Record<string, string>;
  readonly sessionKey: string;
  readonly csrfToken: string;
}

/** A real server-side session for the user, made by the session service (no password needed). */
export async function signIn(t: Pick<TestApp, "services">, userId: string): Promise<SignedIn> {
  const session = await t.services.customers.sessions.create(userId);
  return {
    sessionKey: session.sessionKey,
    csrfToken: session.csrfToken,
    headers: {
      cookie: `${SESSION_COOKIE}=${session.sessionKey}; ${CSRF_COOKIE}=${session.csrfToken}`,
      "x-csrftoken": session.csrfToken,
    },
  };
}

/** Cookie-only headers of a session (no CSRF header), for CSRF tests. */
export function withoutCsrfHeader(signedIn: SignedIn): Record<string, string> {
  return { cookie: signedIn.headers["cookie"] ?? "" };
}
