import { Type } from "typebox";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import type { Order, Receipt } from "./orders.table.js";

export const OrderStatusSchema = Type.Union([
  Type.Literal("pending"),
  Type.Literal("paid"),
  Type.Literal("fulfilled"),
  Type.Literal("canceled"),
  Type.Literal("expired"),
  Type.Literal("failed"),
  Type.Literal("refunded"),
  Type.Literal("partially_refunded"),
]);

export const OrderSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  status: OrderStatusSchema,
  kind: Nullable(Type.String({ description: "The product's kind; null for a billing period" })),
  description: Type.String(),
  product_id: Nullable(Type.String({ format: "uuid" })),
  price_id: Nullable(Type.String({ format: "uuid" })),
  billing_period_id: Nullable(Type.String({ format: "uuid" })),
  quantity: Type.Integer(),
  amount_cents: Type.Integer(),
  currency: Type.String(),
  credit_amount: Nullable(Credits("Credits the order grants when paid")),
  provider: Type.String(),
  paid_amount_cents: Nullable(Type.Integer()),
  refunded_cents: Type.Integer(),
  created_at: Timestamp,
  paid_at: Nullable(Timestamp),
  fulfilled_at: Nullable(Timestamp),
});

export function orderJson(order: Order) {
  return {
    id: order.id,
    status: order.status,
    kind: order.kind,
    description: order.description,
    product_id: order.productId,
    price_id: order.priceId,
    billing_period_id: order.billingPeriodId,
    quantity: order.quantity,
    amount_cents: order.amountCents,
    currency: order.currency,
    credit_amount: order.creditAmount === null ? null : toCredits(order.creditAmount),
    provider: order.provider,
    paid_amount_cents: order.paidAmountCents,
    refunded_cents: order.refundedCents,
    created_at: order.createdAt.toISOString(),
    paid_at: order.paidAt?.toISOString() ?? null,
    fulfilled_at: order.fulfilledAt?.toISOString() ?? null,
  };
}

export const ReceiptSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  number: Type.String({ description: "Unique and gap-free per year: R-2026-000001" }),
  order_id: Type.String({ format: "uuid" }),
  email: Type.String(),
  description: Type.String(),
  quantity: Type.Integer(),
  amount_cents: Type.Integer(),
  currency: Type.String(),
  provider: Type.String(),
  provider_payment_id: Nullable(Type.String()),
  issued_at: Timestamp,
});

export function receiptJson(receipt: Receipt) {
  return {
    id: receipt.id,
    number: receipt.number,
    order_id: receipt.orderId,
    email: receipt.email,
    description: receipt.description,
    quantity: receipt.quantity,
    amount_cents: receipt.amountCents,
    currency: receipt.currency,
    provider: receipt.provider,
    provider_payment_id: receipt.providerPaymentId,
    issued_at: receipt.issuedAt.toISOString(),
  };
}
