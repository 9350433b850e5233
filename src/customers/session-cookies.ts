import type { FastifyReply } from "fastify";
import type { Config } from "../config.js";
import { CSRF_COOKIE } from "../platform/auth.js";
import { SESSION_COOKIE } from "./request-authenticator.js";

/** Django's CSRF cookie age: one year. */
const CSRF_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

function secure(config: Config): boolean {
  return config.publicBaseUrl.startsWith("https:");
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  sessionKey: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, sessionKey, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secure(config),
    expires: expiresAt,
  });
}

/** Readable by the page's script (not HttpOnly), which echoes it in X-CSRFToken. */
export function setCsrfCookie(reply: FastifyReply, config: Config, csrfToken: string): void {
  reply.setCookie(CSRF_COOKIE, csrfToken, {
    httpOnly: false,
    sameSite: "lax",
    path: "/",
    secure: secure(config),
    maxAge: CSRF_COOKIE_MAX_AGE_S,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secure(config),
  });
}
