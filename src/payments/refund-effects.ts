import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { CreditsService } from "../credits/credits.service.js";
import { recordAudit } from "../audit/audit.queries.js";
import { toCredits } from "../credits/credit-amounts.js";
import { users } from "../customers/users.table.js";
import type { Db, Tx } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { canMove } from "./order-states.js";
import { orders, type Order } from "./orders.table.js";
import { refundEmail } from "./payment-emails.js";
import type { RefundEvent } from "./payment-provider.js";
import { refunds, type Refund, type RefundStatus } from "./refunds.table.js";
import { revokeDownloads } from "./downloads.queries.js";

/** Refunds that count against what is left to refund: asked for or done. */
export const OPEN_OR_DONE: readonly RefundStatus[] = ["pending", "requires_action", "succeeded"];

/** Statuses a refund never leaves for an earlier one (a late `pending` after `succeeded`). */
const FINAL: readonly RefundStatus[] = ["succeeded", "failed", "canceled"];

export interface RefundEffectDeps {
  readonly credits: Pick<CreditsService, "clawBackSource">;
  readonly log: Logger;
}

/** a × b / c rounded half up, exactly (credits × cents overflow a double's integers). */
function mulDiv(a: number, b: number, c: number): number {
  const [x, y, z] = [BigInt(a), BigInt(b), BigInt(c)];
  return Number((x * y * 2n + z) / (z * 2n));
}

/** Cents already refunded or on their way back, besides `except`. */
export async function committedRefundCents(
  tx: Tx,
  orderId: string,
  except?: string,
): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
    .from(refunds)
    .where(
      and(
        eq(refunds.orderId, orderId),
        inArray(refunds.status, [...OPEN_OR_DONE]),
        except === undefined ? undefined : sql`${refunds.id} <> ${except}::uuid`,
      ),
    );
  return Number(row?.total ?? 0);
}

/**
 * A refund's effect, once, when it succeeds: the order's refunded amount and status, and the
 * credits the order granted taken back in proportion (what is left unspent, never below zero;
 * the rest is recorded as the shortfall). Call with the order locked.
 */
export async function applySucceededRefund(
  tx: Tx,
  deps: RefundEffectDeps,
  order: Order,
  refund: Refund,
  now: Date,
): Promise<{ applied: boolean; accountId: string | null }> {
  if (refund.status !== "succeeded" || refund.appliedAt !== null) {
    return { applied: false, accountId: null };
  }
  const paid = order.paidAmountCents ?? 0;
  const refundedAfter = Math.min(paid, order.refundedCents + refund.amountCents);
  const destination = refundedAfter >= paid ? "refunded" : "partially_refunded";
  if (!canMove(order.status, destination)) {
    deps.log.error(
      { order: order.id, refund: refund.id, status: order.status },
      "a refund succeeded on an order that cannot be refunded: recorded, not applied",
    );
    return { applied: false, accountId: null };
  }
  // Proportional and cumulative, so refunds in parts take back exactly the whole at the end.
  const credits = order.creditAmount ?? 0;
  const claw =
    paid === 0 || credits === 0
      ? 0
      : mulDiv(credits, refundedAfter, paid) - mulDiv(credits, order.refundedCents, paid);
  const { accountId, taken } = await deps.credits.clawBackSource(tx, {
    sourceType: "order",
    sourceId: order.id,
    amount: claw,
    reason: `refund of order ${order.id}`,
    actorId: refund.requestedBy,
  });
  await tx
    .update(orders)
    .set({ status: destination, refundedCents: refundedAfter, updatedAt: now })
    .where(eq(orders.id, order.id));
  // Whoever asked (staff, or the provider's dashboard), the refund's effect is on the record.
  await recordAudit(tx, {
    actor: null,
    via: `${refund.provider}_refund`,
    action: "orders.refund_applied",
    targetType: "order",
    targetId: order.id,
    details: {
      refund_id: refund.id,
      provider_refund_id: refund.providerRefundId,
      amount_cents: refund.amountCents,
      credits_taken_back: toCredits(taken),
      status: destination,
    },
  });
  // A partial refund keeps the downloads: the buyer still paid for the goods.
  if (destination === "refunded") await revokeDownloads(tx, order.id, now);
  await tx
    .update(refunds)
    .set({
      appliedAt: now,
      creditsClawedBack: taken,
      // No grant (an order held unfulfilled, a billing period): nothing was given to take back.
      creditShortfall: accountId === null ? 0 : Math.max(0, claw - taken),
      updatedAt: now,
    })
    .where(eq(refunds.id, refund.id));
  return { applied: true, accountId: taken > 0 ? accountId : null };
}

