import { and, count, eq, gt, gte, sql, sum } from "drizzle-orm";
import type { RateLimitRule } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { products } from "../payments/catalog.table.js";
import { requestLogs } from "../usage/request-logs.table.js";
import { entitlementsError } from "./entitlements.errors.js";
import { FREE_PLAN_SLUG, PLAN_LIMIT_KEYS, type PlanLimits } from "./plans.js";
import type { SubscriptionsService } from "./subscriptions.service.js";
import { subscriptions } from "./subscriptions.table.js";

/** How long a user's effective plan is reused on the hot paths (rate limits, token checks). */
export const PLAN_CACHE_TTL_MS = 5_000;
/** Users whose plan is cached at most; the least recently used is dropped first. */
export const PLAN_CACHE_MAX_USERS = 10_000;

/** The plan whose entitlements apply to a user now, and the period its monthly limits count. */
export interface EffectivePlan {
  /** Null when the Free plan has no catalog row (Stripe before `create-default-catalog`). */
  readonly id: string | null;
  readonly slug: string;
  readonly name: string;
  readonly featureKeys: readonly string[];
  /** All five keys; null is unlimited (for requests_per_minute: RATE_LIMIT_SOLVE). */
  readonly limits: PlanLimits;
  readonly periodStart: Date;
  readonly periodEnd: Date;
}

export interface PeriodUsage {
  /** Tokens the services that report them used since the period's start. */
  readonly tokens: number;
  /** Successful metered calls since the period's start. */
  readonly requests: number;
}

export interface EntitlementsService {
  /** The caller's effective plan, read now (the account endpoint). */
  planOf(userId: string): Promise<EffectivePlan>;
  /** The same, reused for up to PLAN_CACHE_TTL_MS per user (paths every metered call takes). */
  cachedPlanOf(userId: string): Promise<EffectivePlan>;
  usageOf(userId: string, plan: EffectivePlan): Promise<PeriodUsage>;
  /** 402 plan_limit_exceeded when the period's tokens have reached the plan's tokens_per_month. */
  checkTokens(userId: string): Promise<void>;
  /** 403 feature_not_in_plan unless the caller's effective plan has `feature`. */
  requireFeature(userId: string, feature: string): Promise<void>;
}

/** The UTC calendar month around `at` (Free's period, the usage billing period's too). */
export function calendarMonthOf(at: Date): { start: Date; end: Date } {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}

export const MINUTE_MS = 60_000;

/**
 * The rate limit of the "solve" group (per API token) for a caller on `plan`: its
 * requests_per_minute, or RATE_LIMIT_SOLVE (`fallback`) when the plan sets none.
 */
export function solveRuleOf(plan: EffectivePlan, fallback: RateLimitRule): RateLimitRule {
  const perMinute = plan.limits.requests_per_minute;
  return perMinute === null
    ? fallback
    : { max: perMinute, windowMs: MINUTE_MS, text: `${String(perMinute)}/minute` };
}

function limitsOf(stored: Record<string, number | null>): PlanLimits {
  return Object.fromEntries(PLAN_LIMIT_KEYS.map((key) => [key, stored[key] ?? null])) as PlanLimits;
}

const planColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  featureKeys: products.featureKeys,
  limits: products.limits,
};

/**
 * Entitlements: which plan applies to a user (the status endpoint's `effective_plan`: Free
 * without a paid subscription, when it is unpaid or hard stale), its feature keys and limits,
 * and what the user used of them this period.
 */
