import { Type } from "typebox";
import type { RateLimitRule } from "../config.js";
import { Problem } from "../platform/problem.js";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import {
  MINUTE_MS,
  solveRuleOf,
  type EffectivePlan,
  type PeriodUsage,
} from "./entitlements.service.js";

const Limit = (description: string) => Nullable(Type.Integer({ minimum: 0, description }));

export const EntitlementsSchema = Type.Object({
  plan: Type.Object({
    id: Nullable(Type.String({ format: "uuid" })),
    slug: Type.String(),
    name: Type.String(),
  }),
  feature_keys: Type.Array(Type.String()),
  limits: Type.Object(
    {
      tokens_per_month: Limit("Tokens of reporting services per period; null is unlimited"),
      posts_per_month: Limit("Stored and shown; enforced when posts arrive"),
      workspaces: Limit("Stored and shown; enforced when workspaces arrive"),
      members: Limit("Stored and shown; enforced when members arrive"),
      requests_per_minute: Limit(
        "Per API token on the metered endpoints: the plan's, else RATE_LIMIT_SOLVE's count when " +
          "its window is a minute (null when it is another window: see rate_limit)",
      ),
    },
    { description: "The effective plan's limits; null is unlimited" },
  ),
  rate_limit: Type.Object(
    {
      enabled: Type.Boolean({ description: "RATE_LIMIT_ENABLED: false limits nothing" }),
      max: Type.Integer({ minimum: 0 }),
      window_seconds: Type.Integer({ minimum: 1 }),
    },
    { description: "What /api/core/solve and /api/services/{name}/run allow per API token" },
  ),
  usage_this_period: Type.Object(
    {
      period_start: Timestamp,
      period_end: Timestamp,
      tokens: Type.Integer({ minimum: 0, description: "Tokens the reporting services used" }),
      requests: Type.Integer({ minimum: 0, description: "Successful metered calls" }),
      posts: Type.Integer({ minimum: 0, description: "Always 0: posts do not exist yet" }),
      workspaces: Type.Integer({
        minimum: 0,
        description: "Always 0: workspaces do not exist yet",
      }),
      members: Type.Integer({ minimum: 1, description: "Always 1: the account holder" }),
    },
    {
      description:
        "Since the period's start: the subscription's current period on a paid plan, the UTC " +
        "calendar month (the billing period) on Free",
    },
  ),
});

export function entitlementsJson(
  plan: EffectivePlan,
  usage: PeriodUsage,
  rateLimit: { enabled: boolean; solve: RateLimitRule },
) {
  const rule = solveRuleOf(plan, rateLimit.solve);
  return {
    plan: { id: plan.id, slug: plan.slug, name: plan.name },
    feature_keys: [...plan.featureKeys],
    limits: {
      ...plan.limits,
      requests_per_minute: rule.windowMs === MINUTE_MS ? rule.max : null,
    },
    rate_limit: {
      enabled: rateLimit.enabled,
      max: rule.max,
      window_seconds: Math.round(rule.windowMs / 1000),
    },
    usage_this_period: {
      period_start: plan.periodStart.toISOString(),
      period_end: plan.periodEnd.toISOString(),
      tokens: usage.tokens,
      requests: usage.requests,
      posts: 0,
      workspaces: 0,
      members: 1,
    },
  };
}

/** 402 plan_limit_exceeded: the problem, with the plan's limit and what the period used. */
export const PlanLimitExceeded = Type.Object(
  {
    ...Problem.properties,
    limit: Type.Integer({ description: "The plan's tokens_per_month" }),
    used: Type.Integer({ description: "Tokens used since the period's start" }),
    plan: Type.String({ description: "The effective plan's slug" }),
    period_end: Timestamp,
  },
  { description: "RFC 9457 problem details with the plan's limit and the period's use" },
);

/** 403 feature_not_in_plan: the problem, naming the feature and the plans that have it. */
export const FeatureNotInPlan = Type.Object(
  {
    ...Problem.properties,
    feature: Type.String(),
    plan: Type.String({ description: "The caller's effective plan's slug" }),
    plans: Type.Array(Type.String(), { description: "Slugs of the active plans with the feature" }),
  },
  { description: "RFC 9457 problem details naming the feature and the plans that include it" },
);
