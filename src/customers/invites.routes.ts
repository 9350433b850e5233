import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
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
        body: Type.Object(
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
        response: { 201: Type.Object({ invites: Type.Array(Invite) }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const expiresAt = request.body.expires_at == null ? null : new Date(request.body.expires_at);
      const created = await invites.createInvites({ count: request.body.count ?? 1, expiresAt });
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