export function createEntitlementsService(deps: {
  db: Db;
  clock: Clock;
  subscriptions: SubscriptionsService;
}): EntitlementsService {
  const { db, clock } = deps;
  /** Insertion-ordered, so the first key is the least recently used (a hit moves it last). */
  const cache = new Map<string, { plan: Promise<EffectivePlan>; expiresAt: number }>();

  async function planOf(userId: string): Promise<EffectivePlan> {
    const status = await deps.subscriptions.status(userId, { refresh: false });
    const now = clock.now();
    if (status.effectivePlan !== FREE_PLAN_SLUG && status.subscriptionId !== null) {
      const [paid] = await db
        .select({
          ...planColumns,
          periodStart: subscriptions.currentPeriodStart,
          periodEnd: subscriptions.currentPeriodEnd,
        })
        .from(subscriptions)
        .innerJoin(products, eq(products.id, subscriptions.productId))
        .where(eq(subscriptions.id, status.subscriptionId));
      if (paid !== undefined) {
        const month = calendarMonthOf(now);
        return {
          id: paid.id,
          slug: paid.slug,
          name: paid.name,
          featureKeys: paid.featureKeys,
          limits: limitsOf(paid.limits),
          periodStart: paid.periodStart ?? month.start,
          periodEnd: paid.periodEnd ?? month.end,
        };
      }
    }
    const [free] = await db
      .select(planColumns)
      .from(products)
      .where(and(eq(products.slug, FREE_PLAN_SLUG), eq(products.kind, "subscription")));
    const month = calendarMonthOf(now);
    return {
      id: free?.id ?? null,
      slug: FREE_PLAN_SLUG,
      name: free?.name ?? "Free",
      featureKeys: free?.featureKeys ?? [],
      // Without its row Free limits nothing: limits live in the catalog, where staff see them.
      limits: limitsOf(free?.limits ?? {}),
      periodStart: month.start,
      periodEnd: month.end,
    };
  }

  function cachedPlanOf(userId: string): Promise<EffectivePlan> {
    const now = performance.now();
    const hit = cache.get(userId);
    cache.delete(userId);
    if (hit !== undefined && hit.expiresAt > now) {
      cache.set(userId, hit);
      return hit.plan;
    }
    if (cache.size >= PLAN_CACHE_MAX_USERS) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    // The promise itself is cached, so parallel calls of one user share one lookup.
    const entry = { plan: planOf(userId), expiresAt: now + PLAN_CACHE_TTL_MS };
    cache.set(userId, entry);
    entry.plan.catch(() => {
      if (cache.get(userId) === entry) cache.delete(userId);
    });
    return entry.plan;
  }

  async function tokensSince(userId: string, start: Date): Promise<number> {
    // Matches the partial index request_logs_user_tokens_idx (tokens_used > 0).
    const [row] = await db
      .select({ tokens: sum(requestLogs.tokensUsed).mapWith(Number) })
      .from(requestLogs)
      .where(
        and(
          eq(requestLogs.userId, userId),
          gte(requestLogs.requestTs, start),
          gt(requestLogs.tokensUsed, 0),
        ),
      );
    return row?.tokens ?? 0;
  }

  return {
    planOf,
    cachedPlanOf,

    async usageOf(userId, plan) {
      const [tokens, [requests]] = await Promise.all([
        tokensSince(userId, plan.periodStart),
        db
          .select({ n: count() })
          .from(requestLogs)
          .where(
            and(
              eq(requestLogs.userId, userId),
              gte(requestLogs.requestTs, plan.periodStart),
              eq(requestLogs.status, "success"),
            ),
          ),
      ]);
      return { tokens, requests: requests?.n ?? 0 };
    },

    async checkTokens(userId) {
      const plan = await cachedPlanOf(userId);
      const limit = plan.limits.tokens_per_month;
      if (limit === null) return;
      const used = await tokensSince(userId, plan.periodStart);
      if (used < limit) return;
      throw entitlementsError(
        "plan_limit_exceeded",
        `This period's ${String(limit)} tokens of the ${plan.name} plan are used up ` +
          `(${String(used)}); they renew on ${plan.periodEnd.toISOString()}.`,
        { extensions: { limit, used, plan: plan.slug, period_end: plan.periodEnd.toISOString() } },
      );
    },

    async requireFeature(userId, feature) {
      const plan = await cachedPlanOf(userId);
      if (plan.featureKeys.includes(feature)) return;
      const having = await db
        .select({ slug: products.slug })
        .from(products)
        .where(
          and(
            eq(products.kind, "subscription"),
            eq(products.isActive, true),
            sql`${feature} = any(${products.featureKeys})`,
          ),
        )
        .orderBy(products.displayOrder, products.slug);
      throw entitlementsError(
        "feature_not_in_plan",
        `The ${plan.name} plan does not include ${feature}.`,
        { extensions: { feature, plan: plan.slug, plans: having.map((row) => row.slug) } },
      );
    },
  };
}
