import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { createOriginCheck } from "./csrf-origin.js";
import { platformError } from "./errors.js";

/**
 * Who may call a route; every /api route declares it in `config.access`. "bearer" takes an API
 * token or a JWT access token. "session_or_bearer" takes either when an `Authorization` header is
 * sent and the session cookie otherwise. "session" and "staff" take a JWT access token when a
 * `Bearer` header other than an API token is sent, and the session cookie otherwise. CSRF applies
 * to the cookie only.
 */
export type Access = "public" | "session" | "staff" | "bearer" | "session_or_bearer";

/** The authenticated caller of a request. */
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly isStaff: boolean;
  /** "bearer" is an API token, "jwt" a JWT access token. */
  readonly via: "session" | "bearer" | "jwt";
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
  /** The principal of `Authorization: Bearer <API token or JWT access token>`, or null. */
  authenticateBearer(
    authorization: string | undefined,
    clientIp?: string,
  ): Promise<Principal | null>;
  /** The principal of `Authorization: Bearer <JWT access token>` only, or null. */
  authenticateJwt(authorization: string | undefined): Promise<Principal | null>;
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
const BEARER_SCHEME = /^Bearer(?:[ \t]|$)/i;
/** An API token (`tok_…`, the design's format) rather than a JWT. */
export const API_TOKEN_BEARER = /^Bearer[ \t]+tok_/i;

function invalidToken(detail: string) {
  return platformError("invalid_token", detail, {
    headers: { "WWW-Authenticate": 'Bearer realm="tollgate"' },
  });
}

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
 * refused without being buffered). Session-authenticated unsafe methods need the CSRF header and
 * a trusted Origin (or, on https without one, Referer).
 */
export function registerAccessControl(
  app: FastifyInstance,
  authenticator: RequestAuthenticator,
): void {
  app.decorateRequest("principal", null);
  const originFailure = createOriginCheck(app.config);
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
    const authorization = request.headers.authorization;
    if (access === "bearer" || (access === "session_or_bearer" && authorization !== undefined)) {
      const principal = await authenticator.authenticateBearer(authorization, request.ip);
      if (principal === null) {
        throw invalidToken(
          "Provide a valid API token or JWT access token as 'Authorization: Bearer <token>'.",
        );
      }
      request.principal = principal;
      return;
    }
    // Only a Bearer header takes the place of the cookie: a browser behind an HTTP Basic proxy
    // sends its Authorization header beside the session cookie. These routes do not take API
    // tokens, which are ignored here as they always were.
    if (
      authorization !== undefined &&
      BEARER_SCHEME.test(authorization) &&
      !API_TOKEN_BEARER.test(authorization)
    ) {
      const principal = await authenticator.authenticateJwt(authorization);
      if (principal === null) {
        throw invalidToken(
          "Log in, or provide a valid JWT access token as 'Authorization: Bearer <token>'.",
        );
      }
      // A bearer header is not sent by a browser on its own, so it needs no CSRF check.
      if (access === "staff" && !principal.isStaff) {
        throw platformError("permission_denied", "Staff only.");
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
    if (!SAFE_METHODS.has(request.method)) {
      // Origin first, as Django: the token says the page saw it, the origin which page sent it.
      const failure = originFailure(request);
      if (failure !== undefined) throw platformError("csrf_failed", failure);
      if (
        !csrfMatches(request, csrfTokenForSession(app.config.secretKey, principal.sessionId ?? ""))
      ) {
        throw platformError(
          "csrf_failed",
          "Send the csrftoken cookie's value in the X-CSRFToken header.",
        );
      }
    }
    if (access === "staff" && !principal.isStaff) {
      throw platformError("permission_denied", "Staff only.");
    }
    request.principal = principal;
  });
}
