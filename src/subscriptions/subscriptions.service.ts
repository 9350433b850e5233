import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import { users } from "../customers/users.table.js";
import type { Config } from "../config.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Clock } from "../platform/clock.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import { platformError } from "../platform/errors.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { prices, products, type Price, type Product } from "../payments/catalog.table.js";
import type { PaymentProvider } from "../payments/payment-provider.js";
import { periodEndOf } from "./periods.js";
import type { SubscriptionProvider, SubscriptionSnapshot } from "./stripe-subscriptions.js";
import { FREE_PLAN_SLUG } from "./plans.js";
import {
  COMPLIMENTARY_SOURCE,
  expireSubscriptionGrants,
  localToken,
  PLAN_CHANGE_SOURCE,
  subscriptionSourceId,
  type SubscriptionEventOutcome,
  type SubscriptionEvents,
} from "./subscription-events.js";
import { subscriptionsError } from "./subscriptions.errors.js";
import {
  ENTITLED_STATUSES,
  LIVE_STATUSES,
  subscriptionInvoices,
  subscriptions,
  type Subscription,
  type SubscriptionStatus,
} from "./subscriptions.table.js";

/** A subscription with its plan and price, as the API shows it. */
export interface SubscriptionView extends Subscription {
  readonly plan: Pick<Product, "id" | "slug" | "name">;
  readonly price: Pick<Price, "id" | "unitAmountCents" | "currency" | "interval">;
  /** The plan of a downgrade waiting for the period end (`pendingPriceId`), if any. */
  readonly pendingPlan: Pick<Product, "id" | "slug" | "name"> | null;
}

/** The pending downgrade's price and plan, joined to a subscription (left joins). */
export const pendingPrices = alias(prices, "pending_prices");
export const pendingProducts = alias(products, "pending_products");
export const pendingPlanColumns = {
  id: pendingProducts.id,
  slug: pendingProducts.slug,
  name: pendingProducts.name,
};

/**
 * What a plan costs a month: a yearly price counts a twelfth. A change to a higher monthly
 * cost (or, at the same cost, to more credits per period) is an upgrade; any other a downgrade.
 */
export function monthlyCents(price: Pick<Price, "unitAmountCents" | "interval">): number {
  return price.interval === "year" ? price.unitAmountCents / 12 : price.unitAmountCents;
}

export type Freshness = "fresh" | "soft_stale" | "hard_stale";

export interface SubscriptionStatusView {
  readonly plan: { id: string | null; slug: string; name: string };
  readonly status: SubscriptionStatus | null;
  readonly subscriptionId: string | null;
  readonly currentPeriodEnd: Date | null;
  readonly cancelAtPeriodEnd: boolean;
  readonly syncedAt: Date | null;
  readonly freshness: Freshness;
  readonly message: string | null;
  /** The plan whose entitlements apply now: Free without a paid one, or when hard stale. */
  readonly effectivePlan: string;
}

