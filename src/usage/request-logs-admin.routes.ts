import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { AdminRequestLogItem, adminRequestLogJson, DateOrDateTime } from "./usage.schemas.js";

const Exact = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

/** Staff: every user's request logs, read only (sizes and metadata; never a payload). */
export const requestLogsAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { usage } = app.services;

  app.get(
    "/api/admin/request-logs",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllRequestLogs",
        tags: ["admin", "usage"],
        summary: "Every user's metered requests (staff), newest first",
        querystring: Type.Object({
          user: Type.Optional(Type.String({ format: "uuid", description: "Only this user's" })),
          token_prefix: Type.Optional(
            Type.String({
              pattern: "^(tok_)?[A-Za-z0-9_-]{8}$",
              description: 'a token prefix, "tok_xxxxxxxx" or its 8 characters',
            }),
          ),
          service: Type.Optional(Exact("Only this service, e.g. core.image_solve")),
          status: Type.Optional(
            Type.Unsafe<"success" | "error">({ type: "string", enum: ["success", "error"] }),
          ),
          error_code: Type.Optional(Exact("Only requests that failed with this code")),
          from: Type.Optional(DateOrDateTime()),
          to: Type.Optional(DateOrDateTime()),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminRequestLogItem), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { user, token_prefix, error_code, ...query } = request.query;
      const listed = await usage.listAllRequests({
        ...query,
        userId: user?.toLowerCase(),
        tokenPrefix: token_prefix?.slice(-8),
        errorCode: error_code,
      });
      return toPage(request, listed, adminRequestLogJson);
    },
  );

  app.get(
    "/api/admin/request-logs/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getRequestLog",
        tags: ["admin", "usage"],
        summary: "One request log with everything logged (staff)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AdminRequestLogItem, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => adminRequestLogJson(await usage.getRequestLog(request.params.id)),
  );
};
