import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { problems } from "../platform/problem.js";
import { clientMetaOf } from "./security-log.js";

const tags = ["customers"];
const NullableText = Type.Union([Type.String(), Type.Null()]);

const SessionSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  created_at: Type.String({ format: "date-time" }),
  last_seen_at: Type.String({ format: "date-time", description: "Updated at most once a minute" }),
  ip: Type.Union([Type.String(), Type.Null()], { description: "At login, through TRUST_PROXY" }),
  user_agent: NullableText,
  current: Type.Boolean({ description: "The session of this request" }),
});

/** The signed-in user's browser sessions: list them and end the ones they do not recognise. */
export const sessionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sessions } = app.services.customers;

  app.get(
    "/api/customers/sessions",
    {
      config: { access: "session" },
      schema: {
        operationId: "listSessions",
        tags,
        summary: "Your active sessions, newest first",
        response: { 200: Type.Array(SessionSchema), ...problems(401) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const list = await sessions.list(principal.userId, principal.sessionId);
      return list.map((session) => ({
        id: session.id,
        created_at: session.createdAt.toISOString(),
        last_seen_at: session.lastSeenAt.toISOString(),
        ip: session.ip,
        user_agent: session.userAgent,
        current: session.current,
      }));
    },
  );

  app.delete(
    "/api/customers/sessions/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "revokeSession",
        tags,
        summary: "End one of your sessions (at once, on every instance)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: {
          204: Type.Null({ description: "No content" }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      await sessions.revoke(principalOf(request).userId, request.params.id, clientMetaOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/customers/sessions/revoke-others",
    {
      config: { access: "session" },
      schema: {
        operationId: "revokeOtherSessions",
        tags,
        summary: "End every session of yours except this one",
        response: {
          200: Type.Object({ revoked: Type.Integer({ description: "How many sessions ended" }) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const revoked = await sessions.revokeOthers(
        principal.userId,
        principal.sessionId,
        clientMetaOf(request),
      );
      return { revoked };
    },
  );
};
