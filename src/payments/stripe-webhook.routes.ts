import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import Stripe from "stripe";
import { Type } from "typebox";
import { problems } from "../platform/problem.js";
import { paymentsError } from "./payments.errors.js";
import {
  stripeSubscriptionEventOf,
  type StripeSubscriptionEvent,
} from "../subscriptions/stripe-subscriptions.js";
import { paymentEventOf } from "./stripe-events.js";

/**
 * Seconds a signature stays valid. Never 0: since stripe 23, 0 turns the timestamp check off,
 * and a captured delivery could then be replayed forever.
 */
export const WEBHOOK_TOLERANCE_S = 300;

/**
 * Stripe's event deliveries. The signature covers the exact bytes, so this plugin keeps its own
 * JSON parser that hands the route the raw body (the app's parser stays for every other route).
 * An event is recorded and applied in one transaction; Stripe retries on any non-2xx answer.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const secret = app.config.payments.stripe?.webhookSecret;
  const { events } = app.services.payments;
  const subscriptionEvents = app.services.subscriptions.events;
  const applySubscriptionEvent = (event: StripeSubscriptionEvent) =>
    event.kind === "subscription_state"
      ? subscriptionEvents.subscriptionState(event)
      : event.kind === "invoice_paid"
        ? subscriptionEvents.invoicePaid(event)
        : subscriptionEvents.invoiceFailed(event);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ["application/json", "application/json; charset=utf-8"],
    { parseAs: "buffer" },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post(
    "/api/webhooks/stripe",
    {
      config: { access: "public" },
      schema: {
        operationId: "stripeWebhook",
        tags: ["payments"],
        summary:
          "Stripe event deliveries (signed; set the endpoint's API version to the pinned one)",
        description:
          "Verifies the Stripe-Signature header over the raw body (5 minutes' tolerance), then " +
          "records the event and applies it once: orders' checkout and refund events, and " +
          "subscriptions' invoice.paid, invoice.payment_failed and customer.subscription.* " +
          "(503 subscription_not_recorded for an invoice that overtook its subscription). " +
          "Unknown event types are recorded and ignored.",
        headers: Type.Object({ "stripe-signature": Type.Optional(Type.String()) }),
        response: {
          200: Type.Object({ received: Type.Literal(true), outcome: Type.String() }),
          ...problems(400, 404, 415, 503),
        },
      },
    },
    async (request) => {
      if (secret === undefined) {
        throw paymentsError(
          "webhook_not_configured",
          "Stripe webhooks need STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.",
        );
      }
      const signature = request.headers["stripe-signature"];
      if (!Buffer.isBuffer(request.body) || signature === undefined) {
        throw paymentsError("invalid_signature", "The Stripe-Signature header is missing.");
      }
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(
          request.body,
          signature,
          secret,
          WEBHOOK_TOLERANCE_S,
        );
      } catch {
        throw paymentsError(
          "invalid_signature",
          "The Stripe-Signature does not match this body, or it is too old.",
        );
      }
      const subscriptionEvent = stripeSubscriptionEventOf(event);
      const outcome =
        subscriptionEvent === null
          ? await events.apply(paymentEventOf(event))
          : await applySubscriptionEvent(subscriptionEvent);
      request.log.info({ event: event.id, type: event.type, outcome }, "stripe event");
      return { received: true as const, outcome };
    },
  );
};
