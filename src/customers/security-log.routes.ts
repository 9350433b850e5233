import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { listSecurityEvents, type SecurityEventWithEmail } from "./security-log.js";
import { SECURITY_EVENT_TYPES, type SecurityEvent } from "./security-events.table.js";

const EventType = Type.Enum([...SECURITY_EVENT_TYPES], { description: "What happened" });

const SecurityEventSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  user_id: Type.String({ format: "uuid" }),
  type: EventType,
  ip: Type.Union([Type.String(), Type.Null()], { description: "As seen through TRUST_PROXY" }),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  request_id: Type.Union([Type.String({ format: "uuid" }), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  created_at: Type.String({ format: "date-time" }),
});

const AdminSecurityEvent = Type.Object({
  ...SecurityEventSchema.properties,
  user_email: Type.String(),
});

function adminEventJson(event: SecurityEventWithEmail) {
  return { ...eventJson(event), user_email: event.userEmail };
}

function eventJson(event: SecurityEvent) {
  return {
    id: event.id,
    user_id: event.userId,
    type: event.type,
    ip: event.ip,
    user_agent: event.userAgent,
    request_id: event.requestId,
    details: event.details,
    created_at: event.createdAt.toISOString(),
  };
}

/** The security log: a customer's own events, and every user's for staff. */
export const securityLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/customers/security-log",
    {
      config: { access: "session" },
      schema: {
        operationId: "listOwnSecurityEvents",
        tags: ["customers"],
        summary: "Your account's security events (logins, resets, tokens, sessions), newest first",
        querystring: PageQuery,
        response: { 200: Paginated(SecurityEventSchema) },
      },
    },
    async (request) => {
      const listed = await listSecurityEvents(app.services.db, {
        userId: principalOf(request).userId,
        page: request.query.page,
      });
      return toPage(request, listed, eventJson);
    },
  );

  app.get(
    "/api/admin/security-log",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listSecurityEvents",
        tags: ["admin"],
        summary: "Security events of every user, newest first (staff)",
        querystring: Type.Object({
          user: Type.Optional(Type.String({ format: "uuid", description: "The user's id" })),
          type: Type.Optional(EventType),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminSecurityEvent) },
      },
    },
    async (request) => {
      const listed = await listSecurityEvents(app.services.db, {
        userId: request.query.user?.toLowerCase(),
        type: request.query.type,
        page: request.query.page,
      });
      return toPage(request, listed, adminEventJson);
    },
  );
};
