import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { escapeHtml, htmlReply, page } from "./html.js";
import { OrderSchema, orderJson, ReceiptSchema, receiptJson } from "./orders.schemas.js";
import { formatMoney } from "./payment-emails.js";
import type { Receipt } from "./orders.table.js";
import {
  ORDER_ID_PLACEHOLDER,
  RETURN_PATH_MAX_LENGTH,
  RETURN_PATH_PATTERN,
} from "./return-path.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });

const ReturnPath = Type.Optional(
  Type.String({
    pattern: RETURN_PATH_PATTERN,
    maxLength: RETURN_PATH_MAX_LENGTH,
    description:
      "Where the checkout sends the buyer back (paid or not): a path of this server, such as " +
      `/app/payments/${ORDER_ID_PLACEHOLDER} (the placeholder becomes the order's id). No ` +
      "scheme, host, query or dot segments: anything else is 400 validation_error. Without " +
      "it, the server's /checkout/return page.",
  }),
);

const OrderCreate = Type.Object(
  {
    price_id: Type.String({ format: "uuid" }),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    return_path: ReturnPath,
  },
  { additionalProperties: false },
);

const PeriodPay = Type.Object({ return_path: ReturnPath }, { additionalProperties: false });

function printableReceipt(receipt: Receipt): string {
  const paid = formatMoney(receipt.amountCents, receipt.currency);
  return page(
    `Receipt ${receipt.number}`,
    `<h1>Receipt ${escapeHtml(receipt.number)}</h1>
<p class="muted">Issued ${escapeHtml(receipt.issuedAt.toISOString().slice(0, 10))} to ${escapeHtml(receipt.email)}</p>
<table>
<tr><th>Item</th><th>Quantity</th><th>Paid</th></tr>
<tr><td>${escapeHtml(receipt.description)}</td><td>${String(receipt.quantity)}</td><td>${escapeHtml(paid)}</td></tr>
</table>
<p class="muted">Payment reference: ${escapeHtml(receipt.providerPaymentId ?? "—")} (${escapeHtml(receipt.provider)})</p>`,
  );
}

/** The caller's purchases: orders (with their checkout) and receipts. */
export const ordersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { orders } = app.services.payments;

  app.post(
    "/api/account/orders/create",
    {
      config: { access: "session" },
      schema: {
        operationId: "createOrder",
        tags: ["payments"],
        summary: "Order a catalog price: a pending order and the checkout URL to pay it",
        description:
          "The order stays pending until the payment provider's verified event says it is " +
          "paid; coming back from the checkout fulfils nothing. One-time prices only " +
          "(409 price_not_purchasable for a recurring one).",
        body: OrderCreate,
        response: {
          201: Type.Object({ order: OrderSchema, checkout_url: Type.String({ format: "uri" }) }),
          ...problems(403, 404, 409, 502),
        },
      },
    },
    async (request, reply) => {
      const created = await orders.create(principalOf(request).userId, {
        priceId: request.body.price_id.toLowerCase(),
        quantity: request.body.quantity ?? 1,
        returnPath: request.body.return_path,
      });
      return reply
        .status(201)
        .send({ order: orderJson(created.order), checkout_url: created.checkoutUrl });
    },
  );

  app.post(
    "/api/customers/billing/periods/:id/pay",
    {
      config: { access: "session" },
      // The body is optional: a POST without one (as before return_path existed) is `{}`.
      preValidation: async (request) => {
        const body: unknown = request.body;
        if (body === undefined || body === null) request.body = {};
      },
      schema: {
        operationId: "payBillingPeriod",
        tags: ["payments", "billing"],
        summary: "Pay an ended postpaid period online: a pending order and its checkout URL",
        description:
          "Only an ended period that is pending or overdue with a total above zero " +
          "(else 409 invalid_transition). The payment event marks the period paid, with the " +
          "amount and the provider's payment reference, as staff's mark-paid does. The body " +
          "(return_path) is optional.",
        params: Id,
        body: PeriodPay,
        response: {
          201: Type.Object({ order: OrderSchema, checkout_url: Type.String({ format: "uri" }) }),
          ...problems(400, 401, 403, 404, 409, 502),
        },
      },
    },
    async (request, reply) => {
      const created = await orders.payPeriod(
        principalOf(request).userId,
        request.params.id.toLowerCase(),
        request.body.return_path,
      );
      return reply
        .status(201)
        .send({ order: orderJson(created.order), checkout_url: created.checkoutUrl });
    },
  );

  app.get(
    "/api/account/orders",
    {
      config: { access: "session" },
      schema: {
        operationId: "listOrders",
        tags: ["payments"],
        summary: "The caller's orders (purchases), newest first",
        querystring: PageQuery,
        response: { 200: Paginated(OrderSchema), ...problems(404) },
      },
    },
    async (request) =>
      toPage(
        request,
        await orders.list(principalOf(request).userId, request.query.page),
        orderJson,
      ),
  );

  app.get(
    "/api/account/orders/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "getOrder",
        tags: ["payments"],
        summary: "One of the caller's orders",
        description:
          "With refresh=1 a pending order's checkout is first read from the payment provider " +
          "(for a page waiting on a late webhook); use it for explicit retries, not polling.",
        params: Id,
        querystring: Type.Object({
          refresh: Type.Optional(Type.Union([Type.Literal("0"), Type.Literal("1")])),
        }),
        response: { 200: OrderSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      const id = request.params.id.toLowerCase();
      return orderJson(
        request.query.refresh === "1"
          ? await orders.refresh(userId, id)
          : await orders.get(userId, id),
      );
    },
  );

  app.get(
    "/api/account/receipts",
    {
      config: { access: "session" },
      schema: {
        operationId: "listReceipts",
        tags: ["payments"],
        summary: "The caller's receipts, newest first",
        querystring: PageQuery,
        response: { 200: Paginated(ReceiptSchema), ...problems(404) },
      },
    },
    async (request) =>
      toPage(
        request,
        await orders.listReceipts(principalOf(request).userId, request.query.page),
        receiptJson,
      ),
  );

  app.get(
    "/api/account/receipts/:id",
    {
      config: { access: "session" },
      schema: {
        operationId: "getReceipt",
        tags: ["payments"],
        summary: "One of the caller's receipts",
        params: Id,
        response: { 200: ReceiptSchema, ...problems(404) },
      },
    },
    async (request) =>
      receiptJson(
        await orders.getReceipt(principalOf(request).userId, request.params.id.toLowerCase()),
      ),
  );

  app.get(
    "/api/account/receipts/:id/receipt",
    {
      config: { access: "session" },
      schema: {
        operationId: "printReceipt",
        tags: ["payments"],
        summary: "One of the caller's receipts as a printable HTML page",
        params: Id,
        produces: ["text/html"],
        response: {
          200: {
            description: "The printable receipt",
            content: { "text/html": { schema: Type.String() } },
          },
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const receipt = await orders.getReceipt(
        principalOf(request).userId,
        request.params.id.toLowerCase(),
      );
      return htmlReply(reply, "private, no-store").send(printableReceipt(receipt));
    },
  );
};