/** Moves a refund to `status` unless it already reached a final one; returns the row after. */
export async function setRefundStatus(
  tx: Tx,
  refund: Refund,
  change: { status: RefundStatus; providerRefundId: string },
  deps: RefundEffectDeps,
  now: Date,
): Promise<Refund> {
  let status = change.status;
  if (FINAL.includes(refund.status) && status !== refund.status) {
    if (refund.status === "succeeded" && status === "failed") {
      // The money did not reach the buyer after all; the credits stay taken back and the order
      // refunded until staff look (Stripe asks for another refund method in that case).
      deps.log.warn({ refund: refund.id }, "a succeeded refund failed later at the provider");
    }
    status = refund.status;
  }
  const [updated] = await tx
    .update(refunds)
    .set({
      status,
      providerRefundId: refund.providerRefundId ?? change.providerRefundId,
      updatedAt: now,
    })
    .where(eq(refunds.id, refund.id))
    .returning();
  if (updated === undefined) throw new Error("refund vanished");
  return updated;
}

/**
 * A provider's refund event: the refund Tollgate asked for (found by its provider id, or by our
 * id in its metadata when the event beat our own write), or one made at the provider (recorded
 * here). Applied once when it succeeds.
 */
export async function applyRefundEvent(
  tx: Tx,
  deps: RefundEffectDeps,
  event: RefundEvent,
  now: Date,
): Promise<{
  outcome: "applied" | "ignored" | "unknown_order";
  orderId: string | null;
  accountId: string | null;
  /** Set when this event applied a refund: whom to tell. */
  notify?: { order: Order; refundId: string };
}> {
  if (event.paymentId === null) return { outcome: "unknown_order", orderId: null, accountId: null };
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.provider, event.provider), eq(orders.providerPaymentId, event.paymentId)))
    .for("update");
  if (order === undefined) return { outcome: "unknown_order", orderId: null, accountId: null };

  const [byProviderId] = await tx
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.provider, event.provider),
        eq(refunds.providerRefundId, event.providerRefundId),
      ),
    );
  let refund = byProviderId;
  if (refund === undefined && event.refundId !== null) {
    [refund] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.id, event.refundId), eq(refunds.orderId, order.id)));
  }
  if (refund === undefined) {
    let left = (order.paidAmountCents ?? 0) - (await committedRefundCents(tx, order.id));
    if (event.amountCents > left) {
      // The provider never refunds more than was paid, so refunds we asked for and never heard
      // back about (no provider id: the call timed out) did not happen: this one supersedes them.
      await tx
        .update(refunds)
        .set({ status: "failed", updatedAt: now })
        .where(
          and(
            eq(refunds.orderId, order.id),
            inArray(refunds.status, ["pending", "requires_action"]),
            isNull(refunds.providerRefundId),
          ),
        );
      left = (order.paidAmountCents ?? 0) - (await committedRefundCents(tx, order.id));
    }
    if (event.amountCents > left) {
      deps.log.error(
        { order: order.id, refund: event.providerRefundId },
        "a provider refund exceeds what is left of the payment: recorded, not applied",
      );
      return { outcome: "ignored", orderId: order.id, accountId: null };
    }
    [refund] = await tx
      .insert(refunds)
      .values({
        orderId: order.id,
        provider: event.provider,
        providerRefundId: event.providerRefundId,
        amountCents: event.amountCents,
        status: event.status,
        reason: "made at the payment provider",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (refund === undefined) throw new Error("insert returned no refund");
  } else {
    refund = await setRefundStatus(
      tx,
      refund,
      { status: event.status, providerRefundId: event.providerRefundId },
      deps,
      now,
    );
  }
  const { applied, accountId } = await applySucceededRefund(tx, deps, order, refund, now);
  return {
    outcome: applied ? "applied" : "ignored",
    orderId: order.id,
    accountId,
    ...(applied ? { notify: { order, refundId: refund.id } } : {}),
  };
}

/** Tells the buyer about an applied refund, after its commit; a failed email is only logged. */
export async function notifyRefund(
  deps: { db: Db; mailer: Mailer; log: Logger },
  order: Order,
  refundId: string,
): Promise<void> {
  const [row] = await deps.db
    .select({ refund: refunds, email: users.email })
    .from(refunds)
    .innerJoin(users, eq(users.id, order.userId))
    .where(eq(refunds.id, refundId));
  if (row === undefined) return;
  try {
    await deps.mailer.send(refundEmail(order, row.refund, row.email));
  } catch (error) {
    deps.log.warn({ err: error, refund: refundId }, "could not email a refund notice");
  }
}
