import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { Logger } from "pino";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import { creditEntries, type CreditEntry } from "../credits/credit-entries.table.js";
import { creditGrants, type CreditGrant } from "../credits/credit-grants.table.js";
import type { CreditsService } from "../credits/credits.service.js";
import { users } from "../customers/users.table.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { validationError } from "../platform/errors.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { parseRequestRange } from "../usage/usage.time.js";
import type { PaymentEventsService } from "./fulfilment.js";
import {
  orders,
  paymentEvents,
  receipts,
  type Order,
  type OrderStatus,
  type PaymentEventRow,
  type Receipt,
} from "./orders.table.js";
import type { PaymentProvider } from "./payment-provider.js";
import { paymentsError } from "./payments.errors.js";
import {
  applySucceededRefund,
  committedRefundCents,
  notifyRefund,
  setRefundStatus,
} from "./refund-effects.js";
import { refunds, type Refund } from "./refunds.table.js";
import { downloadGrants, type DownloadGrant } from "./download-grants.table.js";
import { productAssets } from "./product-assets.table.js";

export type OrderWithEmail = Order & { userEmail: string };

export interface OrderInvestigation {
  readonly order: OrderWithEmail;
  readonly events: readonly PaymentEventRow[];
  readonly refunds: readonly Refund[];
  readonly receipt: Receipt | null;
  /** The credits the order granted, and what is left of them. */
  readonly grant: Pick<CreditGrant, "id" | "amount" | "remaining" | "debited"> | null;
  /** The ledger entries of that grant: the grant, and what refunds took back. */
  readonly ledgerEntries: readonly CreditEntry[];
  /** Cents that can still be refunded. */
  readonly refundableCents: number;
  /** The download grants a digital order made, with their file's name. */
  readonly downloads: readonly (DownloadGrant & { readonly filename: string })[];
  /** Whether `confirm` would fulfil it now: pending, with a checkout, and manual confirmation on. */
  readonly canConfirm: boolean;
}

export interface OrderSearch {
  readonly q?: string;
  readonly status?: OrderStatus;
  readonly kind?: NonNullable<Order["kind"]> | "billing_period";
  readonly provider?: Order["provider"];
  readonly from?: string;
  readonly to?: string;
  readonly page?: number;
}

export interface OrdersAdminService {
  list(search: OrderSearch): Promise<Listed<OrderWithEmail>>;
  investigate(orderId: string): Promise<OrderInvestigation>;
  /** Gives money back through the provider; the whole remaining payment when no amount is given. */
  refund(
    actor: Actor,
    orderId: string,
    input: { amountCents?: number; reason: string },
  ): Promise<Refund>;
  /** ORDER_CONFIRM_ALLOW_MANUAL only: a pending order fulfilled as if its payment arrived. */
  confirm(actor: Actor, orderId: string): Promise<Order>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `a%b_` matched literally inside an ILIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchOf(q: string): SQL | undefined {
  const text = q.trim();
  if (text === "") return undefined;
  if (UUID.test(text)) {
    const id = text.toLowerCase();
    return or(eq(orders.id, id), eq(orders.userId, id));
  }
  return or(
    ilike(users.email, `%${likeLiteral(text)}%`),
    eq(orders.providerSessionId, text),
    eq(orders.providerPaymentId, text),
    eq(receipts.number, text.toUpperCase()),
  );
}

/** Only a pending order with a checkout session can be confirmed (as its payment would). */
function confirmable(order: Order): order is Order & { providerSessionId: string } {
  return order.status === "pending" && order.providerSessionId !== null;
}

/** A refund the provider refused outright (4xx) failed; anything else may still have happened. */
function refusedOutright(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  return (
    typeof status === "number" && status >= 400 && status < 500 && status !== 409 && status !== 429
  );
}

export function createOrdersAdminService(deps: {
  db: Db;
  clock: Clock;
  provider: PaymentProvider;
  events: PaymentEventsService;
  credits: Pick<CreditsService, "clawBackSource" | "balanceChanged">;
  mailer: Mailer;
  log: Logger;
  allowManualConfirm: boolean;
}): OrdersAdminService {
  const { db, clock, provider, log } = deps;

  async function lockedOrder(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], id: string) {
    const [order] = await tx.select().from(orders).where(eq(orders.id, id)).for("update");
    if (order === undefined) throw paymentsError("order_not_found");
    return order;
  }

