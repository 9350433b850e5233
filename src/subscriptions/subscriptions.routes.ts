import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { Nullable } from "../platform/schema-types.js";
import {
  StatusSchema,
  SubscriptionSchema,
  statusJson,
  subscriptionJson,
} from "./subscriptions.schemas.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });

/** The caller's subscriptions: checkout, the projection, its cached status, cancel and resume. */
export const subscriptionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const subscriptions = app.services.subscriptions.service;

  app.post(
    "/api/account/subscriptions/checkout",
    {
      config: { access: "session" },
      schema: {
        operationId: "createSubscriptionCheckout",
        tags: ["subscriptions"],
        summary: "Subscribe to a paid plan: the checkout URL to pay its first period",
        description:
          "An active plan's recurring price (else 409 plan_not_subscribable; Free needs no " +
          "checkout). One paid subscription per account: 409 subscription_exists. The " +
          "subscription stays incomplete until the provider says its first invoice is paid. " +
          "With Stripe, subscription is null: Stripe makes it when the checkout completes and " +
          "its customer.subscription.created event records it. 502 payment_provider_error when " +
          "Stripe refuses.",
        body: Type.Object(
          { price_id: Type.String({ format: "uuid" }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            subscription: Nullable(SubscriptionSchema),
            checkout_url: Type.String({ format: "uri" }),
          }),
          ...problems(404, 409, 502),
        },
      },
    },
    async (request, reply) => {
      const created = await subscriptions.checkout(
        principalOf(request).userId,
        request.body.price_id.toLowerCase(),
      );
      return reply.status(201).send({
        subscription: created.subscription === null ? null : subscriptionJson(created.subscription),
        checkout_url: created.checkoutUrl,
      });
    },
  );

  app.get(
    "/api/account/subscriptions",
    {
      config: { access: "session" },
      schema: {
        operationId: "listSubscriptions",
        tags: ["subscriptions"],
        summary: "The caller's subscriptions, newest first (the local projection only)",
        description: "Never calls the payment provider.",
        querystring: PageQuery,
        response: { 200: Paginated(SubscriptionSchema), ...problems(404) },
      },
    },
    async (request) =>
      toPage(
        request,
        await subscriptions.list(principalOf(request).userId, request.query.page),
        subscriptionJson,
      ),
  );

  app.get(
    "/api/account/subscriptions/status",
    {
      config: { access: "session" },
      schema: {
        operationId: "getSubscriptionStatus",
        tags: ["subscriptions"],
        summary: "The caller's plan and subscription status, with how fresh it is",
        description:
          "From the projection. Past its period end without news from the provider for " +
          "BILLING_SYNC_SOFT_STALE_SECONDS it is soft_stale (with the warning message); for " +
          "BILLING_SYNC_HARD_TTL_SECONDS hard_stale: paid entitlements are withheld " +
          "(effective_plan free) with the block message until a sync succeeds. refresh=1 " +
          "re-reads the provider: for explicit retries, at most one per account every 10 s " +
          "(else 429 rate_limited with Retry-After).",
        querystring: Type.Object({
          refresh: Type.Optional(Type.Union([Type.Literal("0"), Type.Literal("1")])),
        }),
        response: { 200: StatusSchema, ...problems(429, 502) },
      },
    },
    async (request) =>
      statusJson(
        await subscriptions.status(principalOf(request).userId, {
          refresh: request.query.refresh === "1",
        }),
      ),
  );

  app.get(
    "/api/account/subscriptions/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "getSubscription",
        tags: ["subscriptions"],
        summary: "One of the caller's subscriptions",
        params: Id,
        response: { 200: SubscriptionSchema, ...problems(404) },
      },
    },
    async (request) =>
      subscriptionJson(
        await subscriptions.get(principalOf(request).userId, request.params.id.toLowerCase()),
      ),
  );

  for (const action of ["cancel", "resume"] as const) {
    app.post(
      `/api/account/subscriptions/:id/${action}`,
      {
        config: { access: "session" },
        schema: {
          operationId: action === "cancel" ? "cancelSubscription" : "resumeSubscription",
          tags: ["subscriptions"],
          summary:
            action === "cancel"
              ? "Cancel at the period's end (access and credits are kept until then)"
              : "Undo a cancellation before the period ends",
          description:
            "An active, trialing or past-due subscription whose period has not ended " +
            "(else 409 invalid_transition). With Stripe the change is made there first " +
            "(502 payment_provider_error when it refuses).",
          params: Id,
          response: { 200: SubscriptionSchema, ...problems(404, 409, 502) },
        },
      },
      async (request) => {
        const { userId } = principalOf(request);
        const id = request.params.id.toLowerCase();
        return subscriptionJson(
          action === "cancel"
            ? await subscriptions.cancel(userId, id)
            : await subscriptions.resume(userId, id),
        );
      },
    );
  }

  app.post(
    "/api/account/subscriptions/:id/change-plan",
    {
      config: { access: "session" },
      schema: {
        operationId: "changeSubscriptionPlan",
        tags: ["subscriptions"],
        summary: "Change the plan: an upgrade now, a downgrade at the period end",
        description:
          "price_id: an active plan's recurring paid price (404 price_not_found, else 409 " +
          "plan_not_subscribable). An upgrade (a higher monthly cost, a yearly price counting a " +
          "twelfth; or the same cost with more credits per period) takes effect now, prorated by " +
          "the provider, and grants the difference in credit_amount for the rest of the period " +
          "(once per change). Any other change is a downgrade: pending_plan until the period " +
          "ends. The current price drops a pending downgrade; otherwise 409 same_plan. The " +
          "subscription must be active, trialing or past due, within its period and not set to " +
          "cancel (else 409 invalid_transition). With Stripe the change is made there first " +
          "(502 payment_provider_error when it refuses; nothing changes here).",
        params: Id,
        body: Type.Object(
          { price_id: Type.String({ format: "uuid" }) },
          { additionalProperties: false },
        ),
        response: { 200: SubscriptionSchema, ...problems(404, 409, 502) },
      },
    },
    async (request) =>
      subscriptionJson(
        await subscriptions.changePlan(
          principalOf(request).userId,
          request.params.id.toLowerCase(),
          request.body.price_id.toLowerCase(),
        ),
      ),
  );

  app.post(
    "/api/account/billing-portal",
    {
      config: { access: "session" },
      schema: {
        operationId: "createBillingPortalSession",
        tags: ["subscriptions"],
        summary: "A Stripe Customer Portal URL for the caller's billing customer",
        description:
          "409 provider_not_configured without Stripe; 409 no_billing_customer before the " +
          "caller's first Stripe subscription; 502 payment_provider_error when Stripe refuses.",
        response: {
          200: Type.Object({ url: Type.String({ format: "uri" }) }),
          ...problems(409, 502),
        },
      },
    },
    async (request) => ({
      url: await subscriptions.billingPortal(principalOf(request).userId),
    }),
  );
};
