import { and, count, desc, eq } from "drizzle-orm";
import type { Logger } from "pino";
import { users } from "../customers/users.table.js";
import { billingPeriods } from "../usage/billing-periods.table.js";
import { utcDateString } from "../usage/usage.time.js";
import { customersError } from "../customers/customers.errors.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { platformError } from "../platform/errors.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import type { CatalogService } from "./catalog.service.js";
import { localCheckoutEvent } from "./local-provider.js";
import { orders, receipts, type Order, type Receipt } from "./orders.table.js";
import type { EventOutcome, PaymentEventsService } from "./fulfilment.js";
import type { PaymentProvider } from "./payment-provider.js";
import { paymentsError } from "./payments.errors.js";
import { returnPathFor } from "./return-path.js";

/** The largest order a checkout takes, in cents (the orders table's integer amounts). */
const MAX_ORDER_CENTS = 99_999_999;
/** Postpaid usage is priced in US cents (COST_PER_REQUEST_CENTS). */
const PERIOD_CURRENCY = "usd";

export interface OrdersService {
  /** A pending order for a catalog price and its checkout; only a payment event fulfils it. */
  create(
    userId: string,
    input: { priceId: string; quantity: number; returnPath?: string },
  ): Promise<{
    order: Order;
    checkoutUrl: string;
  }>;
  /**
   * A pending order for an ended, unpaid postpaid period's total and its checkout; its payment
   * marks the period paid as staff's mark-paid does.
   */
  payPeriod(
    userId: string,
    periodId: string,
    returnPath?: string,
  ): Promise<{ order: Order; checkoutUrl: string }>;
  list(userId: string, page: number | undefined): Promise<Listed<Order>>;
  /** The user's own order; another user's is 404, as if it did not exist. */
  get(userId: string, orderId: string): Promise<Order>;
  /**
   * The order after asking the provider about its checkout, when it is still pending (a late
   * webhook); the provider's answer goes through the same fulfilment as an event.
   */
  refresh(userId: string, orderId: string): Promise<Order>;
  listReceipts(userId: string, page: number | undefined): Promise<Listed<Receipt>>;
  getReceipt(userId: string, receiptId: string): Promise<Receipt>;
  /** The local checkout page's order (local provider sessions only). */
  findLocalCheckout(sessionId: string): Promise<Order | undefined>;
  /** The local page's Pay or Cancel button: the event a webhook would deliver. */
  completeLocalCheckout(sessionId: string, action: "pay" | "cancel"): Promise<EventOutcome>;
}

