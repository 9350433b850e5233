/**
 * Where a checkout sends the buyer back when the caller names a page of its own (the portal's
 * page that waits for the payment). Only a path of this server: a foreign URL here would make
 * Tollgate's checkout an open redirect.
 */

/** The order's id, put in the path when the order exists (the caller does not know it yet). */
export const ORDER_ID_PLACEHOLDER = "{order_id}";

const SEGMENT = String.raw`(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*|\{order_id\})`;

/**
 * `/` and segments of unreserved characters (or the placeholder): no scheme, no `//` host, no
 * backslash, no `.`/`..` segment, no query, no fragment, no percent-encoding to hide any of them.
 */
export const RETURN_PATH_PATTERN = `^(?:/${SEGMENT})+/?$`;
const RETURN_PATH = new RegExp(RETURN_PATH_PATTERN);
export const RETURN_PATH_MAX_LENGTH = 200;

export function isReturnPath(path: string): boolean {
  return path.length <= RETURN_PATH_MAX_LENGTH && RETURN_PATH.test(path);
}

/** The path with the order's id in place of the placeholder. */
export function returnPathFor(template: string, orderId: string): string {
  return template.replaceAll(ORDER_ID_PLACEHOLDER, orderId);
}
