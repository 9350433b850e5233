import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";
import type { CreditsService } from "../credits/credits.service.js";
import { users } from "../customers/users.table.js";
import type { Clock } from "../platform/clock.js";
import type { Db, Tx } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { canMove } from "./order-states.js";
import {
  orders,
  paymentEvents,
  type Order,
  type OrderStatus,
  type Receipt,
} from "./orders.table.js";
import type {
  CheckoutEvent,
  PaymentEvent,
  PaymentProvider,
  RefundEvent,
} from "./payment-provider.js";
import { paymentsError } from "./payments.errors.js";
import { receiptEmail } from "./payment-emails.js";
import { markAsPaid } from "../usage/billing-periods.queries.js";
import { applyRefundEvent, notifyRefund } from "./refund-effects.js";
import { issueReceipt } from "./receipts.queries.js";
import { requestBooking } from "./bookings.queries.js";
import { grantDownloads, type DownloadSettings } from "./downloads.queries.js";

/** What applying an event did, as recorded on its payment_events row. */
export type EventOutcome =
  | "applied"
  /** Recorded, nothing to do: an unknown type, or a move the order already made or cannot make. */
  | "ignored"
  /** The order it names is not ours (or not of this provider). */
  | "unknown_order"
  /** Paid, but not the order's amount or currency: held as `paid` for staff, not fulfilled. */
  | "amount_mismatch"
  /** Paid for a billing period that was settled meanwhile (paid twice, or waived): held as `paid`. */
  | "already_settled"
  /** This provider event id was applied before: nothing recorded again. */
  | "duplicate";

export interface PaymentEventsService {
  /**
   * Records a verified event and applies its effect in one transaction: a replay (same event
   * id), the same payment under a new event id, or two deliveries at once apply once.
   */
  apply(event: PaymentEvent): Promise<EventOutcome>;
}

const DESTINATION: Record<Exclude<CheckoutEvent["kind"], "checkout_pending">, OrderStatus> = {
  checkout_paid: "paid",
  checkout_failed: "failed",
  checkout_expired: "expired",
  checkout_canceled: "canceled",
};

function summaryOf(event: PaymentEvent): Record<string, unknown> {
  if (event.kind === "ignored") return {};
  if (event.kind === "refund") {
    return {
      refund_id: event.providerRefundId,
      payment_id: event.paymentId,
      amount_cents: event.amountCents,
      status: event.status,
    };
  }
  return {
    session_id: event.sessionId,
    payment_id: event.paymentId,
    amount_cents: event.amountCents,
    currency: event.currency,
  };
}

