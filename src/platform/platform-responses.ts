import type { RouteOptions } from "fastify";
import type { Access } from "./auth.js";
import { problemResponseFor } from "./problem.js";

// Fastify reads a body on these methods (on DELETE and OPTIONS when one is sent with a type).
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request of this method can carry a body the app parses (and so refuse one). */
export function readsBody(method: string): boolean {
  return BODY_METHODS.has(method);
}

/** Whether CSRF is checked on this method for session-authenticated requests. */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

/**
 * The problem statuses the platform itself can answer on a route, before or around its handler:
 * 400 disallowed_host / validation_error / invalid_json / bad_request, 413 and 415 on a body,
 * 401 and 403 from the declared access (403 csrf_failed only on unsafe methods), 404 for a page
 * past the last of a paginated list, 429 from a rate limit group, 500 internal_error, and 503
 * service_unavailable while shutting down or database_unavailable while the database cannot be
 * reached.
 */
export function platformStatuses(
  method: string,
  route: { access: Access; rateLimited: boolean; paginated: boolean },
): readonly number[] {
  const { access, rateLimited, paginated } = route;
  const statuses = [400];
  if (readsBody(method)) statuses.push(413, 415);
  if (access !== "public") statuses.push(401);
  const sessionUnsafe =
    (access === "session" || access === "session_or_bearer") && isUnsafeMethod(method);
  if (access === "staff" || sessionUnsafe) statuses.push(403);
  if (paginated) statuses.push(404);
  if (rateLimited) statuses.push(429);
  statuses.push(500, 503);
  return statuses;
}

/**
 * onRoute hook: adds the platform's problem responses to every documented route, so the OpenAPI
 * document declares each status a route can return without every route repeating them. A status
 * the route declares itself keeps the route's schema.
 */
export function declarePlatformResponses(route: RouteOptions): void {
  const schema = route.schema;
  if (schema === undefined || schema.hide === true) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const query = schema.querystring as { properties?: Record<string, unknown> } | undefined;
  const traits = {
    access: route.config?.access ?? "public",
    rateLimited: route.config?.rateLimitGroup !== undefined,
    paginated: query?.properties?.["page"] !== undefined,
  };
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  const added: Record<string, unknown> = {};
  for (const method of methods) {
    for (const status of platformStatuses(method, traits)) {
      added[String(status)] = problemResponseFor(status);
    }
  }
  route.schema = { ...schema, response: { ...added, ...declared } };
}
