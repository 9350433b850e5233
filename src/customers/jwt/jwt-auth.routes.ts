import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../../platform/auth.js";
import { validationError } from "../../platform/errors.js";
import { problems } from "../../platform/problem.js";
import { registrationInviteCode } from "../accounts.routes.js";
import { clientMetaOf } from "../security-log.js";
import type { User } from "../users.table.js";

const tags = ["auth"];
const NoContent = Type.Null({ description: "No content" });
const Email = Type.String({ format: "email", maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const RefreshToken = Type.String({
  minLength: 1,
  maxLength: 200,
  description: "An opaque refresh token, rt_…",
});
const AccessToken = Type.String({
  description: "An HS256 JWT; send it as 'Authorization: Bearer <access>'",
});

const LoginUser = Type.Object({
  id: Type.String({ format: "uuid" }),
  email: Type.String(),
  full_name: Type.String(),
  is_staff: Type.Boolean(),
});

const Profile = Type.Object({
  id: Type.String({ format: "uuid" }),
  email: Type.String({ description: "Read-only" }),
  full_name: Type.String({ maxLength: 150 }),
  bio: Type.String({ maxLength: 2000 }),
  is_staff: Type.Boolean(),
  email_verified_at: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  date_joined: Type.String({ format: "date-time" }),
});

function profileJson(user: User) {
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    bio: user.bio,
    is_staff: user.isStaff,
    email_verified_at: user.emailVerifiedAt?.toISOString() ?? null,
    date_joined: user.dateJoined.toISOString(),
  };
}

/** JWT sign-in (register, login, refresh, logout) and the caller's profile, under /api/v1/auth. */
export const jwtAuthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { accounts, jwt, profile } = app.services.customers;

  app.post(
    "/api/v1/auth/register",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "jwtRegister",
        tags,
        summary: "Create an account; a verification link is emailed (as /api/customers/register)",
        description:
          "invite_code is required unless REGISTRATION_MODE=open. The account can log in once " +
          "its email is verified.",
        body: Type.Object(
          {
            email: Email,
            password: Password,
            invite_code: registrationInviteCode(app.config.accountSecurity.registrationMode),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ detail: Type.String() }), ...problems(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { email, password, invite_code } = request.body;
      await accounts.register({ email, password, inviteCode: invite_code });
      return reply.status(202).send({ detail: "Check your email for the verification link." });
    },
  );

  app.post(
    "/api/v1/auth/login",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "jwtLogin",
        tags,
        summary: "Log in for a JWT access token and a refresh token",
        description:
          "The same throttling, lockout and verification rules as the session login. Each login " +
          "starts a new refresh-token family.",
        body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
        response: {
          200: Type.Object({ access: AccessToken, refresh: RefreshToken, user: LoginUser }),
          ...problems(400, 401, 403, 429),
        },
      },
    },
    async (request) => {
      const { access, refresh, user } = await jwt.login({
        email: request.body.email,
        password: request.body.password,
        client: clientMetaOf(request),
      });
      return {
        access,
        refresh,
        user: { id: user.id, email: user.email, full_name: user.fullName, is_staff: user.isStaff },
      };
    },
  );

  app.post(
    "/api/v1/auth/token/refresh",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "jwtRefresh",
        tags,
        summary: "Exchange a refresh token for a new access token and refresh token",
        description:
          "The presented refresh token is spent. Presenting a spent one again revokes every " +
          "token of its login (401 token_reused); an expired, revoked or unknown one is 401 " +
          "invalid_token.",
        body: Type.Object({ refresh: RefreshToken }, { additionalProperties: false }),
        response: {
          200: Type.Object({ access: AccessToken, refresh: RefreshToken }),
          ...problems(400, 401, 429),
        },
      },
    },
    async (request) => jwt.refresh(request.body.refresh, clientMetaOf(request)),
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { access: "public" },
      schema: {
        operationId: "jwtLogout",
        tags,
        summary: "Revoke a refresh token and every token of its login",
        description:
          "The refresh token is the credential, so no other authentication is needed. Always " +
          "204, also for an unknown or already revoked token. Access tokens already issued " +
          "stay valid until they expire.",
        body: Type.Object({ refresh: RefreshToken }, { additionalProperties: false }),
        response: { 204: NoContent, ...problems(400) },
      },
    },
    async (request, reply) => {
      await jwt.logout(request.body.refresh, clientMetaOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/profile",
    {
      config: { access: "session" },
      schema: {
        operationId: "getProfile",
        tags,
        summary: "The caller's profile",
        response: { 200: Profile, ...problems(401) },
      },
    },
    async (request) => profileJson(await profile.get(principalOf(request).userId)),
  );

  app.patch(
    "/api/v1/auth/profile",
    {
      config: { access: "session" },
      // Before the schema, so a sent email is named as read-only rather than as unknown.
      preValidation: async (request) => {
        const body: unknown = request.body;
        if (typeof body === "object" && body !== null && Object.hasOwn(body, "email")) {
          throw validationError([
            { field: "email", code: "read_only", message: "The email cannot be changed here." },
          ]);
        }
      },
      schema: {
        operationId: "updateProfile",
        tags,
        summary: "Change the caller's full name or bio",
        description: "email is read-only: sending it is a 400 validation_error (code read_only).",
        body: Type.Object(
          {
            full_name: Type.Optional(Type.String({ maxLength: 150 })),
            bio: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Profile, ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      profileJson(
        await profile.update(principalOf(request).userId, {
          fullName: request.body.full_name,
          bio: request.body.bio,
        }),
      ),
  );
};
