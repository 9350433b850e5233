import { Type } from "typebox";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import type { AdminSubscription, AdminSubscriptionDetail } from "./subscriptions-admin.service.js";
import { SubscriptionSchema, subscriptionJson } from "./subscriptions.schemas.js";

export const AdminSubscriptionSchema = Type.Object({
  ...SubscriptionSchema.properties,
  user_id: Type.String({ format: "uuid" }),
  user_email: Type.String(),
  provider_subscription_id: Type.String(),
  provider_customer_id: Nullable(Type.String()),
});

export const AdminSubscriptionDetailSchema = Type.Object({
  subscription: AdminSubscriptionSchema,
  invoices: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      provider_invoice_id: Type.String(),
      status: Type.String({ description: "paid or payment_failed" }),
      amount_cents: Type.Integer(),
      currency: Type.String(),
      period_start: Timestamp,
      period_end: Timestamp,
      credits: Credits("Credits its payment granted"),
      paid_at: Nullable(Timestamp),
    }),
  ),
  credit_grants: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      source: Type.String({
        description: "invoice, plan_change (an upgrade's difference) or complimentary (staff)",
      }),
      amount: Credits("Credits granted"),
      remaining: Credits("Still unspent"),
      expired: Credits("Expired unspent"),
      expires_at: Nullable(Timestamp),
      created_at: Timestamp,
    }),
  ),
  audit: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      action: Type.String({
        description: "subscriptions.cancel or subscriptions.complimentary_period",
      }),
      actor_email: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
      created_at: Timestamp,
    }),
  ),
});

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function adminSubscriptionJson(subscription: AdminSubscription) {
  return {
    ...subscriptionJson(subscription),
    user_id: subscription.userId,
    user_email: subscription.userEmail,
    provider_subscription_id: subscription.providerSubscriptionId,
    provider_customer_id: subscription.providerCustomerId,
  };
}

export function adminSubscriptionDetailJson(detail: AdminSubscriptionDetail) {
  return {
    subscription: adminSubscriptionJson(detail.subscription),
    invoices: detail.invoices.map((invoice) => ({
      id: invoice.id,
      provider_invoice_id: invoice.providerInvoiceId,
      status: invoice.status,
      amount_cents: invoice.amountCents,
      currency: invoice.currency,
      period_start: invoice.periodStart.toISOString(),
      period_end: invoice.periodEnd.toISOString(),
      credits: toCredits(invoice.creditAmount),
      paid_at: iso(invoice.paidAt),
    })),
    credit_grants: detail.grants.map((grant) => ({
      id: grant.id,
      source: grant.sourceType,
      amount: toCredits(grant.amount),
      remaining: toCredits(grant.remaining),
      expired: toCredits(grant.expired),
      expires_at: iso(grant.expiresAt),
      created_at: grant.createdAt.toISOString(),
    })),
    audit: detail.audit.map((entry) => ({
      id: entry.id,
      action: entry.action,
      actor_email: entry.actorEmail,
      details: entry.details,
      created_at: entry.createdAt.toISOString(),
    })),
  };
}