export function createPaymentEventsService(deps: {
  db: Db;
  clock: Clock;
  credits: Pick<CreditsService, "grantForSource" | "balanceChanged" | "clawBackSource">;
  mailer: Mailer;
  log: Logger;
  publicBaseUrl: string;
  provider: Pick<PaymentProvider, "orderIdOfPayment">;
  downloads: DownloadSettings;
}): PaymentEventsService {
  const { db, clock, credits, log } = deps;

  /**
   * A refund of a payment not recorded yet (its checkout event is late or being retried) must
   * wait: recorded now it would be lost, as the provider would not deliver it again. Thrown
   * before anything is written, the 503 makes the provider redeliver it later.
   */
  async function refundMustWait(event: RefundEvent): Promise<boolean> {
    if (event.paymentId === null) return false;
    const [known] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(eq(orders.provider, event.provider), eq(orders.providerPaymentId, event.paymentId)),
      );
    if (known !== undefined) return false;
    let orderId: string | null;
    try {
      orderId = await deps.provider.orderIdOfPayment(event.paymentId);
    } catch (error) {
      log.warn({ err: error, event: event.eventId }, "could not look up a refunded payment");
      return true;
    }
    if (orderId === null || !/^[0-9a-f-]{36}$/i.test(orderId)) return false;
    const [ours] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId));
    return ours !== undefined;
  }

  async function lockOrder(tx: Tx, event: CheckoutEvent): Promise<Order | undefined> {
    const [bySession] = await tx
      .select()
      .from(orders)
      .where(
        and(eq(orders.provider, event.provider), eq(orders.providerSessionId, event.sessionId)),
      )
      .for("update");
    return bySession;
  }

  /** The money is in but the order is not fulfilled: staff decide (refund, or confirm). */
  async function holdAsPaid(tx: Tx, order: Order, event: CheckoutEvent, now: Date) {
    await tx
      .update(orders)
      .set({
        status: "paid",
        providerPaymentId: event.paymentId,
        paidAmountCents: event.amountCents ?? order.amountCents,
        paidAt: now,
        updatedAt: now,
      })
      .where(eq(orders.id, order.id));
  }

  /** Paid → fulfilled by the product's kind, with the receipt; in the event's transaction. */
  async function fulfil(tx: Tx, order: Order, event: CheckoutEvent, now: Date) {
    const paidAmount = event.amountCents ?? order.amountCents;
    let grantedTo: string | null = null;
    if (order.billingPeriodId !== null) {
      const settled = await markAsPaid(tx, order.billingPeriodId, now, {
        amountCents: paidAmount,
        reference: `${order.provider}:${event.paymentId ?? event.sessionId}`,
        notes: `Paid online, order ${order.id}`,
      });
      if (!settled.ok) {
        await holdAsPaid(tx, order, event, now);
        log.warn(
          { order: order.id, period: order.billingPeriodId },
          "a billing period was paid online after it was settled: held for staff to refund",
        );
        return { held: true as const };
      }
    }
    if (order.kind === "credits" && order.creditAmount !== null) {
      const grant = await credits.grantForSource(tx, {
        userId: order.userId,
        kind: "payg",
        amount: order.creditAmount,
        expiresAt: null,
        sourceType: "order",
        sourceId: order.id,
        reason: `order ${order.id}`,
      });
      grantedTo = grant.accountId;
    }
    if (order.kind === "digital") await grantDownloads(tx, order, deps.downloads, now, log);
    if (order.kind === "service") await requestBooking(tx, order, now);
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, order.userId));
    const [fulfilled] = await tx
      .update(orders)
      .set({
        status: "fulfilled",
        providerPaymentId: event.paymentId,
        paidAmountCents: paidAmount,
        paidAt: now,
        fulfilledAt: now,
        updatedAt: now,
      })
      .where(eq(orders.id, order.id))
      .returning();
    if (fulfilled === undefined || user === undefined) throw new Error("order vanished");
    const receipt = await issueReceipt(tx, fulfilled, {
      email: user.email,
      issuedAt: now,
      amountCents: paidAmount,
    });
    return { receipt, grantedTo };
  }

  async function sendReceipt(receipt: Receipt) {
    try {
      await deps.mailer.send(receiptEmail(receipt, { publicBaseUrl: deps.publicBaseUrl }));
    } catch (error) {
      // The payment stands; the receipt stays in the account for the buyer to open.
      log.warn({ err: error, receipt: receipt.number }, "could not email a receipt");
    }
  }

  return {
    async apply(event) {
      if (event.kind === "refund" && (await refundMustWait(event))) {
        throw paymentsError(
          "payment_not_recorded",
          "This refund's payment is not recorded yet; deliver the event again later.",
        );
      }
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const [recorded] = await tx
          .insert(paymentEvents)
          .values({
            provider: event.provider,
            providerEventId: event.eventId,
            type: event.type,
            outcome: "ignored",
            summary: summaryOf(event),
            eventCreatedAt: event.createdAt,
            receivedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: paymentEvents.id });
        if (recorded === undefined) return { outcome: "duplicate" as const };
        const record = async (outcome: EventOutcome, orderId: string | null) => {
          await tx
            .update(paymentEvents)
            .set({ outcome, orderId })
            .where(eq(paymentEvents.id, recorded.id));
          return outcome;
        };
        if (event.kind === "ignored") return { outcome: await record("ignored", null) };
        if (event.kind === "refund") {
          const refunded = await applyRefundEvent(tx, { credits, log }, event, now);
          return {
            outcome: await record(refunded.outcome, refunded.orderId),
            grantedTo: refunded.accountId,
            refundNotice: refunded.notify,
          };
        }

        const order = await lockOrder(tx, event);
        if (order === undefined) return { outcome: await record("unknown_order", null) };
        if (event.kind === "checkout_pending") {
          return { outcome: await record("ignored", order.id) };
        }
        const destination = DESTINATION[event.kind];
        if (!canMove(order.status, destination)) {
          return { outcome: await record("ignored", order.id) };
        }
        if (destination !== "paid") {
          await tx
            .update(orders)
            .set({ status: destination, updatedAt: now })
            .where(eq(orders.id, order.id));
          return { outcome: await record("applied", order.id) };
        }
        if (
          (event.amountCents !== null && event.amountCents !== order.amountCents) ||
          (event.currency !== null && event.currency.toLowerCase() !== order.currency.toLowerCase())
        ) {
          await holdAsPaid(tx, order, event, now);
          log.error(
            { order: order.id, event: event.eventId, paid: event.amountCents },
            "a payment does not match its order's amount or currency: not fulfilled",
          );
          return { outcome: await record("amount_mismatch", order.id) };
        }
        const fulfilled = await fulfil(tx, order, event, now);
        if ("held" in fulfilled) return { outcome: await record("already_settled", order.id) };
        return { outcome: await record("applied", order.id), ...fulfilled };
      });
      if ("grantedTo" in result && typeof result.grantedTo === "string") {
        credits.balanceChanged(result.grantedTo);
      }
      if ("receipt" in result) await sendReceipt(result.receipt);
      if ("refundNotice" in result && result.refundNotice !== undefined) {
        const { order, refundId } = result.refundNotice;
        await notifyRefund({ db, mailer: deps.mailer, log }, order, refundId);
      }
      return result.outcome;
    },
  };
}
