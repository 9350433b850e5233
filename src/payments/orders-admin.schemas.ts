import { Type } from "typebox";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import type { OrderInvestigation, OrderWithEmail } from "./orders-admin.service.js";
import { OrderSchema, orderJson, ReceiptSchema, receiptJson } from "./orders.schemas.js";
import type { PaymentEventRow } from "./orders.table.js";
import { refundStatus, type Refund, type RefundStatus } from "./refunds.table.js";
import { AdminDownloadSchema, adminDownloadJson } from "./downloads.schemas.js";

export const AdminOrderSchema = Type.Object({
  ...OrderSchema.properties,
  user_id: Type.String({ format: "uuid" }),
  user_email: Type.String(),
  provider_session_id: Nullable(Type.String()),
  provider_payment_id: Nullable(Type.String()),
});

export function adminOrderJson(order: OrderWithEmail) {
  return {
    ...orderJson(order),
    user_id: order.userId,
    user_email: order.userEmail,
    provider_session_id: order.providerSessionId,
    provider_payment_id: order.providerPaymentId,
  };
}

export const RefundSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  order_id: Type.String({ format: "uuid" }),
  provider: Type.String(),
  provider_refund_id: Nullable(Type.String()),
  amount_cents: Type.Integer(),
  status: Type.Unsafe<RefundStatus>({ type: "string", enum: [...refundStatus.enumValues] }),
  reason: Type.String(),
  requested_by: Nullable(Type.String({ format: "uuid" })),
  credits_clawed_back: Credits("Credits of the order taken back"),
  credit_shortfall: Credits("Credits that could not be taken back: already spent"),
  applied_at: Nullable(Timestamp),
  created_at: Timestamp,
});

export function refundJson(refund: Refund) {
  return {
    id: refund.id,
    order_id: refund.orderId,
    provider: refund.provider,
    provider_refund_id: refund.providerRefundId,
    amount_cents: refund.amountCents,
    status: refund.status,
    reason: refund.reason,
    requested_by: refund.requestedBy,
    credits_clawed_back: toCredits(refund.creditsClawedBack),
    credit_shortfall: toCredits(refund.creditShortfall),
    applied_at: refund.appliedAt?.toISOString() ?? null,
    created_at: refund.createdAt.toISOString(),
  };
}

const PaymentEventSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  provider: Type.String(),
  provider_event_id: Type.String(),
  type: Type.String(),
  outcome: Type.String(),
  summary: Type.Record(Type.String(), Type.Unknown()),
  event_created_at: Timestamp,
  received_at: Timestamp,
});

function paymentEventJson(event: PaymentEventRow) {
  return {
    id: event.id,
    provider: event.provider,
    provider_event_id: event.providerEventId,
    type: event.type,
    outcome: event.outcome,
    summary: event.summary,
    event_created_at: event.eventCreatedAt.toISOString(),
    received_at: event.receivedAt.toISOString(),
  };
}

export const OrderInvestigationSchema = Type.Object({
  order: AdminOrderSchema,
  events: Type.Array(PaymentEventSchema),
  refunds: Type.Array(RefundSchema),
  receipt: Nullable(ReceiptSchema),
  credit_grant: Nullable(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      amount: Credits("Credits granted"),
      remaining: Credits("Still unspent"),
      taken_back: Credits("Taken back by refunds and staff debits"),
    }),
  ),
  ledger_entries: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      type: Type.String(),
      amount: Credits("The entry's change to the account's unspent credits"),
      balance_after: Credits("Unspent credits right after it"),
      reason: Nullable(Type.String()),
      created_at: Timestamp,
    }),
  ),
  refundable_cents: Type.Integer(),
  downloads: Type.Array(AdminDownloadSchema, { description: "A digital order's download grants" }),
  can_confirm: Type.Boolean({
    description:
      "Whether POST …/confirm would fulfil it now: a pending order with a checkout, and ORDER_CONFIRM_ALLOW_MANUAL on",
  }),
});

export function investigationJson(found: OrderInvestigation) {
  return {
    order: adminOrderJson(found.order),
    events: found.events.map(paymentEventJson),
    refunds: found.refunds.map(refundJson),
    receipt: found.receipt === null ? null : receiptJson(found.receipt),
    credit_grant:
      found.grant === null
        ? null
        : {
            id: found.grant.id,
            amount: toCredits(found.grant.amount),
            remaining: toCredits(found.grant.remaining),
            taken_back: toCredits(found.grant.debited),
          },
    ledger_entries: found.ledgerEntries.map((entry) => ({
      id: entry.id,
      type: entry.type,
      amount: toCredits(entry.amount),
      balance_after: toCredits(entry.balanceAfter),
      reason: entry.reason,
      created_at: entry.createdAt.toISOString(),
    })),
    refundable_cents: found.refundableCents,
    downloads: found.downloads.map(adminDownloadJson),
    can_confirm: found.canConfirm,
  };
}
