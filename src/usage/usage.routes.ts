import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import {
  DAILY_USAGE_DAYS,
  DailyUsage,
  DateOrDateTime,
  RequestLogItem,
  requestLogJson,
  UsageSummary,
} from "./usage.schemas.js";

/**
 * The caller's own usage: `/api/customers/usage/*`. Read-only, so an API token may call
 * them as well as a session: a script can watch its own spend with the token it spends with.
 */
export const usageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { usage } = app.services;

  app.get(
    "/api/customers/usage/requests",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "listRequests",
        tags: ["usage"],
        summary: "List my metered requests, newest first (sizes and metadata only)",
        querystring: Type.Object({
          from: Type.Optional(DateOrDateTime()),
          to: Type.Optional(DateOrDateTime()),
          service: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: "Only this service's" }),
          ),
          status: Type.Optional(
            Type.Unsafe<"success" | "error">({
              type: "string",
              enum: ["success", "error"],
              description: "Only successful or only failed requests",
            }),
          ),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(RequestLogItem), ...problems(400, 401) },
      },
    },
    async (request) => {
      const listed = await usage.listRequests(principalOf(request).userId, request.query);
      return toPage(request, listed, requestLogJson);
    },
  );

  app.get(
    "/api/customers/usage/summary",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "getUsageSummary",
        tags: ["usage"],
        summary: "My usage totals: all time, Today, Yesterday, Last 7 Days, This Month (UTC)",
        response: { 200: UsageSummary, ...problems(401) },
      },
    },
    async (request) => usage.getUsageSummary(principalOf(request).userId),
  );

  app.get(
    "/api/customers/usage/daily",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "getDailyUsage",
        tags: ["usage"],
        summary: `My requests and credits per UTC day for the last ${DAILY_USAGE_DAYS} days, by service`,
        response: { 200: DailyUsage, ...problems(401) },
      },
    },
    async (request) => usage.getDailyUsage(principalOf(request).userId),
  );
};
