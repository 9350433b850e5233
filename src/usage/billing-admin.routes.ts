import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import {
  AdminBillingPeriodItem,
  adminBillingPeriodJson,
  PaymentStatusQuery,
  PeriodIdParams,
} from "./usage.schemas.js";

const Text = (description: string) => Type.String({ minLength: 1, maxLength: 2000, description });

/** Staff: every user's billing periods and their payment status: `/api/admin/billing/*`. */
export const billingAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { usage } = app.services;

  app.get(
    "/api/admin/billing/periods",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllBillingPeriods",
        tags: ["admin", "billing"],
        summary: "All billing periods (staff), newest month first",
        querystring: Type.Object({
          email: Type.Optional(
            Type.String({ maxLength: 320, description: "Part of the user's email (any case)" }),
          ),
          user: Type.Optional(Type.String({ format: "uuid", description: "Only this user's" })),
          status: Type.Optional(PaymentStatusQuery),
          month: Type.Optional(
            Type.String({
              // Postgres has no year 0000.
              pattern: "^(?!0000)\\d{4}-(0[1-9]|1[0-2])$",
              description: "a month as YYYY-MM (UTC)",
            }),
          ),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminBillingPeriodItem), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const listed = await usage.listAllBillingPeriods(request.query);
      return toPage(request, listed, adminBillingPeriodJson);
    },
  );

  const transitionResponses = {
    200: AdminBillingPeriodItem,
    ...problems(400, 401, 403, 404, 409),
  };

  app.post(
    "/api/admin/billing/periods/:id/mark-paid",
    {
      config: { access: "staff" },
      schema: {
        operationId: "markPeriodPaid",
        tags: ["admin", "billing"],
        summary: "Mark a pending or overdue period paid (staff)",
        params: PeriodIdParams,
        body: Type.Union([
          Type.Object(
            {
              amount_cents: Type.Optional(
                Type.Integer({
                  minimum: 0,
                  maximum: Number.MAX_SAFE_INTEGER,
                  description: "Amount received, in cents; default: the period's total",
                }),
              ),
              reference: Type.Optional(Text("Payment reference, e.g. an invoice or transfer id")),
              notes: Type.Optional(Text("Internal notes (staff only)")),
            },
            { additionalProperties: false },
          ),
          // No body at all is allowed (Fastify validates a missing body as null).
          Type.Null(),
        ]),
        response: transitionResponses,
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const period = await usage.markPeriodPaid(
        request.params.id,
        { amountCents: body.amount_cents, reference: body.reference, notes: body.notes },
        actorOf(principalOf(request)),
      );
      return adminBillingPeriodJson(period);
    },
  );

  app.post(
    "/api/admin/billing/periods/:id/mark-overdue",
    {
      config: { access: "staff" },
      schema: {
        operationId: "markPeriodOverdue",
        tags: ["admin", "billing"],
        summary: "Mark a pending period overdue (staff)",
        params: PeriodIdParams,
        response: transitionResponses,
      },
    },
    async (request) =>
      adminBillingPeriodJson(
        await usage.markPeriodOverdue(request.params.id, actorOf(principalOf(request))),
      ),
  );

  app.post(
    "/api/admin/billing/periods/:id/mark-waived",
    {
      config: { access: "staff" },
      schema: {
        operationId: "markPeriodWaived",
        tags: ["admin", "billing"],
        summary: "Waive a pending or overdue period: nothing is owed (staff)",
        params: PeriodIdParams,
        body: Type.Union([
          Type.Object(
            { notes: Type.Optional(Text("Why it was waived (staff only)")) },
            { additionalProperties: false },
          ),
          // No body at all is allowed (Fastify validates a missing body as null).
          Type.Null(),
        ]),
        response: transitionResponses,
      },
    },
    async (request) =>
      adminBillingPeriodJson(
        await usage.markPeriodWaived(
          request.params.id,
          { notes: request.body?.notes },
          actorOf(principalOf(request)),
        ),
      ),
  );
};
