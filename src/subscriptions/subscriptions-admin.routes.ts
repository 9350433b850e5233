import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import {
  AdminSubscriptionDetailSchema,
  AdminSubscriptionSchema,
  adminSubscriptionDetailJson,
  adminSubscriptionJson,
} from "./subscriptions-admin.schemas.js";
import { createSubscriptionsAdmin } from "./subscriptions-admin.service.js";
import { SubscriptionStatusSchema } from "./subscriptions.schemas.js";

/** Staff: every account's subscriptions, read from the projection (the provider is not called). */
export const subscriptionsAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = createSubscriptionsAdmin(app.services.db);
  const subscriptions = app.services.subscriptions.service;
  const Id = Type.Object({ id: Type.String({ format: "uuid" }) });
  const Reason = Type.String({ minLength: 1, maxLength: 500 });

  app.get(
    "/api/admin/subscriptions",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllSubscriptions",
        tags: ["admin", "subscriptions"],
        summary: "Search every subscription (staff), newest first",
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 200,
              description:
                "A subscription or user id, part of the subscriber's email, or a provider subscription or customer id",
            }),
          ),
          status: Type.Optional(SubscriptionStatusSchema),
          plan: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: "A plan's slug" }),
          ),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminSubscriptionSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => toPage(request, await admin.list(request.query), adminSubscriptionJson),
  );

  app.get(
    "/api/admin/subscriptions/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getSubscriptionDetail",
        tags: ["admin", "subscriptions"],
        summary: "One subscription with its invoices and the credit grants they made (staff)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AdminSubscriptionDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => adminSubscriptionDetailJson(await admin.detail(request.params.id)),
  );

  app.post(
    "/api/admin/subscriptions/:id/cancel",
    {
      config: { access: "staff" },
      schema: {
        operationId: "staffCancelSubscription",
        tags: ["admin", "subscriptions"],
        summary: "Cancel a subscription at its period end or now (staff; audited)",
        description:
          "at_period_end true: as the subscriber's own cancel (access and credits kept until " +
          "then; a pending downgrade is dropped). false: canceled now, its unspent " +
          "subscription credits expire now; nothing is refunded. With Stripe the subscription " +
          "is changed there first (502 payment_provider_error when it refuses). 409 " +
          "invalid_transition when it has ended. Answers the subscription's detail.",
        params: Id,
        body: Type.Object(
          { at_period_end: Type.Boolean(), reason: Reason },
          { additionalProperties: false },
        ),
        response: { 200: AdminSubscriptionDetailSchema, ...problems(400, 401, 403, 404, 409, 502) },
      },
    },
    async (request) => {
      const id = request.params.id.toLowerCase();
      await subscriptions.staffCancel(actorOf(principalOf(request)), id, {
        atPeriodEnd: request.body.at_period_end,
        reason: request.body.reason.trim(),
      });
      return adminSubscriptionDetailJson(await admin.detail(id));
    },
  );

  app.post(
    "/api/admin/subscriptions/:id/complimentary-period",
    {
      config: { access: "staff" },
      schema: {
        operationId: "grantComplimentaryPeriod",
        tags: ["admin", "subscriptions"],
        summary: "Grant a period's credits without a payment (staff; audited)",
        description:
          "The plan's credit_amount as subscription credits expiring with the current period " +
          "(never with rollover_credits), once per period (409 complimentary_exists). Billing " +
          "is not changed, with either provider: Stripe is not called. 409 " +
          "plan_has_no_credits for a plan without credits; 409 invalid_transition unless " +
          "active, trialing or past due within its period. Answers the subscription's detail.",
        params: Id,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 201: AdminSubscriptionDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const id = request.params.id.toLowerCase();
      await subscriptions.grantComplimentary(actorOf(principalOf(request)), id, {
        reason: request.body.reason.trim(),
      });
      return reply.code(201).send(adminSubscriptionDetailJson(await admin.detail(id)));
    },
  );
};
