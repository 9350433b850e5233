import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { CSRF_COOKIE, csrfTokenForSession, principalOf } from "../platform/auth.js";
import { problems } from "../platform/problem.js";
import { SESSION_COOKIE } from "./request-authenticator.js";
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from "./session-cookies.js";
import { randomSecret } from "./secrets.js";
import { clientMetaOf } from "./security-log.js";

const tags = ["customers"];
const NoContent = Type.Null({ description: "No content" });
const Email = Type.String({ format: "email", maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Accepted = Type.Object({ detail: Type.String() });

const Account = Type.Object({
  id: Type.String({ format: "uuid" }),
  email: Type.String(),
  email_verified_at: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  is_staff: Type.Boolean(),
});

/** A browser navigating (the emailed link), not a script or an API client. */
function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes("text/html") === true;
}

/** The register body's invite_code: required in invite mode, optional in open mode. */
export function registrationInviteCode(mode: "invite" | "open") {
  return mode === "invite"
    ? Type.String({ minLength: 1, maxLength: 100 })
    : Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 100,
          description: "Optional: registration is open",
        }),
      );
}

/** Registration, email verification, login/logout, password change and the CSRF token. */
export const accountsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { accounts } = app.services.customers;
  // The document and the validation say what this deployment asks: required in invite mode.
  const inviteCodeField = registrationInviteCode(app.config.accountSecurity.registrationMode);

  app.post(
    "/api/customers/register",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "register",
        tags,
        summary:
          "Create an account (with an invite code unless registration is open); a verification link is emailed",
        body: Type.Object(
          {
            email: Email,
            password: Password,
            invite_code: inviteCodeField,
          },
          { additionalProperties: false },
        ),
        response: { 202: Accepted, ...problems(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { email, password, invite_code } = request.body;
      await accounts.register({ email, password, inviteCode: invite_code });
      return reply.status(202).send({ detail: "Check your email for the verification link." });
    },
  );

  app.get(
    "/api/customers/verify-email",
    {
      config: { access: "public" },
      schema: {
        operationId: "verifyEmail",
        tags,
        summary: "Confirm the email address with the emailed link; marks the invite used",
        description:
          "A browser opening the emailed link (an `Accept` that includes `text/html`) is sent " +
          "with 303 to the web portal's `/verify-email?token=…`, which calls this endpoint and " +
          "offers to sign in; every other client gets the contract's 204 or problem.",
        // Neither required nor bounded, and a repeated one is taken too: a missing, empty, repeated
        // or over-long token is a malformed link, so invalid_verification_token, not validation_error.
        querystring: Type.Object({
          token: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
        }),
        response: {
          204: NoContent,
          303: Type.Null({ description: "To the web portal's verification page (browsers)" }),
          ...problems(400, 409),
        },
      },
    },
    async (request, reply) => {
      const { token } = request.query;
      if (wantsHtml(request.headers.accept)) {
        const query = typeof token === "string" ? `?token=${encodeURIComponent(token)}` : "";
        return reply.redirect(`/verify-email${query}`, 303);
      }
      await accounts.verifyEmail(typeof token === "string" ? token : "", clientMetaOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/customers/resend-verification",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "resendVerification",
        tags,
        summary: "Send a new verification link (always 202, whether or not the email exists)",
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Accepted, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(request.body.email);
      return reply
        .status(202)
        .send({ detail: "If the account exists and is unverified, a new link was sent." });
    },
  );

  app.post(
    "/api/customers/login",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "login",
        tags,
        summary: "Start a session: sets the sessionid and csrftoken cookies",
        body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
        response: { 200: Account, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { account, session } = await accounts.login({
        email: request.body.email,
        password: request.body.password,
        client: clientMetaOf(request),
        previousSessionKey: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, app.config, session.sessionKey, session.expiresAt);
      setCsrfCookie(reply, app.config, session.csrfToken);
      return {
        id: account.id,
        email: account.email,
        email_verified_at: account.emailVerifiedAt?.toISOString() ?? null,
        is_staff: account.isStaff,
      };
    },
  );

  app.post(
    "/api/customers/logout",
    {
      config: { access: "session" },
      schema: {
        operationId: "logout",
        tags,
        summary: "End this session (deleted server-side)",
        response: { 204: NoContent, ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      await accounts.logout(principalOf(request), {
        sessionKey: request.cookies[SESSION_COOKIE],
        client: clientMetaOf(request),
      });
      clearSessionCookie(reply, app.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/customers/password/change",
    {
      config: { access: "session" },
      schema: {
        operationId: "changePassword",
        tags,
        summary:
          "Change the password; every other session of the user ends and outstanding reset links stop working",
        body: Type.Object(
          { old_password: Password, new_password: Password },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await accounts.changePassword(principalOf(request), {
        oldPassword: request.body.old_password,
        newPassword: request.body.new_password,
        client: clientMetaOf(request),
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/customers/csrf",
    {
      config: { access: "public" },
      schema: {
        operationId: "getCsrfToken",
        tags,
        summary: "The CSRF token for X-CSRFToken (also set as the csrftoken cookie)",
        response: { 200: Type.Object({ csrftoken: Type.String() }) },
      },
    },
    async (request, reply) => {
      // With a session, its own token; before login, any well-formed value (nothing checks it
      // until login sets the session's token).
      const session = await app.services.customers.sessions.authenticate(
        request.cookies[SESSION_COOKIE],
      );
      const existing = request.cookies[CSRF_COOKIE];
      const csrftoken =
        session?.sessionId !== undefined
          ? csrfTokenForSession(app.config.secretKey, session.sessionId)
          : existing !== undefined && /^[\w-]{32,64}$/.test(existing)
            ? existing
            : randomSecret();
      setCsrfCookie(reply, app.config, csrftoken);
      return { csrftoken };
    },
  );
};
