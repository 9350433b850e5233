import { Type } from "typebox";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import type { SubscriptionStatusView, SubscriptionView } from "./subscriptions.service.js";

export const SubscriptionStatusSchema = Type.Union([
  Type.Literal("trialing"),
  Type.Literal("active"),
  Type.Literal("past_due"),
  Type.Literal("unpaid"),
  Type.Literal("canceled"),
  Type.Literal("incomplete"),
  Type.Literal("incomplete_expired"),
]);

const PlanRef = Type.Object({
  id: Nullable(Type.String({ format: "uuid" })),
  slug: Type.String(),
  name: Type.String(),
});

export const SubscriptionSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  plan: PlanRef,
  price: Type.Object({
    id: Type.String({ format: "uuid" }),
    unit_amount_cents: Type.Integer(),
    currency: Type.String(),
    interval: Type.String(),
  }),
  provider: Type.String(),
  status: SubscriptionStatusSchema,
  current_period_start: Nullable(Timestamp),
  current_period_end: Nullable(Timestamp),
  cancel_at_period_end: Type.Boolean(),
  canceled_at: Nullable(Timestamp),
  pending_plan: Type.Union([PlanRef, Type.Null()], {
    description: "A downgrade's plan, taking effect at current_period_end",
  }),
  pending_price_id: Nullable(Type.String({ format: "uuid" })),
  synced_at: Timestamp,
  created_at: Timestamp,
});

export const StatusSchema = Type.Object({
  plan: PlanRef,
  status: Nullable(SubscriptionStatusSchema),
  subscription_id: Nullable(Type.String({ format: "uuid" })),
  current_period_end: Nullable(Timestamp),
  cancel_at_period_end: Type.Boolean(),
  synced_at: Nullable(Timestamp),
  freshness: Type.Union([
    Type.Literal("fresh"),
    Type.Literal("soft_stale"),
    Type.Literal("hard_stale"),
  ]),
  message: Nullable(Type.String()),
  effective_plan: Type.String({
    description: "The plan whose entitlements apply now (free when hard stale or not subscribed)",
  }),
});

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function subscriptionJson(subscription: SubscriptionView) {
  return {
    id: subscription.id,
    plan: subscription.plan,
    price: {
      id: subscription.price.id,
      unit_amount_cents: subscription.price.unitAmountCents,
      currency: subscription.price.currency,
      interval: subscription.price.interval,
    },
    provider: subscription.provider,
    status: subscription.status,
    current_period_start: iso(subscription.currentPeriodStart),
    current_period_end: iso(subscription.currentPeriodEnd),
    cancel_at_period_end: subscription.cancelAtPeriodEnd,
    canceled_at: iso(subscription.canceledAt),
    pending_plan: subscription.pendingPlan,
    pending_price_id: subscription.pendingPriceId,
    synced_at: subscription.syncedAt.toISOString(),
    created_at: subscription.createdAt.toISOString(),
  };
}

export function statusJson(status: SubscriptionStatusView) {
  return {
    plan: status.plan,
    status: status.status,
    subscription_id: status.subscriptionId,
    current_period_end: iso(status.currentPeriodEnd),
    cancel_at_period_end: status.cancelAtPeriodEnd,
    synced_at: iso(status.syncedAt),
    freshness: status.freshness,
    message: status.message,
    effective_plan: status.effectivePlan,
  };
}
