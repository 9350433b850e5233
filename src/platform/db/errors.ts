/** The error and the errors it wraps (Drizzle puts the driver's error in `cause`), outermost first. */
function* causeChain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  for (let e: unknown = error; typeof e === "object" && e !== null && !seen.has(e);) {
    seen.add(e);
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

/**
 * True when a database error (or one it wraps, as Drizzle does in `cause`) is a unique violation
 * (SQLSTATE 23505); both drivers expose the SQLSTATE as `code`.
 */
export function isUniqueViolation(error: unknown): boolean {
  return hasSqlState(error, "23505");
}

/** True when the error, or one it wraps in `cause`, carries this SQLSTATE (or driver code). */
export function hasSqlState(error: unknown, code: string): boolean {
  for (const e of causeChain(error)) if ((e as { code?: unknown }).code === code) return true;
  return false;
}

/**
 * SQLSTATEs that say the server cannot serve us now, not that a statement was wrong: class 08
 * (connection exception), 53300 too_many_connections, 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
  "57P01",
  "57P02",
  "57P03",
]);

/** Node's socket errors for a server that is down, restarting or cut off. */
const UNAVAILABLE_SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * node-postgres reports a lost or impossible connection as a plain Error without a code; these
 * are its messages (pg/lib/client.js, pg-pool/index.js).
 */
const UNAVAILABLE_MESSAGES = [
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
];

/**
 * True when a database call failed because the database cannot be reached or will not take the
 * connection (down, restarting, refusing, out of connection slots), rather than because of what
 * was asked: the request may succeed if retried in a moment, so it is answered 503. Walks `cause`
 * like isUniqueViolation. PGlite runs in-process and never fails this way; its errors carry
 * SQLSTATEs of what was asked.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causeChain(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
      continue;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.includes(message)) return true;
  }
  return false;
}

/** "CODE: message" of the innermost error of the chain, for a log line that needs no stack. */
export function rootCauseSummary(error: unknown): string {
  let last: object | undefined;
  for (const e of causeChain(error)) last = e;
  if (last === undefined) return String(error);
  const { code, message } = last as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : "(no message)";
  return typeof code === "string" ? `${code}: ${text}` : text;
}
