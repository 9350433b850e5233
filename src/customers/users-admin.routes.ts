import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { clientMetaOf } from "./security-log.js";
import type { User } from "./users.table.js";

const AdminUser = Type.Object({
  id: Type.String({ format: "uuid" }),
  email: Type.String(),
  is_active: Type.Boolean(),
  is_staff: Type.Boolean(),
  email_verified_at: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  date_joined: Type.String({ format: "date-time" }),
  locked_until: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
    description: "Logins are refused until then (failed logins); null or past when not locked",
  }),
});

function adminUserJson(user: User) {
  return {
    id: user.id,
    email: user.email,
    is_active: user.isActive,
    is_staff: user.isStaff,
    email_verified_at: user.emailVerifiedAt?.toISOString() ?? null,
    date_joined: user.dateJoined.toISOString(),
    locked_until: user.lockedUntil?.toISOString() ?? null,
  };
}

/** Staff: users, deactivating them (sessions end, API tokens stop at once) and lifting lockouts. */
export const usersAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { usersAdmin } = app.services.customers;

  app.get(
    "/api/admin/users",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listUsers",
        tags: ["admin"],
        summary: "All users (staff), newest first",
        querystring: Type.Object({
          email: Type.Optional(
            Type.String({ maxLength: 320, description: "Part of the email (any case)" }),
          ),
          is_active: Type.Optional(Type.Boolean()),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminUser), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const listed = await usersAdmin.list({
        email: request.query.email,
        isActive: request.query.is_active,
        page: request.query.page,
      });
      return toPage(request, listed, adminUserJson);
    },
  );

  app.get(
    "/api/admin/users/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getUser",
        tags: ["admin"],
        summary: "One user (staff)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AdminUser, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => adminUserJson(await usersAdmin.get(request.params.id.toLowerCase())),
  );

  app.patch(
    "/api/admin/users/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "updateUser",
        tags: ["admin"],
        summary: "Activate or deactivate a user, or grant or remove staff (staff)",
        description:
          "Deactivating ends the user's sessions and JWT refresh tokens and stops their API " +
          "tokens and JWT access tokens in every instance at once. Staff cannot deactivate " +
          "themselves or remove their own staff status.",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Type.Object(
          { is_active: Type.Optional(Type.Boolean()), is_staff: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminUser, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      adminUserJson(
        await usersAdmin.update(actorOf(principalOf(request)), request.params.id, {
          isActive: request.body.is_active,
          isStaff: request.body.is_staff,
        }),
      ),
  );

  app.post(
    "/api/admin/users/:id/unlock",
    {
      config: { access: "staff" },
      schema: {
        operationId: "unlockUser",
        tags: ["admin"],
        summary: "Lift a lockout after failed logins (staff)",
        description:
          "Logins work again at once and the failed-login count starts from zero. Audited as " +
          "user.unlock and written to the user's security log as account_unlocked.",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AdminUser, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      adminUserJson(
        await usersAdmin.unlock(
          actorOf(principalOf(request)),
          request.params.id,
          clientMetaOf(request),
        ),
      ),
  );
};
