import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";

const Health = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("error")]),
  db: Type.Union([Type.Literal("ok"), Type.Literal("error")]),
  openai: Type.Union([Type.Literal("stub"), Type.Literal("configured")]),
});

/** Liveness and readiness in one: a real database round trip, and the provider mode (no network). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      logLevel: "warn",
      schema: {
        operationId: "getHealth",
        tags: ["health"],
        summary: "Database connectivity and AI provider mode",
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const dbOk = await app.services.database.ping();
      const openai = app.config.openai.apiKey === undefined ? "stub" : "configured";
      return reply
        .status(dbOk ? 200 : 503)
        .send({ status: dbOk ? "ok" : "error", db: dbOk ? "ok" : "error", openai });
    },
  );
};