export function createOrdersService(deps: {
  db: Db;
  clock: Clock;
  catalog: Pick<CatalogService, "findPurchasable">;
  provider: PaymentProvider;
  events: PaymentEventsService;
  publicBaseUrl: string;
  log: Logger;
}): OrdersService {
  const { db, clock, provider } = deps;

  async function verifiedBuyer(userId: string) {
    const [user] = await db
      .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (user === undefined) throw platformError("not_authenticated");
    if (user.verifiedAt === null) {
      throw customersError("email_not_verified", "Verify your email address before buying.");
    }
    return user;
  }

  /**
   * Asks the provider for the order's checkout; the order ends `failed` when it cannot. The
   * buyer comes back to `returnPath` (a path of this server, checked by the route) or else to
   * the server's own /checkout/return page, whichever button they press.
   */
  async function startCheckout(
    order: Order,
    email: string,
    line: { unitAmountCents: number; providerPriceId: string | null; returnPath?: string },
  ): Promise<{ order: Order; checkoutUrl: string }> {
    const backUrl =
      line.returnPath === undefined
        ? `${deps.publicBaseUrl}/checkout/return?order=${order.id}`
        : `${deps.publicBaseUrl}${returnPathFor(line.returnPath, order.id)}`;
    let session;
    try {
      session = await provider.createCheckout({
        orderId: order.id,
        description: order.description,
        unitAmountCents: line.unitAmountCents,
        quantity: order.quantity,
        currency: order.currency,
        customerEmail: email,
        providerPriceId: line.providerPriceId,
        successUrl: backUrl,
        cancelUrl: backUrl,
      });
    } catch (error) {
      // No checkout, no way to pay: the order ends here rather than waiting a day to expire.
      await db
        .update(orders)
        .set({ status: "failed", updatedAt: clock.now() })
        .where(eq(orders.id, order.id));
      deps.log.warn({ err: error, order: order.id }, "the payment provider refused a checkout");
      throw paymentsError(
        "payment_provider_error",
        "The payment provider could not start a checkout; try again later.",
      );
    }
    const [withSession] = await db
      .update(orders)
      .set({ providerSessionId: session.sessionId, updatedAt: clock.now() })
      .where(eq(orders.id, order.id))
      .returning();
    if (withSession === undefined) throw new Error("order vanished");
    return { order: withSession, checkoutUrl: session.url };
  }

  async function ownOrder(userId: string, orderId: string): Promise<Order> {
    const [row] = await db
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
    if (row === undefined) throw paymentsError("order_not_found");
    return row;
  }

  return {
    async create(userId, input) {
      const user = await verifiedBuyer(userId);
      const found = await deps.catalog.findPurchasable(input.priceId);
      if (found === undefined) {
        throw paymentsError("price_not_found", "No active price has this id.");
      }
      const { price, product } = found;
      if (price.interval !== "one_time" || product.kind === "subscription") {
        throw paymentsError(
          "price_not_purchasable",
          "A recurring price is bought as a subscription, not an order.",
        );
      }
      const amountCents = price.unitAmountCents * input.quantity;
      if (!Number.isSafeInteger(amountCents) || amountCents > MAX_ORDER_CENTS) {
        throw paymentsError("price_not_purchasable", "The order's total is too large.");
      }
      const [order] = await db
        .insert(orders)
        .values({
          userId,
          productId: product.id,
          priceId: price.id,
          kind: product.kind,
          description: product.name,
          quantity: input.quantity,
          amountCents,
          currency: price.currency,
          creditAmount:
            product.creditAmount === null ? null : product.creditAmount * input.quantity,
          provider: provider.name,
        })
        .returning();
      if (order === undefined) throw new Error("insert returned no order");
      return startCheckout(order, user.email, {
        unitAmountCents: price.unitAmountCents,
        providerPriceId: price.providerPriceId,
        returnPath: input.returnPath,
      });
    },

    async payPeriod(userId, periodId, returnPath) {
      const user = await verifiedBuyer(userId);
      const [period] = await db
        .select()
        .from(billingPeriods)
        .where(and(eq(billingPeriods.id, periodId), eq(billingPeriods.userId, userId)));
      if (period === undefined) throw platformError("not_found", "No such billing period.");
      const today = utcDateString(clock.now());
      const payable =
        (period.paymentStatus === "pending" || period.paymentStatus === "overdue") &&
        period.periodEnd < today &&
        period.totalCostCents > 0;
      if (!payable) {
        throw paymentsError(
          "invalid_transition",
          period.paymentStatus === "paid" || period.paymentStatus === "waived"
            ? `This period is ${period.paymentStatus}: nothing is owed.`
            : period.periodEnd >= today
              ? `This period runs until ${period.periodEnd}; it can be paid once it has ended.`
              : "This period's total is zero: nothing is owed.",
        );
      }
      if (period.totalCostCents > MAX_ORDER_CENTS) {
        throw paymentsError(
          "price_not_purchasable",
          "This period's total is too large to pay online; contact support.",
        );
      }
      const [order] = await db
        .insert(orders)
        .values({
          userId,
          billingPeriodId: period.id,
          kind: null,
          description: `API usage ${period.periodStart.slice(0, 7)} (${String(period.totalRequests)} requests)`,
          quantity: 1,
          amountCents: period.totalCostCents,
          currency: PERIOD_CURRENCY,
          provider: provider.name,
        })
        .returning();
      if (order === undefined) throw new Error("insert returned no order");
      return startCheckout(order, user.email, {
        unitAmountCents: period.totalCostCents,
        providerPriceId: null,
        returnPath,
      });
    },

    async list(userId, page) {
      const window = pageWindow(page);
      const where = eq(orders.userId, userId);
      const [total] = await db.select({ n: count() }).from(orders).where(where);
      const rows = await db
        .select()
        .from(orders)
        .where(where)
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(window.limit)
        .offset(window.offset);
      return { page: window.page, count: total?.n ?? 0, rows };
    },

    get: ownOrder,

    async refresh(userId, orderId) {
      const order = await ownOrder(userId, orderId);
      if (order.status !== "pending" || order.providerSessionId === null) return order;
      try {
        const event = await provider.fetchCheckout(order.providerSessionId);
        if (event === null) return order;
        await deps.events.apply(event);
      } catch (error) {
        // The webhook still settles it; the buyer sees it pending a little longer.
        deps.log.warn({ err: error, order: order.id }, "could not fetch a checkout's state");
        return order;
      }
      return ownOrder(userId, orderId);
    },

    async listReceipts(userId, page) {
      const window = pageWindow(page);
      const where = eq(receipts.userId, userId);
      const [total] = await db.select({ n: count() }).from(receipts).where(where);
      const rows = await db
        .select()
        .from(receipts)
        .where(where)
        .orderBy(desc(receipts.issuedAt), desc(receipts.number))
        .limit(window.limit)
        .offset(window.offset);
      return { page: window.page, count: total?.n ?? 0, rows };
    },

    async getReceipt(userId, receiptId) {
      const [row] = await db
        .select()
        .from(receipts)
        .where(and(eq(receipts.id, receiptId), eq(receipts.userId, userId)));
      if (row === undefined) throw paymentsError("receipt_not_found");
      return row;
    },

    async findLocalCheckout(sessionId) {
      const [row] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.provider, "local"), eq(orders.providerSessionId, sessionId)));
      return row;
    },

    async completeLocalCheckout(sessionId, action) {
      const order = await this.findLocalCheckout(sessionId);
      if (order === undefined) throw paymentsError("checkout_not_found");
      return deps.events.apply(
        localCheckoutEvent(action, {
          sessionId,
          orderId: order.id,
          amountCents: order.amountCents,
          currency: order.currency,
          now: clock.now(),
        }),
      );
    },
  };
}
