import { and, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { users } from "../customers/users.table.js";
import type { Config } from "../config.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { platformError } from "../platform/errors.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { prices, products, type Price, type Product } from "../payments/catalog.table.js";
import type { PaymentProvider } from "../payments/payment-provider.js";
import { periodEndOf } from "./periods.js";
import type { SubscriptionProvider, SubscriptionSnapshot } from "./stripe-subscriptions.js";
import { FREE_PLAN_SLUG } from "./plans.js";
import {
  INVOICE_SOURCE,
  invoiceSourceId,
  localToken,
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
  async function takeSnapshot(id: string, snap: SubscriptionSnapshot) {
    const now = clock.now();
    await db
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
  };

  function views() {
    return db
      .select(viewColumns)
      .from(subscriptions)
      .innerJoin(products, eq(products.id, subscriptions.productId))
      .innerJoin(prices, eq(prices.id, subscriptions.priceId));
  }

  type Row = Awaited<ReturnType<typeof views>>[number];
  const toView = (row: Row): SubscriptionView => ({
    ...row.subscription,
    plan: row.plan,
    price: row.price,
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

  async function setCancel(userId: string, id: string, cancel: boolean) {
    const current = await own(userId, id);
    const now = clock.now();
    const live = (ENTITLED_STATUSES as readonly string[]).includes(current.status);
    const ended = current.currentPeriodEnd !== null && current.currentPeriodEnd <= now;
    if (!live || ended) {
      throw subscriptionsError(
        "invalid_transition",
        `A ${current.status} subscription${ended ? " whose period has ended" : ""} cannot be ` +
          `${cancel ? "canceled" : "resumed"}.`,
      );
    }
    if (current.provider !== provider.name) {
      throw subscriptionsError(
        "provider_mismatch",
        "This subscription belongs to a payment provider that is not configured.",
      );
    }
    if (provider.name === "stripe") {
      const snap = await atStripe((stripe) =>
        stripe.setCancelAtPeriodEnd(current.providerSubscriptionId, cancel),
      );
      await takeSnapshot(id, snap);
      return byId(id);
    }
    await db
      .update(subscriptions)
      .set({ cancelAtPeriodEnd: cancel, syncedAt: now, updatedAt: now })
      .where(eq(subscriptions.id, id));
    return byId(id);
  }

  return {
    async checkout(userId, priceId) {
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
      if ((await liveOf(userId)) !== undefined) {
        throw subscriptionsError(
          "subscription_exists",
          "This account has a subscription already: change its plan instead.",
        );
      }
      if (provider.name === "stripe") {
        const providerPriceId = price.providerPriceId;
        if (providerPriceId === null) {
          throw subscriptionsError(
            "plan_not_subscribable",
            "This price is not in Stripe: create it through Tollgate or sync the catalog.",
          );
        }
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

    cancel: (userId, id) => setCancel(userId, id, true),
    resume: (userId, id) => setCancel(userId, id, false),

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
            const invoices = await tx
              .select({ id: subscriptionInvoices.providerInvoiceId })
              .from(subscriptionInvoices)
              .where(eq(subscriptionInvoices.subscriptionId, subscription.id));
            const account = await deps.credits.expireSourceGrants(tx, {
              sourceType: INVOICE_SOURCE,
              sourceIds: invoices.map((row) => invoiceSourceId("local", row.id)),
            });
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
      const interval = subscription.price.interval === "year" ? "year" : "month";
      await events.invoicePaid({
        provider: "local",
        eventId: localToken("levt"),
        type: "local.invoice.paid",
        createdAt: now,
        providerSubscriptionId: subscription.providerSubscriptionId,
        // Numbered by the period: two advances from the same state pay the same invoice once.
        invoiceId: `${subscription.providerSubscriptionId}-${number}`,
        amountCents: subscription.price.unitAmountCents,
        currency: subscription.price.currency,
        periodStart: start,
        periodEnd: periodEndOf(start, interval),
      });
      return byId(subscription.id);
    },
  };
}

export interface SubscriptionsServices {
  readonly service: SubscriptionsService;
  readonly events: SubscriptionEvents;
}
