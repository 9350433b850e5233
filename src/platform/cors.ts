import cors from "@fastify/cors";
import type { FastifyInstance } from "fastify";

/**
 * Every method a route of the API may use. A browser sends a cross-origin PATCH or DELETE only
 * after a preflight that lists it, so a route with a method missing here fails at start-up
 * rather than answering every browser client with a CORS error.
 */
export const CORS_METHODS = ["GET", "HEAD", "POST", "PATCH", "DELETE"] as const;

/** Request headers the API reads (CSRF, idempotency, a caller-chosen request id). */
export const CORS_REQUEST_HEADERS = [
  "Content-Type",
  "Authorization",
  "X-CSRFToken",
  "Idempotency-Key",
  "X-Request-ID",
] as const;

/** Response headers a browser client needs to read: the id to quote, when to retry, replays. */
export const CORS_EXPOSED_HEADERS = ["X-Request-ID", "Retry-After", "Idempotent-Replayed"] as const;

/** CORS for the listed origins only (with cookies); no origin listed means no CORS at all. */
export async function registerCors(
  app: FastifyInstance,
  allowedOrigins: readonly string[],
): Promise<void> {
  const allowed = new Set<string>(CORS_METHODS);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // OPTIONS is the preflight itself (the CORS plugin's own route), never the method asked for.
    const missing = methods.filter((method) => method !== "OPTIONS" && !allowed.has(method));
    if (missing.length > 0) {
      throw new Error(
        `Route ${missing.join(", ")} ${route.url} uses a method CORS does not allow; add it to CORS_METHODS`,
      );
    }
  });
  await app.register(cors, {
    origin: allowedOrigins.length === 0 ? false : [...allowedOrigins],
    credentials: true,
    methods: [...CORS_METHODS],
    allowedHeaders: [...CORS_REQUEST_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
  });
}
