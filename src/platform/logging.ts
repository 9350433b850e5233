import { pino, type Logger } from "pino";
import type { Config } from "../config.js";

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
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
