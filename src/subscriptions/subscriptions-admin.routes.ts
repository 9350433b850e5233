import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
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
};