export interface SubscriptionsService {
  /** A checkout of a paid plan's recurring price; 409 subscription_exists when one lives. */
  checkout(
    userId: string,
    priceId: string,
  ): Promise<{ subscription: SubscriptionView | null; checkoutUrl: string }>;
  /** Stripe's Customer Portal for the caller's billing customer. */
  billingPortal(userId: string): Promise<string>;
  list(userId: string, page: number | undefined): Promise<Listed<SubscriptionView>>;
  get(userId: string, id: string): Promise<SubscriptionView>;
  cancel(userId: string, id: string): Promise<SubscriptionView>;
  resume(userId: string, id: string): Promise<SubscriptionView>;
  status(userId: string, options: { refresh: boolean }): Promise<SubscriptionStatusView>;
  /**
   * A plan change: an upgrade now (the credit difference granted for the rest of the period),
   * a downgrade at the period end (pending); the current price drops a pending change.
   */
  changePlan(userId: string, id: string, priceId: string): Promise<SubscriptionView>;
  /** Staff: cancel at the period end or now (its unspent credits expire), audited. */
  staffCancel(
    actor: Actor,
    id: string,
    request: { atPeriodEnd: boolean; reason: string },
  ): Promise<SubscriptionView>;
  /**
   * Staff: a complimentary period, one period's `credit_amount` granted without a payment,
   * expiring with the current period; once per period (409 complimentary_exists), audited.
   */
  grantComplimentary(actor: Actor, id: string, request: { reason: string }): Promise<void>;
  /** The local checkout page's subscription, by its session id. */
  findLocalCheckout(sessionId: string): Promise<SubscriptionView>;
  /** The local page's "Pay" (the first invoice) or "Cancel" (the checkout expires). */
  completeLocalCheckout(
    sessionId: string,
    action: "pay" | "cancel",
  ): Promise<SubscriptionEventOutcome | "canceled">;
  /**
   * `advance-subscription`: a local subscription's next period, now. Its next invoice is paid
   * (credits granted, the last period's expired), or, when it was set to cancel at the period
   * end, it ends. Returns the subscription as it is afterwards.
   */
  advance(subscriptionId: string): Promise<SubscriptionView>;
}

/** The local provider's checkout page of a subscription (a capability URL, as Stripe's is). */
export function localSubscriptionCheckoutPath(sessionId: string): string {
  return `/checkout/local-subscription/${sessionId}`;
}

/**
 * Where a subscription checkout (Stripe's success and cancel URLs, the local page's buttons) and
 * Stripe's Customer Portal send the buyer back: the customer portal's subscriptions page, which
 * waits there for the subscription to become active. A fixed path of this server, never one a
 * request names, so it cannot be made into an open redirect.
 */
export function subscriptionReturnPath(checkout?: "success" | "canceled"): string {
  return checkout === undefined
    ? "/account/subscriptions"
    : `/account/subscriptions?checkout=${checkout}`;
}

/** Seconds between two `?refresh=1` of one account (the provider is not a polling target). */
export const REFRESH_INTERVAL_S = 10;

