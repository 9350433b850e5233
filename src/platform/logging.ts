import { pino, type Bindings, type Logger } from "pino";
import type { Config } from "../config.js";
import { currentRequestId } from "./request-context.js";

/** The key every line logged while handling a request carries the request's id under. */
export const REQUEST_ID_LOG_KEY = "request_id";

// Set on Fastify's per-request child loggers, which bind the id themselves; pino children
// inherit it (they are prototype-chained), so the mixin never writes the key twice.
const BINDS_REQUEST_ID = Symbol("bindsRequestId");

type SerializedError = ReturnType<typeof pino.stdSerializers.err> & { cause?: unknown };

// Postgres quotes the refused input at the end of its message: 'invalid input syntax for type
// uuid: "…"', 'date/time field value out of range: "…"'.
const QUOTED_INPUT = /: "[^\n]*"$/gm;

interface QueryError {
  readonly message: string;
  readonly query: string;
  readonly params: unknown;
  readonly cause?: unknown;
}

function isQueryError(value: unknown): value is QueryError {
  return (
    value instanceof Error &&
    typeof (value as { query?: unknown }).query === "string" &&
    "params" in value
  );
}

/**
 * Database errors carry the statement's bound values (emails, password and token hashes): in
 * `params`, in Drizzle's message ("Failed query: …\nparams: …", also in the stack), and in
 * Postgres' message and `detail`, which quote the offending value. The statement text stays; the
 * values go. Drizzle's message is replaced whole, so no value can end the redaction early.
 */
function errorWithoutValues(error: Error): SerializedError {
  const serialized = pino.stdSerializers.err(error) as SerializedError;
  const replacements: [string, string][] = [];
  for (let at: unknown = error; at instanceof Error; at = at.cause) {
    if (isQueryError(at)) {
      replacements.push([at.message, `Failed query: ${at.query}\nparams: [redacted]`]);
    }
  }
  for (let at: unknown = serialized; typeof at === "object" && at !== null;) {
    const node = at as Record<string, unknown>;
    for (const key of ["message", "stack"]) {
      const value = node[key];
      if (typeof value !== "string") continue;
      let text = value;
      for (const [original, redacted] of replacements) text = text.split(original).join(redacted);
      node[key] = text.replace(QUOTED_INPUT, ': "[redacted]"');
    }
    delete node["params"];
    delete node["detail"];
    at = node["cause"];
  }
  return serialized;
}

/** Fastify's childLoggerFactory: the request's logger, marked as already binding its id. */
export function requestChildLogger<L extends { child(bindings: Bindings, options: object): L }>(
  logger: L,
  bindings: Bindings,
  options: object,
): L {
  const child = logger.child(bindings, options);
  Object.defineProperty(child, BINDS_REQUEST_ID, { value: true });
  return child;
}

/**
 * pino JSON lines; each line written while handling a request carries its request_id (Fastify
 * binds it on the request's logger; a mixin adds it to the root logger's lines, which services
 * write). Requests are logged by method and path only: the query string can hold verification
 * tokens, and headers hold cookies and API tokens. Bodies are never logged.
 */
export function createLogger(
  config: Pick<Config, "logLevel">,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: config.logLevel,
      mixin: (_object, _level, logger) => {
        if ((logger as { [BINDS_REQUEST_ID]?: true })[BINDS_REQUEST_ID]) return {};
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { [REQUEST_ID_LOG_KEY]: requestId };
      },
      redact: {
        paths: ["req.headers", "password", "*.password", "token", "*.token", "authorization"],
        censor: "[redacted]",
      },
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          path: request.url.split("?")[0],
          ip: request.ip,
        }),
        res: (reply: { statusCode: number }) => ({ status: reply.statusCode }),
        err: errorWithoutValues,
      },
    },
    destination,
  );
}

export type ThrottledWarn = (err: unknown, message: string) => void;

/**
 * Warns at most once per `intervalMs`; the rest of an outage's failures are dropped. The error
 * goes through the `err` serializer, which keeps database values out of the line.
 */
export function throttledWarn(log: Pick<Logger, "warn">, intervalMs: number): ThrottledWarn {
  let lastLoggedAt = -Infinity;
  return (err, message) => {
    const now = performance.now();
    if (now - lastLoggedAt < intervalMs) return;
    lastLoggedAt = now;
    log.warn({ err }, message);
  };
}
