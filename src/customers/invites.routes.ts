import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { problems } from "../platform/problem.js";
import { MAX_INVITES_PER_REQUEST } from "./invites.service.js";

const Invite = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String(),
  expires_at: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  created_at: Type.String({ format: "date-time" }),
});

/** Staff: invite codes. */
export const adminInvitesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { invites } = app.services.customers;

  app.post(
    "/api/admin/invites",
    {
      config: { access: "staff" },
      schema: {
        operationId: "createInvites",
        tags: ["admin"],
        summary: "Create invite codes (staff)",
        body: Type.Union([
          Type.Object(
            {
              expires_at: Type.Optional(
                Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
              ),
              count: Type.Optional(
                Type.Integer({ minimum: 1, maximum: MAX_INVITES_PER_REQUEST, default: 1 }),
              ),
            },
            { additionalProperties: false },
          ),
          // No body at all means one invite that never expires (Fastify validates it as null).
          Type.Null(),
        ]),
        response: { 201: Type.Object({ invites: Type.Array(Invite) }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const expiresAt = body.expires_at == null ? null : new Date(body.expires_at);
      const created = await invites.createInvites({
        count: body.count ?? 1,
        expiresAt,
        actor: actorOf(principalOf(request)),
      });
      return reply.status(201).send({
        invites: created.map((invite) => ({
          id: invite.id,
          code: invite.code,
          expires_at: invite.expiresAt?.toISOString() ?? null,
          created_at: invite.createdAt.toISOString(),
        })),
      });
    },
  );
};
