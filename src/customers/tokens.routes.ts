import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { clientMetaOf } from "./security-log.js";

const tags = ["tokens"];
const DateTime = Type.String({ format: "date-time" });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const TokenPrefix = Type.String({ description: 'Shown as "tok_xxxxxxxx"' });

const ApiToken = Type.Object({
  id: Type.String({ format: "uuid" }),
  name: Type.String(),
  token_prefix: TokenPrefix,
  created_at: DateTime,
  last_used_at: NullableDateTime,
  revoked_at: NullableDateTime,
});

const CreatedApiToken = Type.Object({
  id: Type.String({ format: "uuid" }),
  name: Type.String(),
  token_once: Type.String({ description: "The whole token; shown only in this response" }),
  token_prefix: TokenPrefix,
  created_at: DateTime,
});

/** The signed-in user's API tokens. */
export const tokensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { tokens } = app.services.customers;

  app.get(
    "/api/customers/tokens",
    {
      config: { access: "session" },
      schema: {
        operationId: "listTokens",
        tags,
        summary: "List your API tokens (never the secret)",
        querystring: PageQuery,
        response: { 200: Paginated(ApiToken), ...problems(400, 401) },
      },
    },
    async (request) => {
      const listed = await tokens.listTokens(principalOf(request).userId, request.query.page);
      return toPage(request, listed, (token) => ({
        id: token.id,
        name: token.name,
        token_prefix: token.tokenPrefix,
        created_at: token.createdAt.toISOString(),
        last_used_at: token.lastUsedAt?.toISOString() ?? null,
        revoked_at: token.revokedAt?.toISOString() ?? null,
      }));
    },
  );

  app.post(
    "/api/customers/tokens",
    {
      config: { access: "session" },
      schema: {
        operationId: "createToken",
        tags,
        summary: "Create an API token; the token is returned once",
        body: Type.Object(
          {
            name: Type.String({
              minLength: 1,
              maxLength: 100,
              pattern: "\\S",
              description: "a name with at least one visible character",
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedApiToken, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await tokens.createToken(
        principalOf(request).userId,
        request.body.name,
        clientMetaOf(request),
      );
      return reply.status(201).send({
        id: created.id,
        name: created.name,
        token_once: created.token,
        token_prefix: created.tokenPrefix,
        created_at: created.createdAt.toISOString(),
      });
    },
  );

  app.delete(
    "/api/customers/tokens/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "revokeToken",
        tags,
        summary: "Revoke an API token (takes effect at once on every instance)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: {
          204: Type.Null({ description: "No content" }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      await tokens.revokeToken(
        principalOf(request).userId,
        request.params.id,
        clientMetaOf(request),
      );
      return reply.status(204).send(null);
    },
  );
};
