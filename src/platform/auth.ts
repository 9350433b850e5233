import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { platformError } from "./errors.js";

/**
 * Who may call a route; every /api route declares it in `config.access`. "session_or_bearer"
 * takes an API token when an `Authorization` header is sent and the session cookie otherwise
 * (CSRF applies to the session only).
 */
export type Access = "public" | "session" | "staff" | "bearer" | "session_or_bearer";

/** The authenticated caller of a request. */
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly isStaff: boolean;
  readonly via: "session" | "bearer";
  /** Set when authenticated by session cookie (the hashed session id). */
  readonly sessionId?: string;
  /** Set when authenticated by API token. */
  readonly tokenId?: string;
  /** "tok_xxxxxxxx" of the API token used. */
  readonly tokenPrefix?: string;
}

/** Implemented by the customers feature; the platform only knows this interface. */
export interface RequestAuthenticator {
  /** The session's principal from the `sessionid` cookie, or null when there is no valid one. */
  authenticateSession(request: FastifyRequest): Promise<Principal | null>;
  /** The token's principal from `Authorization: Bearer …`, or a value saying why not. */
  authenticateBearer(authorization: string | undefined): Promise<Principal | null>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** Opt-in rate limit group (RATE_LIMIT_ENABLED): "auth" per IP, "solve" per token. */
    rateLimitGroup?: "auth" | "solve";
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const CSRF_COOKIE = "csrftoken";
export const CSRF_HEADER = "x-csrftoken";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/**
 * The CSRF token of a session: HMAC(SECRET_KEY, hashed session id). Bound to the session, so a
 * value an attacker plants in both the cookie and the header (e.g. from a sibling subdomain) is
 * refused, and it needs no storage.
 */
export function csrfTokenForSession(secretKey: string, sessionId: string): string {
  return createHmac("sha256", secretKey).update(`tollgate:csrf:${sessionId}`).digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The X-CSRFToken header equals the csrftoken cookie, and both are this session's token. */
function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (typeof cookie !== "string" || typeof header !== "string") return false;
  return sameText(header, cookie) && sameText(header, expected);
}

/**
 * The principal of the current request; only for handlers of routes whose access is not
 * "public", where the hook below has already refused anonymous callers.
 */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw platformError("not_authenticated");
  return request.principal;
}

/**
 * Enforces each route's declared access before the body is read (an unauthenticated upload is
 * refused without being buffered). Session-authenticated unsafe methods need the CSRF header.
 */
export function registerAccessControl(
  app: FastifyInstance,
  authenticator: RequestAuthenticator,
): void {
  app.decorateRequest("principal", null);
  app.addHook("onRoute", (route) => {
    const url = route.url;
    if (
      url.startsWith("/api/") &&
      !url.startsWith("/api/docs") &&
      route.config?.access === undefined
    ) {
      throw new Error(`Route ${route.method.toString()} ${url} does not declare config.access`);
    }
  });
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access ?? "public";
    if (access === "public") return;
    if (
      access === "bearer" ||
      (access === "session_or_bearer" && request.headers.authorization !== undefined)
    ) {
      const principal = await authenticator.authenticateBearer(request.headers.authorization);
      if (principal === null) {
        throw platformError(
          "invalid_token",
          "Provide a valid API token as 'Authorization: Bearer <token>'.",
          {
            headers: { "WWW-Authenticate": 'Bearer realm="tollgate"' },
          },
        );
      }
      request.principal = principal;
      return;
    }
    const principal = await authenticator.authenticateSession(request);
    if (principal === null)
      throw platformError(
        "not_authenticated",
        access === "session_or_bearer"
          ? "Log in, or send an API token as 'Authorization: Bearer <token>'."
          : "Log in to use this endpoint.",
      );
    if (
      !SAFE_METHODS.has(request.method) &&
      !csrfMatches(request, csrfTokenForSession(app.config.secretKey, principal.sessionId ?? ""))
    ) {
      throw platformError(
        "csrf_failed",
        "Send the csrftoken cookie's value in the X-CSRFToken header.",
      );
    }
    if (access === "staff" && !principal.isStaff) {
      throw platformError("permission_denied", "Staff only.");
    }
    request.principal = principal;
  });
}
