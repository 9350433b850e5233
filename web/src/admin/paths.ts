export const ADMIN_HOME = "/admin/";

/** The login page, remembering where to return to. */
export function loginPath(returnTo: string): string {
  return returnTo.startsWith("/admin/login") || returnTo === ADMIN_HOME || returnTo === "/admin"
    ? "/admin/login"
    : `/admin/login?next=${encodeURIComponent(returnTo)}`;
}

/** Where to go after login: only a page of the admin, never another site (open redirect). */
export function safeReturnPath(next: string | null): string {
  if (next?.startsWith("/admin/") === true && !next.startsWith("//")) return next;
  return ADMIN_HOME;
}

/** A user's page in the admin (linked from every list that names a user). */
export function userPath(id: string): string {
  return `/admin/users/${id}`;
}
