import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { INVITE_STATUSES, type InviteStatus, type InviteWithStatus } from "./invites.queries.js";
import { MAX_INVITES_PER_REQUEST } from "./invites.service.js";

const Invite = Type.Object({
  id: Type.String({ format: "uuid" }),
  code: Type.String(),
  expires_at: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  created_at: Type.String({ format: "date-time" }),
});

const NullableDateTime = Type.Union([Type.String({ format: "date-time" }), Type.Null()]);

const InviteStatusSchema = Type.Unsafe<InviteStatus>({
  type: "string",
  enum: [...INVITE_STATUSES],
  description:
    "unused: can register; used: an account registered with it; expired: past expires_at, " +
    "never used; withdrawn: staff withdrew it",
});

const AdminInvite = Type.Object({
  ...Invite.properties,
  status: InviteStatusSchema,
  used_at: NullableDateTime,
  used_by: Type.Union([
    Type.Object({ id: Type.String({ format: "uuid" }), email: Type.String() }),
    Type.Null(),
  ]),
  withdrawn_at: NullableDateTime,
});

function adminInviteJson(invite: InviteWithStatus) {
  return {
    id: invite.id,
    code: invite.code,
    expires_at: invite.expiresAt?.toISOString() ?? null,
    created_at: invite.createdAt.toISOString(),
    status: invite.status,
    used_at: invite.usedAt?.toISOString() ?? null,
    used_by: invite.usedBy === null ? null : { id: invite.usedBy, email: invite.usedByEmail ?? "" },
    withdrawn_at: invite.withdrawnAt?.toISOString() ?? null,
  };
}

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

  app.get(
    "/api/admin/invites",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listInvites",
        tags: ["admin"],
        summary: "Invite codes (staff), newest first, with their status",
        querystring: Type.Object({
          status: Type.Optional(InviteStatusSchema),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminInvite), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const listed = await invites.listInvites(request.query);
      return toPage(request, listed, adminInviteJson);
    },
  );

  app.post(
    "/api/admin/invites/:id/withdraw",
    {
      config: { access: "staff" },
      schema: {
        operationId: "withdrawInvite",
        tags: ["admin"],
        summary: "Withdraw an invite nobody used: it can no longer register an account (staff)",
        description:
          "Idempotent: a withdrawn invite is answered as it is. A used invite is refused with " +
          "409 invite_used. A registration waiting for its email to be verified with this " +
          "invite is refused at verification (400 invalid_invite).",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AdminInvite, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      adminInviteJson(
        await invites.withdrawInvite(
          request.params.id.toLowerCase(),
          actorOf(principalOf(request)),
        ),
      ),
  );
};
