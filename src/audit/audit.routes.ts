import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import type { AuditEntry } from "./audit-log.table.js";

const AuditEntrySchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  created_at: Type.String({ format: "date-time" }),
  actor: Type.Union(
    [Type.Object({ id: Type.String({ format: "uuid" }), email: Type.String() }), Type.Null()],
    { description: "The staff user; null for the CLI" },
  ),
  action: Type.String({ description: "e.g. credits.adjust, service.update, invite.create" }),
  target_type: Type.String(),
  target_id: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  request_id: Type.Union([Type.String({ format: "uuid" }), Type.Null()]),
});

function auditEntryJson(entry: AuditEntry) {
  return {
    id: entry.id,
    created_at: entry.createdAt.toISOString(),
    actor: entry.actorId === null ? null : { id: entry.actorId, email: entry.actorEmail ?? "" },
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: entry.details,
    request_id: entry.requestId,
  };
}

/** Staff: the audit log, read only (no API changes or deletes an entry). */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/audit-log",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAuditLog",
        tags: ["admin"],
        summary: "What staff changed, newest first (staff)",
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ format: "uuid", description: "The staff user's id" })),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          target_id: Type.Optional(Type.String({ maxLength: 200 })),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AuditEntrySchema) },
      },
    },
    async (request) => {
      const listed = await app.services.audit.list({
        actorId: request.query.actor?.toLowerCase(),
        action: request.query.action,
        targetId: request.query.target_id,
        page: request.query.page,
      });
      return toPage(request, listed, auditEntryJson);
    },
  );
};
