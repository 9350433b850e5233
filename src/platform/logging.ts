import { pino, type Logger } from "pino";
import type { Config } from "../config.js";

type SerializedError = ReturnType<typeof pino.stdSerializers.err> & { cause?: unknown };

// From Drizzle's "\nparams: " to the stack's first frame, or to the end of the message.
const PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/;
// Postgres quotes the refused input at the end of its message: 'invalid input syntax for type
// uuid: "…"', 'date/time field value out of range: "…"'.
const QUOTED_INPUT = /: "[^\n]*"$/gm;

/**
 * Database errors carry the statement's bound values (emails, password and token hashes): in
 * `params`, in Drizzle's message and stack ("params: …"), and in Postgres' message and `detail`,
 * which quote the offending value. The statement text stays; the values go.
 */
function errorWithoutValues(error: Error): SerializedError {
  const serialized = pino.stdSerializers.err(error) as SerializedError;
  for (let at: unknown = serialized; typeof at === "object" && at !== null;) {
    const node = at as Record<string, unknown>;
    for (const key of ["message", "stack"]) {
      const text = node[key];
      if (typeof text === "string")
        node[key] = text
          .replace(PARAMS, "\nparams: [redacted]")
          .replace(QUOTED_INPUT, ': "[redacted]"');
    }
    delete node["params"];
    delete node["detail"];
    at = node["cause"];
  }
  return serialized;
}

/**
 * pino JSON lines; Fastify adds request_id to each request's lines. Requests are logged by method
 * and path only: the query string can hold verification tokens, and headers hold cookies and API
 * tokens. Bodies are never logged.
 */
export function createLogger(
  config: Pick<Config, "logLevel">,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: config.logLevel,
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
