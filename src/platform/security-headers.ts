import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
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

function helmetOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP_DIRECTIVES },
    // Both: X-Frame-Options for browsers that predate CSP frame-ancestors.
    frameguard: { action: "deny" },
    // A full URL may carry a reset or verification token; other sites get nothing.
    referrerPolicy: { policy: "same-origin" },
    // No includeSubDomains or preload: they bind hosts this server does not know it answers for.
    strictTransportSecurity:
      config.hstsSeconds > 0 ? { maxAge: config.hstsSeconds, includeSubDomains: false } : false,
  };
}

/**
 * The headers helmet sets with these options, computed once. They depend on the configuration
 * only (no CSP nonces), so running helmet's middleware once on a recording response gives the
 * same headers as running it per request, which @fastify/helmet did: rebuilding the middleware
 * and re-parsing the CSP on every request cost about 5 % of a metered call's CPU (bench/).
 */
export function securityHeaders(config: Config): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers.push([name, String(value)]);
    },
    removeHeader() {
      // Helmet hides X-Powered-By, which Fastify never sets.
    },
  };
  // Helmet's middleware reads nothing of the request and only sets headers on the response.
  const request = {} as unknown as IncomingMessage;
  helmet(helmetOptions(config))(
    request,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error instanceof Error) throw error;
    },
  );
  return headers;
}

/**
 * Security headers on every reply, set by the first onRequest hook: a request refused by a later
 * one (disallowed host, 401, 403, 404, 503 while closing) still carries them. Helmet's other
 * defaults stay: nosniff, COOP and CORP same-origin, Origin-Agent-Cluster, X-DNS-Prefetch-Control
 * off, X-Permitted-Cross-Domain-Policies none, X-XSS-Protection 0. CORP same-origin does not
 * hinder CORS_ALLOWED_ORIGINS: it applies to no-cors loads only. They are set on the raw
 * response, so a page's own `reply.header("Content-Security-Policy", …)` replaces the API one.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers = securityHeaders(config);
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
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
