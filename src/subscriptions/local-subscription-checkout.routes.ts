import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { escapeHtml, htmlReply, page } from "../payments/html.js";
import { LOCAL_SESSION_PATTERN } from "../payments/local-provider.js";
import { formatMoney } from "../payments/payment-emails.js";
import {
  localSubscriptionCheckoutPath,
  subscriptionReturnPath,
  type SubscriptionView,
} from "./subscriptions.service.js";

const Session = Type.Object({ session: Type.String({ pattern: LOCAL_SESSION_PATTERN }) });

function checkoutPage(subscription: SubscriptionView, sessionId: string): string {
  const path = localSubscriptionCheckoutPath(sessionId);
  const price = `${formatMoney(subscription.price.unitAmountCents, subscription.price.currency)} / ${subscription.price.interval}`;
  const buttons =
    subscription.status === "incomplete"
      ? `<form method="post" action="${path}/pay" style="display:inline"><button type="submit">Subscribe for ${escapeHtml(price)}</button></form>
<form method="post" action="${path}/cancel" style="display:inline"><button type="submit">Cancel</button></form>`
      : `<a href="${subscriptionReturnPath()}">Back to your subscriptions</a>`;
  const end = subscription.currentPeriodEnd?.toISOString().slice(0, 10);
  return page(
    "Subscribe (local test provider)",
    `<h1>Subscribe</h1>
<p class="muted">Local test provider: no money moves. "Subscribe" pays the first period as a
provider's invoice.paid event would; <code>npm run cli -- advance-subscription &lt;id&gt;</code>
renews it. Production deployments use Stripe.</p>
<table>
<tr><th>Plan</th><td>${escapeHtml(subscription.plan.name)}</td></tr>
<tr><th>Price</th><td>${escapeHtml(price)}</td></tr>
<tr><th>Subscription</th><td>${escapeHtml(subscription.id)}</td></tr>
<tr><th>Status</th><td id="status">${escapeHtml(subscription.status)}${end === undefined ? "" : ` until ${escapeHtml(end)}`}</td></tr>
</table>
<p>${buttons}</p>`,
  );
}

/** The local provider's subscription checkout: a page and its two buttons (no scripts). */
export const localSubscriptionCheckoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const subscriptions = app.services.subscriptions.service;
  // The buttons post empty HTML forms; their bodies carry nothing we read.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 1024 },
    (_request, _body, done) => {
      done(null, undefined);
    },
  );
  const html = (reply: FastifyReply) =>
    htmlReply(reply, "no-store").header("Referrer-Policy", "no-referrer");

  app.get(
    "/checkout/local-subscription/:session",
    { config: { access: "public" }, schema: { hide: true, params: Session } },
    async (request, reply) => {
      const subscription = await subscriptions.findLocalCheckout(request.params.session);
      return html(reply).send(checkoutPage(subscription, request.params.session));
    },
  );

  for (const action of ["pay", "cancel"] as const) {
    app.post(
      `/checkout/local-subscription/:session/${action}`,
      { config: { access: "public" }, schema: { hide: true, params: Session } },
      async (request, reply) => {
        await subscriptions.completeLocalCheckout(request.params.session, action);
        // Back to the portal, as Stripe's success and cancel URLs do: a reload there re-reads
        // the state rather than pressing the button again.
        return reply.redirect(
          subscriptionReturnPath(action === "pay" ? "success" : "canceled"),
          303,
        );
      },
    );
  }
};
