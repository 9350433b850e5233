import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { clientMetaOf } from "./security-log.js";
import type { AdminApiTokenListItem } from "./tokens.service.js";

const DateTime = Type.String({ format: "date-time" });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

const AdminApiToken = Type.Object({
  id: Type.String({ format: "uuid" }),
  owner: Type.Object({ id: Type.String({ format: "uuid" }), email: Type.String() }),
  name: Type.String(),
  token_prefix: Type.String({ description: 'Shown as "tok_xxxxxxxx"' }),
  created_at: DateTime,
  last_used_at: NullableDateTime,
  revoked_at: NullableDateTime,
});

function adminApiTokenJson(token: AdminApiTokenListItem) {
  return {
    id: token.id,
    owner: { id: token.ownerId, email: token.ownerEmail },
    name: token.name,
    token_prefix: token.tokenPrefix,
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    revoked_at: token.revokedAt?.toISOString() ?? null,
  };
}

/** Staff: every user's API tokens (never the secret or its hash), and revoking any of them. */
export const tokensAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { tokens } = app.services.customers;

  app.get(
    "/api/admin/tokens",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllTokens",
        tags: ["admin", "tokens"],
        summary: "Every user's API tokens (staff), newest first; never the secret",
        querystring: Type.Object({
          search: Type.Optional(
            Type.String({
              maxLength: 320,
              description:
                'The start of a token prefix ("tok_ab12" or "ab12") or part of the owner\'s email (any case)',
            }),
          ),
          user: Type.Optional(Type.String({ format: "uuid", description: "Only this user's" })),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminApiToken), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const listed = await tokens.listAllTokens(request.query);
      return toPage(request, listed, adminApiTokenJson);
    },
  );

  app.delete(
    "/api/admin/tokens/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "revokeAnyToken",
        tags: ["admin", "tokens"],
        summary: "Revoke any user's API token (staff; idempotent, at once on every instance)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: {
          204: Type.Null({ description: "No content" }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      await tokens.revokeTokenAsStaff(
        request.params.id.toLowerCase(),
        actorOf(principalOf(request)),
        clientMetaOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