export function createSubscriptionsService(deps: {
  db: Db;
  clock: Clock;
  config: Pick<Config, "billingSync">;
  provider: PaymentProvider;
  /** Stripe's subscriptions, when Stripe is the provider. */
  stripe?: SubscriptionProvider | undefined;
  events: SubscriptionEvents;
  credits: CreditsService;
  publicBaseUrl: string;
}): SubscriptionsService {
  const { db, clock, provider, events } = deps;
  const sync = deps.config.billingSync;
  const lastRefresh = new Map<string, number>();

  function stripeOrConflict(): SubscriptionProvider {
    if (deps.stripe === undefined) {
      throw subscriptionsError("provider_not_configured", "Stripe is not configured.");
    }
    return deps.stripe;
  }

  /** A Stripe call; its failure is the caller's 502 and nothing here changes. */
  async function atStripe<T>(call: (stripe: SubscriptionProvider) => Promise<T>): Promise<T> {
    const stripe = stripeOrConflict();
    try {
      return await call(stripe);
    } catch {
      throw subscriptionsError(
        "payment_provider_error",
        "Stripe did not answer as expected; nothing was changed.",
      );
    }
  }

  /** The projection takes what the provider just said (a change made here, a refresh). */
  async function takeSnapshot(id: string, snap: SubscriptionSnapshot, tx: DbOrTx = db) {
    const now = clock.now();
    await tx
      .update(subscriptions)
      .set({
        status: snap.status,
        cancelAtPeriodEnd: snap.cancelAtPeriodEnd,
        canceledAt: snap.canceledAt,
        currentPeriodStart: snap.periodStart,
        currentPeriodEnd: snap.periodEnd,
        syncedAt: now,
        updatedAt: now,
      })
      .where(eq(subscriptions.id, id));
  }

  const viewColumns = {
    subscription: subscriptions,
    plan: { id: products.id, slug: products.slug, name: products.name },
    price: {
      id: prices.id,
      unitAmountCents: prices.unitAmountCents,
      currency: prices.currency,
      interval: prices.interval,
    },
    pendingPlan: pendingPlanColumns,
  };

  function views() {
    return db
      .select(viewColumns)
      .from(subscriptions)
      .innerJoin(products, eq(products.id, subscriptions.productId))
      .innerJoin(prices, eq(prices.id, subscriptions.priceId))
      .leftJoin(pendingPrices, eq(pendingPrices.id, subscriptions.pendingPriceId))
      .leftJoin(pendingProducts, eq(pendingProducts.id, pendingPrices.productId));
  }

  type Row = Awaited<ReturnType<typeof views>>[number];
  const toView = (row: Row): SubscriptionView => ({
    ...row.subscription,
    plan: row.plan,
    price: row.price,
    pendingPlan: row.pendingPlan,
  });

  async function byId(id: string): Promise<SubscriptionView> {
    const [row] = await views().where(eq(subscriptions.id, id));
    if (row === undefined) throw subscriptionsError("subscription_not_found");
    return toView(row);
  }

  async function own(userId: string, id: string): Promise<SubscriptionView> {
    const found = await byId(id);
    // Another account's subscription is not found, never forbidden.
    if (found.userId !== userId) throw subscriptionsError("subscription_not_found");
    return found;
  }

  async function liveOf(userId: string): Promise<SubscriptionView | undefined> {
    const [row] = await views()
      .where(
        and(eq(subscriptions.userId, userId), inArray(subscriptions.status, [...LIVE_STATUSES])),
      )
      .limit(1);
    return row === undefined ? undefined : toView(row);
  }

  function requireLocal(subscription: Subscription) {
    if (subscription.provider !== "local" || provider.name !== "local") {
      throw subscriptionsError(
        "provider_mismatch",
        "Only a subscription of the local payment provider is advanced here; the provider " +
          "renews the others.",
      );
    }
  }

  /** How long the projection has gone without news it should have had (the renewal's). */
  function freshnessOf(subscription: Subscription, now: Date): Freshness {
    const end = subscription.currentPeriodEnd;
    if (end === null || now.getTime() <= end.getTime()) return "fresh";
    const since = Math.max(end.getTime(), subscription.syncedAt.getTime());
    const ageS = (now.getTime() - since) / 1000;
    if (ageS > sync.hardTtlSeconds) return "hard_stale";
    if (ageS > sync.softStaleSeconds) return "soft_stale";
    return "fresh";
  }

  async function freePlan() {
    const [free] = await db
      .select({ id: products.id, slug: products.slug, name: products.name })
      .from(products)
      .where(and(eq(products.slug, FREE_PLAN_SLUG), eq(products.kind, "subscription")));
    return free ?? { id: null, slug: FREE_PLAN_SLUG, name: "Free" };
  }

  /** Live (entitled) and within its period: it can be changed, canceled or resumed. */
  function requireChangeable(current: SubscriptionView, what: string) {
    const now = clock.now();
    const live = (ENTITLED_STATUSES as readonly string[]).includes(current.status);
    const ended = current.currentPeriodEnd === null || current.currentPeriodEnd <= now;
    if (!live || ended) {
      throw subscriptionsError(
        "invalid_transition",
        `A ${current.status} subscription${live && ended ? " whose period has ended" : ""} ` +
          `cannot be ${what}.`,
      );
    }
    requireProvider(current);
  }

  function requireProvider(current: Subscription) {
    if (current.provider !== provider.name) {
      throw subscriptionsError(
        "provider_mismatch",
        "This subscription belongs to a payment provider that is not configured.",
      );
    }
  }

  /**
   * Drops a pending downgrade: at Stripe its schedule is released first (before another change,
   * which Stripe would otherwise see overwritten at the period end), then here, at once, so the
   * projection still agrees with Stripe when the change that follows fails.
   */
  async function releasePending(current: Subscription) {
    const scheduleId = current.providerScheduleId;
    if (current.provider === "stripe" && scheduleId !== null) {
      await atStripe((stripe) => stripe.releaseSchedule(scheduleId));
    }
    if (current.pendingPriceId === null && scheduleId === null) return;
    const now = clock.now();
    await db
      .update(subscriptions)
      .set({ pendingPriceId: null, providerScheduleId: null, syncedAt: now, updatedAt: now })
      .where(eq(subscriptions.id, current.id));
  }

  async function setCancel(current: SubscriptionView, cancel: boolean, audit?: AuditEntryOf) {
    requireChangeable(current, cancel ? "canceled" : "resumed");
    const now = clock.now();
    // A canceled subscription has no next period: a pending downgrade is dropped (Stripe
    // refuses cancel_at_period_end on a subscription a schedule manages).
    const dropPending = cancel && current.pendingPriceId !== null;
    let snap: SubscriptionSnapshot | undefined;
    if (provider.name === "stripe") {
      if (dropPending) await releasePending(current);
      snap = await atStripe((stripe) =>
        stripe.setCancelAtPeriodEnd(current.providerSubscriptionId, cancel),
      );
    }
    await db.transaction(async (tx) => {
      if (snap !== undefined) await takeSnapshot(current.id, snap, tx);
      else {
        await tx
          .update(subscriptions)
          .set({ cancelAtPeriodEnd: cancel, syncedAt: now, updatedAt: now })
          .where(eq(subscriptions.id, current.id));
      }
      if (dropPending) {
        await tx
          .update(subscriptions)
          .set({ pendingPriceId: null, providerScheduleId: null })
          .where(eq(subscriptions.id, current.id));
      }
      if (audit !== undefined) await recordAudit(tx, audit(current));
    });
    return byId(current.id);
  }

  /** An active plan's recurring, paid price (404 unknown, else 409 plan_not_subscribable). */
  async function subscribablePrice(priceId: string) {
    const [row] = await db
      .select({ price: prices, product: products })
      .from(prices)
      .innerJoin(products, eq(products.id, prices.productId))
      .where(eq(prices.id, priceId));
    if (row === undefined) throw subscriptionsError("price_not_found");
    const { price, product } = row;
    if (
      product.kind !== "subscription" ||
      !price.isActive ||
      !product.isActive ||
      price.interval === "one_time"
    ) {
      throw subscriptionsError(
        "plan_not_subscribable",
        "Only an active plan's recurring price can be subscribed to.",
      );
    }
    if (price.unitAmountCents === 0) {
      throw subscriptionsError(
        "plan_not_subscribable",
        "A free plan needs no checkout: every account without a paid subscription is on it.",
      );
    }
    return row;
  }

  function stripePriceOf(price: Price): string {
    if (price.providerPriceId === null) {
      throw subscriptionsError(
        "plan_not_subscribable",
        "This price is not in Stripe: create it through Tollgate or sync the catalog.",
      );
    }
    return price.providerPriceId;
  }

  async function upgrade(current: SubscriptionView, target: { price: Price; product: Product }) {
    let snap: SubscriptionSnapshot | undefined;
    if (current.provider === "stripe") {
      const providerPriceId = stripePriceOf(target.price);
      await releasePending(current);
      snap = await atStripe((stripe) =>
        stripe.changePriceNow(current.providerSubscriptionId, providerPriceId),
      );
    }
    const granted = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.id, current.id))
        .for("update");
      // A parallel or replayed request changed it first: that one granted the difference.
      if (locked?.priceId !== current.priceId) return null;
      if (snap !== undefined) await takeSnapshot(current.id, snap, tx);
      const now = clock.now();
      await tx
        .update(subscriptions)
        .set({
          priceId: target.price.id,
          productId: target.product.id,
          pendingPriceId: null,
          providerScheduleId: null,
          syncedAt: now,
          updatedAt: now,
        })
        .where(eq(subscriptions.id, current.id));
      const [from] = await tx
        .select({ creditAmount: products.creditAmount })
        .from(products)
        .where(eq(products.id, current.productId));
      const delta = (target.product.creditAmount ?? 0) - (from?.creditAmount ?? 0);
      const periodEnd = snap?.periodEnd ?? locked.currentPeriodEnd;
      if (delta <= 0 || periodEnd === null) return null;
      // Keyed by this change: the grant is made once, with the period's other credits' expiry.
      const changeId = randomUUID();
      const grant = await deps.credits.grantForSource(tx, {
        userId: current.userId,
        kind: "subscription",
        amount: delta,
        expiresAt: target.product.rolloverCredits ? null : periodEnd,
        sourceType: PLAN_CHANGE_SOURCE,
        sourceId: subscriptionSourceId(current.id, changeId),
        reason: `subscription ${current.id} upgraded to ${target.product.slug}`,
      });
      return grant.accountId;
    });
    if (granted !== null) deps.credits.balanceChanged(granted);
    return byId(current.id);
  }

  async function downgrade(current: SubscriptionView, target: { price: Price; product: Product }) {
    let scheduleId: string | null = null;
    if (current.provider === "stripe") {
      const nextPriceId = stripePriceOf(target.price);
      const currentPriceId = await stripePriceIdOf(current.priceId);
      scheduleId = await atStripe((stripe) =>
        stripe.scheduleChange({
          providerSubscriptionId: current.providerSubscriptionId,
          scheduleId: current.providerScheduleId,
          currentPriceId,
          nextPriceId,
          nextInterval: target.price.interval === "year" ? "year" : "month",
        }),
      );
    }
    const now = clock.now();
    await db
      .update(subscriptions)
      .set({
        pendingPriceId: target.price.id,
        providerScheduleId: scheduleId,
        syncedAt: now,
        updatedAt: now,
      })
      .where(eq(subscriptions.id, current.id));
    return byId(current.id);
  }

  async function stripePriceIdOf(priceId: string): Promise<string> {
    const [row] = await db.select().from(prices).where(eq(prices.id, priceId));
    if (row === undefined) throw subscriptionsError("price_not_found");
    return stripePriceOf(row);
  }

  async function cancelNow(current: SubscriptionView, audit: AuditEntryOf) {
    if (!(LIVE_STATUSES as readonly string[]).includes(current.status)) {
      throw subscriptionsError(
        "invalid_transition",
        `A ${current.status} subscription has ended already.`,
      );
    }
    requireProvider(current);
    const snap =
      current.provider === "stripe"
        ? await atStripe((stripe) => stripe.cancelNow(current.providerSubscriptionId))
        : undefined;
    const now = clock.now();
    const account = await db.transaction(async (tx) => {
      if (snap !== undefined) await takeSnapshot(current.id, snap, tx);
      await tx
        .update(subscriptions)
        .set({
          status: "canceled",
          canceledAt: snap?.canceledAt ?? now,
          pendingPriceId: null,
          providerScheduleId: null,
          syncedAt: now,
          updatedAt: now,
        })
        .where(eq(subscriptions.id, current.id));
      const changed = await expireSubscriptionGrants(tx, deps.credits, current);
      await recordAudit(tx, audit(current));
      return changed;
    });
    if (account !== null) deps.credits.balanceChanged(account);
    return byId(current.id);
  }

  return {
    async checkout(userId, priceId) {
      const { price, product } = await subscribablePrice(priceId);
      if ((await liveOf(userId)) !== undefined) {
        throw subscriptionsError(
          "subscription_exists",
          "This account has a subscription already: change its plan instead.",
        );
      }
      if (provider.name === "stripe") {
        const providerPriceId = stripePriceOf(price);
        const [user] = await db
          .select({ email: users.email })
          .from(users)
          .where(eq(users.id, userId));
        // Stripe creates the subscription when the buyer completes the checkout; its
        // customer.subscription.created event makes the projection.
        const session = await atStripe((stripe) =>
          stripe.createCheckout({
            userId,
            email: user?.email ?? "",
            providerPriceId,
            successUrl: `${deps.publicBaseUrl}${subscriptionReturnPath("success")}`,
            cancelUrl: `${deps.publicBaseUrl}${subscriptionReturnPath("canceled")}`,
          }),
        );
        return { subscription: null, checkoutUrl: session.url };
      }
      const now = clock.now();
      const sessionId = localToken("lcs");
      const [created] = await db
        .insert(subscriptions)
        .values({
          userId,
          productId: product.id,
          priceId: price.id,
          provider: "local",
          providerSubscriptionId: localToken("lsub"),
          checkoutSessionId: sessionId,
          status: "incomplete",
          syncedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: subscriptions.id });
      if (created === undefined) throw new Error("insert returned no subscription");
      return {
        subscription: await byId(created.id),
        checkoutUrl: `${deps.publicBaseUrl}${localSubscriptionCheckoutPath(sessionId)}`,
      };
    },

    async list(userId, page) {
      const window = pageWindow(page);
      const [total] = await db
        .select({ n: count() })
        .from(subscriptions)
        .where(eq(subscriptions.userId, userId));
      const rows = await views()
        .where(eq(subscriptions.userId, userId))
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(window.limit)
        .offset(window.offset);
      return { page: window.page, count: total?.n ?? 0, rows: rows.map(toView) };
    },

    get: own,

    async billingPortal(userId) {
      stripeOrConflict();
      const [customer] = await db
        .select({ id: subscriptions.providerCustomerId })
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.userId, userId),
            eq(subscriptions.provider, "stripe"),
            isNotNull(subscriptions.providerCustomerId),
          ),
        )
        .orderBy(desc(subscriptions.createdAt))
        .limit(1);
      const customerId = customer?.id ?? null;
      if (customerId === null) {
        throw subscriptionsError(
          "no_billing_customer",
          "This account has no Stripe customer yet: subscribe first.",
        );
      }
      return atStripe((stripe) =>
        stripe.portalUrl(customerId, `${deps.publicBaseUrl}${subscriptionReturnPath()}`),
      );
    },

    cancel: async (userId, id) => setCancel(await own(userId, id), true),
    resume: async (userId, id) => setCancel(await own(userId, id), false),

    async changePlan(userId, id, priceId) {
      const current = await own(userId, id);
      const target = await subscribablePrice(priceId);
      requireChangeable(current, "changed");
      if (current.cancelAtPeriodEnd) {
        throw subscriptionsError(
          "invalid_transition",
          "This subscription ends at its period end: resume it before changing its plan.",
        );
      }
      if (target.price.id === current.priceId) {
        if (current.pendingPriceId === null) {
          throw subscriptionsError("same_plan", "The subscription is on this price already.");
        }
        // Back to the current price: the pending downgrade is dropped.
        await releasePending(current);
        return byId(current.id);
      }
      // The same downgrade asked again (a replay): it is pending already.
      if (target.price.id === current.pendingPriceId) return current;
      const [from] = await db
        .select({ creditAmount: products.creditAmount })
        .from(products)
        .where(eq(products.id, current.productId));
      const up = monthlyCents(target.price) - monthlyCents(current.price);
      const isUpgrade =
        up > 0 || (up === 0 && (target.product.creditAmount ?? 0) > (from?.creditAmount ?? 0));
      return isUpgrade ? upgrade(current, target) : downgrade(current, target);
    },

    async staffCancel(actor, id, request) {
      const current = await byId(id);
      const audit: AuditEntryOf = (subscription) => ({
        actor,
        action: "subscriptions.cancel",
        targetType: "subscription",
        targetId: subscription.id,
        details: {
          at_period_end: request.atPeriodEnd,
          reason: request.reason,
          status: subscription.status,
          plan: subscription.plan.slug,
        },
      });
      return request.atPeriodEnd ? setCancel(current, true, audit) : cancelNow(current, audit);
    },

    async grantComplimentary(actor, id, request) {
      const current = await byId(id);
      requireChangeable(current, "given a complimentary period");
      const start = current.currentPeriodStart;
      const end = current.currentPeriodEnd;
      const [plan] = await db
        .select({ creditAmount: products.creditAmount, rollover: products.rolloverCredits })
        .from(products)
        .where(eq(products.id, current.productId));
      const amount = plan?.creditAmount ?? 0;
      if (amount <= 0 || start === null || end === null) {
        throw subscriptionsError(
          "plan_has_no_credits",
          "This subscription's plan gives no credits per period.",
        );
      }
      const account = await db.transaction(async (tx) => {
        const grant = await deps.credits.grantForSource(tx, {
          userId: current.userId,
          kind: "subscription",
          amount,
          expiresAt: plan?.rollover === true ? null : end,
          sourceType: COMPLIMENTARY_SOURCE,
          // One per period: a replay, or a second grant for the same period, makes nothing.
          sourceId: subscriptionSourceId(current.id, start.toISOString()),
          reason: `complimentary period of subscription ${current.id}: ${request.reason}`,
        });
        if (!grant.granted) {
          throw subscriptionsError(
            "complimentary_exists",
            "This period has had its complimentary credits already.",
          );
        }
        await recordAudit(tx, {
          actor,
          action: "subscriptions.complimentary_period",
          targetType: "subscription",
          targetId: current.id,
          details: {
            reason: request.reason,
            amount,
            period_start: start.toISOString(),
            period_end: end.toISOString(),
          },
        });
        return grant.accountId;
      });
      deps.credits.balanceChanged(account);
    },

    async status(userId, options) {
      let live = await liveOf(userId);
      let now = clock.now();
      if (options.refresh && live !== undefined) {
        const last = lastRefresh.get(userId);
        const waitS =
          last === undefined ? 0 : Math.ceil(REFRESH_INTERVAL_S - (now.getTime() - last) / 1000);
        if (waitS > 0) {
          throw platformError("rate_limited", `Too many refreshes; retry in ${String(waitS)} s.`, {
            headers: { "Retry-After": String(waitS) },
          });
        }
        lastRefresh.set(userId, now.getTime());
        if (live.provider === "stripe") {
          const id = live.providerSubscriptionId;
          await takeSnapshot(live.id, await atStripe((stripe) => stripe.retrieve(id)));
          live = await byId(live.id);
          now = clock.now();
        }
        // The local provider keeps no state of its own: the projection is its truth.
        if (live.provider === "local") {
          await db
            .update(subscriptions)
            .set({ syncedAt: now })
            .where(eq(subscriptions.id, live.id));
          live = await byId(live.id);
          now = clock.now();
        }
      }
      if (live === undefined) {
        return {
          plan: await freePlan(),
          status: null,
          subscriptionId: null,
          currentPeriodEnd: null,
          cancelAtPeriodEnd: false,
          syncedAt: null,
          freshness: "fresh",
          message: null,
          effectivePlan: FREE_PLAN_SLUG,
        };
      }
      const freshness = freshnessOf(live, now);
      const entitled =
        (ENTITLED_STATUSES as readonly string[]).includes(live.status) &&
        !(live.cancelAtPeriodEnd && live.currentPeriodEnd !== null && live.currentPeriodEnd <= now);
      return {
        plan: live.plan,
        status: live.status,
        subscriptionId: live.id,
        currentPeriodEnd: live.currentPeriodEnd,
        cancelAtPeriodEnd: live.cancelAtPeriodEnd,
        syncedAt: live.syncedAt,
        freshness,
        message:
          freshness === "hard_stale"
            ? sync.hardBlockMessage
            : freshness === "soft_stale"
              ? sync.softWarningMessage
              : null,
        effectivePlan: entitled && freshness !== "hard_stale" ? live.plan.slug : FREE_PLAN_SLUG,
      };
    },

    async findLocalCheckout(sessionId) {
      const [row] = await views().where(
        and(eq(subscriptions.provider, "local"), eq(subscriptions.checkoutSessionId, sessionId)),
      );
      if (row === undefined) throw subscriptionsError("checkout_not_found");
      return toView(row);
    },

    async completeLocalCheckout(sessionId, action) {
      const subscription = await this.findLocalCheckout(sessionId);
      requireLocal(subscription);
      const now = clock.now();
      if (action === "cancel") {
        await db
          .update(subscriptions)
          .set({ status: "incomplete_expired", updatedAt: now })
          .where(
            and(eq(subscriptions.id, subscription.id), eq(subscriptions.status, "incomplete")),
          );
        return "canceled";
      }
      const interval = subscription.price.interval === "year" ? "year" : "month";
      return events.invoicePaid({
        provider: "local",
        eventId: localToken("levt"),
        type: "local.invoice.paid",
        createdAt: now,
        providerSubscriptionId: subscription.providerSubscriptionId,
        // The first period's invoice: every press of "Pay" names the same one.
        invoiceId: `${subscription.providerSubscriptionId}-0001`,
        amountCents: subscription.price.unitAmountCents,
        currency: subscription.price.currency,
        periodStart: now,
        periodEnd: periodEndOf(now, interval),
      });
    },

    async advance(subscriptionId) {
      const subscription = await byId(subscriptionId);
      requireLocal(subscription);
      const start = subscription.currentPeriodEnd;
      if (!(LIVE_STATUSES as readonly string[]).includes(subscription.status) || start === null) {
        throw subscriptionsError(
          "invalid_transition",
          `A ${subscription.status} subscription has no next period.`,
        );
      }
      const now = clock.now();
      if (subscription.cancelAtPeriodEnd) {
        await db
          .transaction(async (tx) => {
            const account = await expireSubscriptionGrants(tx, deps.credits, subscription);
            await tx
              .update(subscriptions)
              .set({ status: "canceled", canceledAt: now, syncedAt: now, updatedAt: now })
              .where(eq(subscriptions.id, subscription.id));
            return account;
          })
          .then((account) => {
            if (account !== null) deps.credits.balanceChanged(account);
          });
        return byId(subscription.id);
      }
      const [paid] = await db
        .select({ n: count() })
        .from(subscriptionInvoices)
        .where(eq(subscriptionInvoices.subscriptionId, subscription.id));
      const number = String((paid?.n ?? 0) + 1).padStart(4, "0");
      // A pending downgrade bills the new period at its price (the invoice applies it).
      const [pending] =
        subscription.pendingPriceId === null
          ? []
          : await db.select().from(prices).where(eq(prices.id, subscription.pendingPriceId));
      const price = pending ?? subscription.price;
      const interval = price.interval === "year" ? "year" : "month";
      await events.invoicePaid({
        provider: "local",
        eventId: localToken("levt"),
        type: "local.invoice.paid",
        createdAt: now,
        providerSubscriptionId: subscription.providerSubscriptionId,
        // Numbered by the period: two advances from the same state pay the same invoice once.
        invoiceId: `${subscription.providerSubscriptionId}-${number}`,
        amountCents: price.unitAmountCents,
        currency: price.currency,
        periodStart: start,
        periodEnd: periodEndOf(start, interval),
      });
      return byId(subscription.id);
    },
  };
}

/** The audit entry of a staff change, made of the subscription as it was. */
type AuditEntryOf = (subscription: SubscriptionView) => Parameters<typeof recordAudit>[1];

export interface SubscriptionsServices {
  readonly service: SubscriptionsService;
  readonly events: SubscriptionEvents;
}
