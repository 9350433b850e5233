import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Order } from "./orders.table.js";
import { escapeHtml, htmlReply, page } from "./html.js";
import { LOCAL_SESSION_PATTERN, localCheckoutPath } from "./local-provider.js";
import { formatMoney } from "./payment-emails.js";
import { paymentsError } from "./payments.errors.js";
import { RETURN_PATH_MAX_LENGTH, RETURN_PATH_PATTERN } from "./return-path.js";

const Session = Type.Object({ session: Type.String({ pattern: LOCAL_SESSION_PATTERN }) });
/** Where the buttons send the buyer: only a path of this server (never an open redirect). */
const Return = Type.Object({
  return: Type.Optional(
    Type.String({ pattern: RETURN_PATH_PATTERN, maxLength: RETURN_PATH_MAX_LENGTH }),
  ),
});

const STATUS_TEXT: Record<Order["status"], string> = {
  pending: "Waiting for payment.",
  paid: "Paid.",
  fulfilled: "Paid and fulfilled. Thank you!",
  canceled: "Canceled: nothing was charged.",
  expired: "Expired: nothing was charged.",
  failed: "The payment failed: nothing was charged.",
  refunded: "Refunded.",
  partially_refunded: "Partly refunded.",
};

function checkoutPage(order: Order, sessionId: string, returnPath: string | undefined): string {
  const path = localCheckoutPath(sessionId);
  const query = returnPath === undefined ? "" : `?return=${encodeURIComponent(returnPath)}`;
  const buttons =
    order.status === "pending"
      ? `<form method="post" action="${escapeHtml(`${path}/pay${query}`)}" style="display:inline"><button type="submit">Pay ${escapeHtml(formatMoney(order.amountCents, order.currency))}</button></form>
<form method="post" action="${escapeHtml(`${path}/cancel${query}`)}" style="display:inline"><button type="submit">Cancel</button></form>`
      : "";
  return page(
    "Checkout (local test provider)",
    `<h1>Checkout</h1>
<p class="muted">Local test provider: no money moves. "Pay" produces the same payment event a real
provider's webhook would. Production deployments use Stripe.</p>
<table>
<tr><th>Item</th><td>${escapeHtml(order.description)}${order.quantity > 1 ? ` × ${String(order.quantity)}` : ""}</td></tr>
<tr><th>Total</th><td>${escapeHtml(formatMoney(order.amountCents, order.currency))}</td></tr>
<tr><th>Order</th><td>${escapeHtml(order.id)}</td></tr>
<tr><th>Status</th><td id="status">${escapeHtml(STATUS_TEXT[order.status])}</td></tr>
</table>
<p>${buttons}</p>`,
  );
}

/**
 * The local provider's checkout: a page and its two buttons, plain HTML forms (no scripts). The
 * session id in the path is the capability, as a Stripe Checkout URL is; there is no login.
 */
export const localCheckoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { orders } = app.services.payments;
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
    "/checkout/local/:session",
    { config: { access: "public" }, schema: { hide: true, params: Session, querystring: Return } },
    async (request, reply) => {
      const order = await orders.findLocalCheckout(request.params.session);
      if (order === undefined) throw paymentsError("checkout_not_found");
      return html(reply).send(checkoutPage(order, request.params.session, request.query.return));
    },
  );

  for (const action of ["pay", "cancel"] as const) {
    app.post(
      `/checkout/local/:session/${action}`,
      {
        config: { access: "public" },
        schema: { hide: true, params: Session, querystring: Return },
      },
      async (request, reply) => {
        await orders.completeLocalCheckout(request.params.session, action);
        // Post/redirect/get: a reload shows the outcome rather than pressing the button again;
        // with a return path, that page (the portal's) shows it instead.
        return reply.redirect(
          request.query.return ?? localCheckoutPath(request.params.session),
          303,
        );
      },
    );
  }
};

/** Where a checkout sends the buyer back; the order's state is in the API (or the portal). */
export const checkoutReturnRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/checkout/return",
    {
      config: { access: "public" },
      schema: {
        hide: true,
        querystring: Type.Object({ order: Type.Optional(Type.String({ format: "uuid" })) }),
      },
    },
    async (request, reply) => {
      const order = request.query.order;
      return htmlReply(reply).send(
        page(
          "Checkout",
          `<h1>Back from checkout</h1>
<p>Your order is fulfilled as soon as the payment provider confirms the payment, usually within seconds.</p>
${order === undefined ? "" : `<p class="muted">Its state: <code>GET /api/account/orders/${escapeHtml(order)}</code></p>`}`,
        ),
      );
    },
  );
};
