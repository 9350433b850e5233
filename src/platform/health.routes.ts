import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { valueWithin } from "./timeout.js";

/**
 * How long the health check waits for its database round trip (ms). A database that accepts
 * connections but never answers must make the probe fail, not hang it.
 */
export const HEALTH_DB_TIMEOUT_MS = 2_000;

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
      const dbOk = await valueWithin(app.services.database.ping(), HEALTH_DB_TIMEOUT_MS, false);
      const openai = app.config.openai.apiKey === undefined ? "stub" : "configured";
      return reply
        .status(dbOk ? 200 : 503)
        .send({ status: dbOk ? "ok" : "error", db: dbOk ? "ok" : "error", openai });
    },
  );
};
