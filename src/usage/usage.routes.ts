import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { RequestLogItem, requestLogJson, UsageSummary } from "./usage.schemas.js";
import { DATE_TIME_PATTERN } from "./usage.time.js";

// Also the message of a refused value ("Expected …"), so it reads as a phrase.
const DATE_OR_DATETIME =
  "an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive";

/**
 * What parseDateOrDateTime reads, declared so that the document names the formats (a client
 * generator or a fuzzer then sends real dates, not any string): a date, an RFC 3339 date-time,
 * or the looser date-time the parser also takes (seconds and offset optional, no offset meaning
 * UTC, an unencoded '+' arriving as a space). Years and calendar days are checked by the parser.
 */
const DateOrDateTime = () =>
  Type.Union(
    [
      Type.String({ format: "date" }),
      Type.String({ format: "date-time" }),
      Type.String({
        pattern: DATE_TIME_PATTERN.source,
        description: "a date-time with optional seconds and offset (no offset: UTC)",
      }),
    ],
    { description: DATE_OR_DATETIME },
  );

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
};
