import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";

/**
 * The Content-Security-Policy of every reply that sets none of its own: an API reply (JSON, a
 * problem) loads nothing, submits nothing and is framed nowhere. Pages set theirs: the home page
 * (`default-src 'none'`), the docs (docs.ts) and the web app's shell (`script-src 'self'`, see
 * docs/decisions.md).
 */
const API_CSP_DIRECTIVES = {
  "default-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["'none'"],
};

/**
 * Security headers on every reply, by @fastify/helmet's onRequest hook. It is registered before
 * every other hook, so a request refused by a later one (disallowed host, 401, 403, 404, 503 while
 * closing) still carries them. Helmet's other defaults stay: nosniff, COOP and CORP same-origin,
 * Origin-Agent-Cluster, X-DNS-Prefetch-Control off, X-Permitted-Cross-Domain-Policies none,
 * X-XSS-Protection 0. CORP same-origin does not hinder CORS_ALLOWED_ORIGINS: it applies to
 * no-cors loads only.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    // Both: X-Frame-Options for browsers that predate CSP frame-ancestors.
    frameguard: { action: "deny" },
    // A full URL may carry a reset or verification token; other sites get nothing.
    referrerPolicy: { policy: "same-origin" },
    // No includeSubDomains or preload: they bind hosts this server does not know it answers for.
    strictTransportSecurity:
      config.hstsSeconds > 0 ? { maxAge: config.hstsSeconds, includeSubDomains: false } : false,
  });
  app.addHook("onSend", async (request, reply, payload) => {
    preventCaching(request, reply);
    return payload;
  });
}

/**
 * `Cache-Control: no-store` unless a reply chose its own caching (the docs' static files): no
 * browser, proxy or CDN keeps an API reply, so a shown-once API token, a JWT, a session reply or
 * another user's data is never served from a cache. An authenticated reply is no-store whatever
 * it set. /healthz is no-store too: a cached "ok" would hide an outage from the probe.
 */
export function preventCaching(request: FastifyRequest, reply: FastifyReply): void {
  if (request.principal !== null || !reply.hasHeader("cache-control")) {
    reply.header("Cache-Control", "no-store");
  }
}
