import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { DateOrDateTime } from "../usage/usage.schemas.js";
import {
  AdminOrderSchema,
  adminOrderJson,
  investigationJson,
  OrderInvestigationSchema,
  RefundSchema,
  refundJson,
} from "./orders-admin.schemas.js";
import { OrderSchema, OrderStatusSchema, orderJson } from "./orders.schemas.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });
const Choice = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: "string", enum: [...values], description });

/** Staff: payment search, investigation, refunds and (local testing only) manual confirmation. */
export const ordersAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ordersAdmin } = app.services.payments;

  app.get(
    "/api/admin/orders",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllOrders",
        tags: ["admin", "payments"],
        summary: "Search every order (staff), newest first",
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 200,
              description:
                "An order or user id, part of the buyer's email, a provider session or payment id, or a receipt number",
            }),
          ),
          status: Type.Optional(OrderStatusSchema),
          kind: Type.Optional(
            Choice(
              ["credits", "digital", "service", "subscription", "billing_period"] as const,
              "The product's kind, or billing_period",
            ),
          ),
          provider: Type.Optional(Choice(["local", "stripe"] as const, "The payment provider")),
          from: Type.Optional(DateOrDateTime()),
          to: Type.Optional(DateOrDateTime()),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminOrderSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => toPage(request, await ordersAdmin.list(request.query), adminOrderJson),
  );

  app.get(
    "/api/admin/orders/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getOrderInvestigation",
        tags: ["admin", "payments"],
        summary: "One order with its payment events, refunds, receipt and credit grant (staff)",
        params: Id,
        response: { 200: OrderInvestigationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => investigationJson(await ordersAdmin.investigate(request.params.id)),
  );

  app.post(
    "/api/admin/orders/:id/refund",
    {
      config: { access: "staff" },
      schema: {
        operationId: "refundOrder",
        tags: ["admin", "payments"],
        summary: "Refund an order in full or in part through its provider (staff; audited)",
        description:
          "Without amount_cents, refunds all that is left of the payment. When the refund " +
          "succeeds, the order's credits are taken back in proportion, as far as they are " +
          "unspent (never below zero; the rest is recorded as the shortfall).",
        params: Id,
        body: Type.Object(
          {
            amount_cents: Type.Optional(Type.Integer({ minimum: 1, maximum: 99_999_999 })),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: RefundSchema, ...problems(400, 401, 403, 404, 409, 502) },
      },
    },
    async (request, reply) => {
      const refund = await ordersAdmin.refund(
        actorOf(principalOf(request)),
        request.params.id.toLowerCase(),
        { amountCents: request.body.amount_cents, reason: request.body.reason.trim() },
      );
      return reply.code(201).send(refundJson(refund));
    },
  );

  app.post(
    "/api/admin/orders/:id/confirm",
    {
      config: { access: "staff" },
      schema: {
        operationId: "confirmOrder",
        tags: ["admin", "payments"],
        summary:
          "Fulfil a pending order without a payment (ORDER_CONFIRM_ALLOW_MANUAL only; audited)",
        params: Id,
        response: { 200: OrderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      orderJson(
        await ordersAdmin.confirm(actorOf(principalOf(request)), request.params.id.toLowerCase()),
      ),
  );
};