  return {
    async list(search) {
      const parsed = parseRequestRange(search.from, search.to);
      if (!parsed.ok) throw validationError(parsed.errors);
      const { from, before, toInclusive } = parsed.range;
      const where = and(
        search.q === undefined ? undefined : searchOf(search.q),
        search.status === undefined ? undefined : eq(orders.status, search.status),
        search.kind === undefined
          ? undefined
          : search.kind === "billing_period"
            ? isNull(orders.kind)
            : eq(orders.kind, search.kind),
        search.provider === undefined ? undefined : eq(orders.provider, search.provider),
        from === undefined ? undefined : gte(orders.createdAt, from),
        before === undefined ? undefined : lt(orders.createdAt, before),
        toInclusive === undefined ? undefined : lte(orders.createdAt, toInclusive),
      );
      const { limit, offset, page } = pageWindow(search.page);
      const base = () =>
        db
          .select({ order: orders, userEmail: users.email })
          .from(orders)
          .innerJoin(users, eq(users.id, orders.userId))
          .leftJoin(receipts, eq(receipts.orderId, orders.id))
          .where(where);
      const [total] = await db
        .select({ n: count() })
        .from(orders)
        .innerJoin(users, eq(users.id, orders.userId))
        .leftJoin(receipts, eq(receipts.orderId, orders.id))
        .where(where);
      const rows = await base()
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit)
        .offset(offset);
      return {
        page,
        count: total?.n ?? 0,
        rows: rows.map((r) => ({ ...r.order, userEmail: r.userEmail })),
      };
    },

    async investigate(orderId) {
      const [row] = await db
        .select({ order: orders, userEmail: users.email })
        .from(orders)
        .innerJoin(users, eq(users.id, orders.userId))
        .where(eq(orders.id, orderId));
      if (row === undefined) throw paymentsError("order_not_found");
      const [events, refundRows, [receipt], [grant], downloads] = await Promise.all([
        db
          .select()
          .from(paymentEvents)
          .where(eq(paymentEvents.orderId, orderId))
          .orderBy(asc(paymentEvents.receivedAt), asc(paymentEvents.id)),
        db
          .select()
          .from(refunds)
          .where(eq(refunds.orderId, orderId))
          .orderBy(asc(refunds.createdAt)),
        db.select().from(receipts).where(eq(receipts.orderId, orderId)),
        db
          .select({
            id: creditGrants.id,
            amount: creditGrants.amount,
            remaining: creditGrants.remaining,
            debited: creditGrants.debited,
          })
          .from(creditGrants)
          .where(and(eq(creditGrants.sourceType, "order"), eq(creditGrants.sourceId, orderId))),
        db
          .select({ grant: downloadGrants, filename: productAssets.filename })
          .from(downloadGrants)
          .innerJoin(productAssets, eq(productAssets.id, downloadGrants.assetId))
          .where(eq(downloadGrants.orderId, orderId))
          .orderBy(asc(downloadGrants.createdAt), asc(downloadGrants.id)),
      ]);
      const committed = refundRows
        .filter(
          (r) =>
            r.status === "pending" || r.status === "requires_action" || r.status === "succeeded",
        )
        .reduce((sum, r) => sum + r.amountCents, 0);
      const ledgerEntries =
        grant === undefined
          ? []
          : await db
              .select()
              .from(creditEntries)
              .where(eq(creditEntries.grantId, grant.id))
              .orderBy(asc(creditEntries.createdAt), asc(creditEntries.id));
      return {
        ledgerEntries,
        order: { ...row.order, userEmail: row.userEmail },
        events,
        refunds: refundRows,
        receipt: receipt ?? null,
        grant: grant ?? null,
        refundableCents: Math.max(0, (row.order.paidAmountCents ?? 0) - committed),
        downloads: downloads.map((d) => ({ ...d.grant, filename: d.filename })),
        canConfirm: deps.allowManualConfirm && confirmable(row.order),
      };
    },

