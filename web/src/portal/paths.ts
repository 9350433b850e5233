export const APP_HOME = "/app";

/** The login page, remembering where to return to. */
export function loginPath(returnTo: string): string {
  return returnTo === APP_HOME || !returnTo.startsWith("/app")
    ? "/login"
    : `/login?next=${encodeURIComponent(returnTo)}`;
}

/** Where to go after login: only a page of the signed-in portal, never another site. */
export function safeReturnPath(next: string | null): string {
  if (next !== null && /^\/app(\/|\?|$)/.test(next)) return next;
  return APP_HOME;
}
