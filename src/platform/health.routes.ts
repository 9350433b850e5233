import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Database } from "./db/database.js";
import { isDatabaseUnavailable } from "./db/errors.js";
import { DATABASE_RETRY_AFTER_S, type DatabaseOutageMonitor } from "./db/outage.js";
import { Problem, PROBLEM_MEDIA_TYPE } from "./problem.js";
import { valueWithin } from "./timeout.js";

/**
 * How long the health check waits for its database round trip (ms). A database that accepts
 * connections but never answers must make the probe fail, not hang it.
 */
export const HEALTH_DB_TIMEOUT_MS = 2_000;

const Health = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("error")]),
  db: Type.Union([Type.Literal("ok"), Type.Literal("error")]),
  openai: Type.Union([Type.Literal("ok"), Type.Literal("error"), Type.Literal("stub")], {
    description:
      "ok: the provider accepted our key at the last check (at most one a minute); error: it did not or could not be reached; stub: no OPENAI_API_KEY. Never changes the status.",
  }),
});

/**
 * A real round trip within HEALTH_DB_TIMEOUT_MS, told to the outage monitor: an answer ends an
 * outage; no answer, or a database that cannot be reached, is a refused request like any other.
 */
async function databaseAnswers(
  database: Pick<Database, "query">,
  outage: Pick<DatabaseOutageMonitor, "refused" | "reachable">,
): Promise<boolean> {
  try {
    const answered = database.query("select 1").then(() => true);
    if (!(await valueWithin(answered, HEALTH_DB_TIMEOUT_MS, false))) {
      outage.refused(new Error(`no answer within ${String(HEALTH_DB_TIMEOUT_MS)} ms`));
      return false;
    }
    outage.reachable();
    return true;
  } catch (error) {
    if (isDatabaseUnavailable(error)) outage.refused(error);
    return false;
  }
}

/**
 * Liveness and readiness in one: a real database round trip decides the status. The provider's
 * reachability is reported but never fails it: an outage there is not this instance's fault, and
 * a failing probe would make orchestrators restart or drain every healthy instance at once, while
 * the solve endpoint already answers a provider outage with 502/503/504.
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/healthz",
    {
      config: { access: "public" },
      logLevel: "warn",
      schema: {
        operationId: "getHealth",
        tags: ["health"],
        summary: "Database connectivity and AI provider reachability",
        response: {
          200: Health,
          // The database check's own answer, or the platform's problem while shutting down.
          503: {
            description:
              "Unhealthy: the database did not answer (application/json, db: error), or the " +
              "server is shutting down (problem+json); look again after Retry-After seconds.",
            headers: {
              "Retry-After": { type: "integer", description: "Seconds to wait before retrying" },
            },
            content: {
              "application/json": { schema: Health },
              [PROBLEM_MEDIA_TYPE]: { schema: Problem },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      const [dbOk, openai] = await Promise.all([
        databaseAnswers(app.services.database, app.services.databaseOutage),
        app.services.core.providerHealth.status(),
      ]);
      if (!dbOk) reply.header("Retry-After", String(DATABASE_RETRY_AFTER_S));
      return reply
        .status(dbOk ? 200 : 503)
        .send({ status: dbOk ? "ok" : "error", db: dbOk ? "ok" : "error", openai });
    },
  );
};
