import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import {
  BillingPeriodItem,
  billingPeriodJson,
  PaymentStatusQuery,
  PeriodIdParams,
  RequestLogItem,
  requestLogJson,
} from "./usage.schemas.js";

/**
 * The caller's own billing periods: `/api/customers/billing/*`. Read-only, so an API token may
 * call them as well as a session: a script can watch its own spend with the token it spends with.
 */
export const billingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { usage } = app.services;

  app.get(
    "/api/customers/billing/current",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "getCurrentBillingPeriod",
        tags: ["billing"],
        summary: "My billing period for this month (UTC), created if missing",
        response: { 200: BillingPeriodItem, ...problems(401) },
      },
    },
    async (request) =>
      billingPeriodJson(await usage.getCurrentBillingPeriod(principalOf(request).userId)),
  );

  app.get(
    "/api/customers/billing/periods",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "listBillingPeriods",
        tags: ["billing"],
        summary: "My billing periods, newest first",
        querystring: Type.Object({
          status: Type.Optional(PaymentStatusQuery),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(BillingPeriodItem), ...problems(400, 401) },
      },
    },
    async (request) => {
      const listed = await usage.listBillingPeriods(principalOf(request).userId, request.query);
      return toPage(request, listed, billingPeriodJson);
    },
  );

  app.get(
    "/api/customers/billing/periods/:id",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "getBillingPeriod",
        tags: ["billing"],
        summary: "One of my billing periods and its requests (paginated, newest first)",
        params: PeriodIdParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({ period: BillingPeriodItem, requests: Paginated(RequestLogItem) }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { period, requests } = await usage.getBillingPeriod(
        principalOf(request).userId,
        request.params.id,
        request.query,
      );
      return {
        period: billingPeriodJson(period),
        requests: toPage(request, requests, requestLogJson),
      };
    },
  );
};