    async refund(actor, orderId, input) {
      const asked = await db.transaction(async (tx) => {
        const order = await lockedOrder(tx, orderId);
        const refundable =
          order.status === "paid" ||
          order.status === "fulfilled" ||
          order.status === "partially_refunded" ||
          // Nothing is left to refund: answered as such below.
          order.status === "refunded";
        if (!refundable || order.providerPaymentId === null) {
          throw paymentsError(
            "invalid_transition",
            `A ${order.status} order cannot be refunded; only a paid one can.`,
          );
        }
        if (order.provider !== provider.name) {
          throw paymentsError(
            "provider_mismatch",
            `This order was paid through ${order.provider}, which this server is not configured for.`,
          );
        }
        const left = (order.paidAmountCents ?? 0) - (await committedRefundCents(tx, order.id));
        const amount = input.amountCents ?? left;
        if (left <= 0 || amount > left) {
          throw paymentsError(
            "refund_exceeds_payment",
            `At most ${String(Math.max(0, left))} cents of this payment can still be refunded.`,
            { extensions: { refundable_cents: Math.max(0, left) } },
          );
        }
        const now = clock.now();
        const [refund] = await tx
          .insert(refunds)
          .values({
            orderId: order.id,
            provider: order.provider,
            amountCents: amount,
            reason: input.reason,
            requestedBy: actor?.id ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (refund === undefined) throw new Error("insert returned no refund");
        await recordAudit(tx, {
          actor,
          action: "orders.refund",
          targetType: "order",
          targetId: order.id,
          details: { refund_id: refund.id, amount_cents: amount, reason: input.reason },
        });
        return { order, refund };
      });

      let answer;
      try {
        answer = await provider.refund({
          refundId: asked.refund.id,
          orderId: asked.order.id,
          paymentId: asked.order.providerPaymentId ?? "",
          amountCents: asked.refund.amountCents,
        });
      } catch (error) {
        log.warn({ err: error, refund: asked.refund.id }, "the payment provider did not refund");
        if (refusedOutright(error)) {
          await db
            .update(refunds)
            .set({ status: "failed", updatedAt: clock.now() })
            .where(eq(refunds.id, asked.refund.id));
        }
        throw paymentsError(
          "payment_provider_error",
          refusedOutright(error)
            ? "The payment provider refused the refund."
            : "The payment provider did not answer; the refund stays pending until its event arrives.",
        );
      }

      const done = await db.transaction(async (tx) => {
        const order = await lockedOrder(tx, orderId);
        const [current] = await tx.select().from(refunds).where(eq(refunds.id, asked.refund.id));
        if (current === undefined) throw new Error("refund vanished");
        const now = clock.now();
        const refund = await setRefundStatus(
          tx,
          current,
          { status: answer.status, providerRefundId: answer.providerRefundId },
          { credits: deps.credits, log },
          now,
        );
        const effect = await applySucceededRefund(
          tx,
          { credits: deps.credits, log },
          order,
          refund,
          now,
        );
        const [after] = await tx.select().from(refunds).where(eq(refunds.id, refund.id));
        return { order, refund: after ?? refund, effect };
      });
      if (done.effect.accountId !== null) deps.credits.balanceChanged(done.effect.accountId);
      if (done.effect.applied) {
        await notifyRefund({ db, mailer: deps.mailer, log }, done.order, done.refund.id);
      }
      return done.refund;
    },

    async confirm(actor, orderId) {
      if (!deps.allowManualConfirm) {
        throw paymentsError(
          "manual_confirm_disabled",
          "Orders are confirmed by payments only; ORDER_CONFIRM_ALLOW_MANUAL is off.",
        );
      }
      const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
      if (order === undefined) throw paymentsError("order_not_found");
      if (!confirmable(order)) {
        throw paymentsError("invalid_transition", `A ${order.status} order cannot be confirmed.`);
      }
      const outcome = await deps.events.apply({
        kind: "checkout_paid",
        provider: order.provider,
        eventId: `manual_${randomUUID()}`,
        type: "manual.confirm",
        createdAt: clock.now(),
        sessionId: order.providerSessionId,
        orderId: order.id,
        paymentId: `manual_${order.id}`,
        amountCents: order.amountCents,
        currency: order.currency,
      });
      if (outcome !== "applied") {
        throw paymentsError("invalid_transition", "The order was no longer pending.");
      }
      await recordAudit(db, {
        actor,
        action: "orders.confirm",
        targetType: "order",
        targetId: order.id,
      });
      const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
      if (after === undefined) throw paymentsError("order_not_found");
      return after;
    },
  };
}
