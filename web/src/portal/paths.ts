export const APP_HOME = "/app";

/** The signed-in areas: /app and /account. */
const SIGNED_IN_PATH = /^\/(app|account)(\/|\?|$)/;

/** The login page, remembering where to return to. */
export function loginPath(returnTo: string): string {
  return returnTo === APP_HOME || !SIGNED_IN_PATH.test(returnTo)
    ? "/login"
    : `/login?next=${encodeURIComponent(returnTo)}`;
}

/** Where to go after login: only a page of the signed-in portal, never another site. */
export function safeReturnPath(next: string | null): string {
  if (next !== null && SIGNED_IN_PATH.test(next)) return next;
  return APP_HOME;
}
