import { randomBytes } from "node:crypto";
import { and, eq, inArray, like, ne } from "drizzle-orm";
import type { Logger } from "pino";
import { creditGrants } from "../credits/credit-grants.table.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Clock } from "../platform/clock.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { users } from "../customers/users.table.js";
import type { Mailer } from "../platform/email.js";
import { prices, products } from "../payments/catalog.table.js";
import { formatMoney } from "../payments/payment-emails.js";
import type { SubscriptionSnapshot } from "./stripe-subscriptions.js";
import { subscriptionsError } from "./subscriptions.errors.js";
import { paymentEvents, type PaymentProviderName } from "../payments/orders.table.js";
import {
  LIVE_STATUSES,
  subscriptionInvoices,
  subscriptions,
  type Subscription,
  type SubscriptionStatus,
} from "./subscriptions.table.js";

/** A paid invoice of a subscription, in the provider-neutral shape (Stripe or the local page). */
export interface InvoicePaidEvent {
  readonly provider: PaymentProviderName;
  readonly eventId: string;
  readonly type: string;
  readonly createdAt: Date;
  readonly providerSubscriptionId: string;
  readonly invoiceId: string;
  readonly amountCents: number;
  readonly currency: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
}

export type SubscriptionEventOutcome =
  "applied" | "duplicate" | "ignored" | "unknown_subscription" | "subscription_exists";

/** The identity of a provider event, as recorded in `payment_events`. */
interface RecordedEvent {
  readonly provider: PaymentProviderName;
  readonly eventId: string;
  readonly type: string;
  readonly createdAt: Date;
}

/** The source of a paid invoice's credit grant: once per invoice, whatever delivers it. */
export const INVOICE_SOURCE = "invoice";
export const invoiceSourceId = (provider: PaymentProviderName, invoiceId: string) =>
  `${provider}:${invoiceId}`;

/**
 * Grants a subscription makes besides its invoices', keyed `{subscription id}:{…}`: an upgrade's
 * credit difference (by the change's id) and staff's complimentary period (by the period).
 */
export const PLAN_CHANGE_SOURCE = "plan_change";
export const COMPLIMENTARY_SOURCE = "complimentary";
export const subscriptionSourceId = (subscriptionId: string, key: string) =>
  `${subscriptionId}:${key}`;

/**
 * Expires now what is left of a subscription's grants: its invoices' (but `keepInvoiceId`'s),
 * its upgrades' and complimentary ones. Returns the account whose credits changed, if any.
 */
export async function expireSubscriptionGrants(
  tx: DbOrTx,
  credits: CreditsService,
  subscription: Pick<Subscription, "id" | "provider">,
  keepInvoiceId?: string,
): Promise<string | null> {
  const invoices = await tx
    .select({ id: subscriptionInvoices.providerInvoiceId })
    .from(subscriptionInvoices)
    .where(
      and(
        eq(subscriptionInvoices.subscriptionId, subscription.id),
        keepInvoiceId === undefined
          ? undefined
          : ne(subscriptionInvoices.providerInvoiceId, keepInvoiceId),
      ),
    );
  let changed = await credits.expireSourceGrants(tx, {
    sourceType: INVOICE_SOURCE,
    sourceIds: invoices.map((row) => invoiceSourceId(subscription.provider, row.id)),
  });
  for (const sourceType of [PLAN_CHANGE_SOURCE, COMPLIMENTARY_SOURCE]) {
    const others = await tx
      .select({ id: creditGrants.sourceId })
      .from(creditGrants)
      .where(
        and(
          eq(creditGrants.sourceType, sourceType),
          like(creditGrants.sourceId, `${subscription.id}:%`),
        ),
      );
    const account = await credits.expireSourceGrants(tx, {
      sourceType,
      sourceIds: others.map((row) => row.id),
    });
    changed = changed ?? account;
  }
  return changed;
}

export const localToken = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;

export interface SubscriptionEvents {
  /**
   * Records the event and applies the paid invoice in one transaction: the subscription becomes
   * active for the invoice's period, the plan's credits are granted once per invoice (expiring at
   * the period's end), and what is left of the earlier periods' credits expires; with
   * rollover_credits the credits do not expire with their period, only with the subscription.
   */
  invoicePaid(event: InvoicePaidEvent): Promise<SubscriptionEventOutcome>;
  /**
   * A failed invoice payment: the subscription becomes past_due (access is kept until the
   * provider says unpaid or canceled) and its owner is emailed once per invoice.
   */
  invoiceFailed(event: InvoicePaidEvent): Promise<SubscriptionEventOutcome>;
  /**
   * The provider's subscription as an event states it (created, updated, deleted): the
   * projection takes it unless it already applied a newer event; a subscription that ends
   * loses its unspent credits.
   */
  subscriptionState(event: SubscriptionStateEvent): Promise<SubscriptionEventOutcome>;
}

export interface SubscriptionStateEvent {
  readonly provider: PaymentProviderName;
  readonly eventId: string;
  readonly type: string;
  readonly createdAt: Date;
  readonly snapshot: SubscriptionSnapshot;
}

export function createSubscriptionEvents(deps: {
  db: Db;
  clock: Clock;
  credits: CreditsService;
  mailer: Mailer;
  log: Logger;
  publicBaseUrl: string;
}): SubscriptionEvents {
  const { db, clock, credits, log } = deps;

  /** Expires what is left of every period's credits of a subscription that ended. */
  const expireAllCredits = (tx: DbOrTx, subscription: Subscription) =>
    expireSubscriptionGrants(tx, credits, subscription);

  /** The account's live subscription other than this one, if any. */
  async function otherLive(
    tx: DbOrTx,
    subscription: Pick<Subscription, "userId"> & { id: string | null },
  ) {
    const [other] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.userId, subscription.userId),
          subscription.id === null ? undefined : ne(subscriptions.id, subscription.id),
          inArray(subscriptions.status, [...LIVE_STATUSES]),
        ),
      );
    return other;
  }

  /**
   * A second live subscription of one account (made in the Stripe dashboard, or two checkouts
   * completed): the projection keeps one, and the event is recorded for staff to resolve.
   */
  async function secondLive(
    tx: DbOrTx,
    subscription: Pick<Subscription, "userId"> & { id: string | null },
    status: SubscriptionStatus,
  ) {
    if (!(LIVE_STATUSES as readonly string[]).includes(status)) return false;
    if ((await otherLive(tx, subscription)) === undefined) return false;
    log.error(
      { user: subscription.userId },
      "a second live subscription for one account: not recorded; staff cancel and refund one",
    );
    return true;
  }

  /**
   * Records the event once (unique by provider and event id) in the caller's transaction;
   * undefined when it was recorded before. The returned function sets its outcome.
   */
  async function recordOnce(
    tx: DbOrTx,
    event: RecordedEvent,
    summary: Record<string, unknown>,
  ): Promise<
    | ((
        outcome: SubscriptionEventOutcome,
        subscriptionId?: string,
      ) => Promise<SubscriptionEventOutcome>)
    | undefined
  > {
    const [recorded] = await tx
      .insert(paymentEvents)
      .values({
        provider: event.provider,
        providerEventId: event.eventId,
        type: event.type,
        outcome: "ignored",
        summary,
        eventCreatedAt: event.createdAt,
        receivedAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (recorded === undefined) return undefined;
    return async (outcome, subscriptionId) => {
      await tx
        .update(paymentEvents)
        .set({
          outcome,
          summary: {
            ...summary,
            ...(subscriptionId === undefined ? {} : { subscription_id: subscriptionId }),
          },
        })
        .where(eq(paymentEvents.id, recorded.id));
      return outcome;
    };
  }

  async function lockSubscription(
    tx: DbOrTx,
    provider: PaymentProviderName,
    providerSubscriptionId: string,
  ) {
    const [subscription] = await tx
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.provider, provider),
          eq(subscriptions.providerSubscriptionId, providerSubscriptionId),
        ),
      )
      .for("update");
    return subscription;
  }

  /** Stripe may deliver an invoice before its subscription: answered 503, Stripe retries. */
  function unknownSubscription(event: InvoicePaidEvent): never | "unknown" {
    if (event.provider !== "stripe") return "unknown";
    throw subscriptionsError(
      "subscription_not_recorded",
      "This invoice's subscription is not recorded yet; deliver the event again later.",
    );
  }

  const invoiceSummary = (event: InvoicePaidEvent) => ({
    subscription: event.providerSubscriptionId,
    invoice: event.invoiceId,
    amount_cents: event.amountCents,
    currency: event.currency,
  });

  async function applyInvoicePaid(event: InvoicePaidEvent) {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const record = await recordOnce(tx, event, invoiceSummary(event));
      if (record === undefined) return { outcome: "duplicate" as const };
      const subscription = await lockSubscription(tx, event.provider, event.providerSubscriptionId);
      if (subscription === undefined) {
        unknownSubscription(event);
        return { outcome: await record("unknown_subscription") };
      }
      const [invoice] = await tx
        .select()
        .from(subscriptionInvoices)
        .where(
          and(
            eq(subscriptionInvoices.provider, event.provider),
            eq(subscriptionInvoices.providerInvoiceId, event.invoiceId),
          ),
        )
        .for("update");
      if (invoice?.status === "paid") {
        return { outcome: await record("ignored", subscription.id) };
      }
      if (
        subscription.status === "incomplete" &&
        (await otherLive(tx, subscription)) !== undefined
      ) {
        // A second checkout paid while the first subscription lives: staff refund it.
        await tx
          .update(subscriptions)
          .set({ status: "incomplete_expired", updatedAt: now })
          .where(eq(subscriptions.id, subscription.id));
        log.warn(
          { subscription: subscription.id },
          "a second subscription was paid while one is live: not activated",
        );
        return { outcome: await record("subscription_exists", subscription.id) };
      }
      // A downgrade waiting for the period end takes effect with the next period's invoice
      // (whichever of it and Stripe's subscription update comes first).
      let productId = subscription.productId;
      const nextPeriod =
        subscription.currentPeriodEnd !== null &&
        event.periodStart.getTime() >= subscription.currentPeriodEnd.getTime();
      if (subscription.pendingPriceId !== null && nextPeriod) {
        const [pending] = await tx
          .select({ productId: prices.productId })
          .from(prices)
          .where(eq(prices.id, subscription.pendingPriceId));
        if (pending !== undefined) {
          productId = pending.productId;
          await tx
            .update(subscriptions)
            .set({
              priceId: subscription.pendingPriceId,
              productId,
              pendingPriceId: null,
              providerScheduleId: null,
            })
            .where(eq(subscriptions.id, subscription.id));
        }
      }
      const [plan] = await tx
        .select({ creditAmount: products.creditAmount, rollover: products.rolloverCredits })
        .from(products)
        .where(eq(products.id, productId));
      const creditAmount = plan?.creditAmount ?? 0;
      if (invoice === undefined) {
        await tx.insert(subscriptionInvoices).values({
          subscriptionId: subscription.id,
          provider: event.provider,
          providerInvoiceId: event.invoiceId,
          status: "paid",
          amountCents: event.amountCents,
          currency: event.currency,
          periodStart: event.periodStart,
          periodEnd: event.periodEnd,
          creditAmount,
          paidAt: now,
        });
      } else {
        await tx
          .update(subscriptionInvoices)
          .set({ status: "paid", creditAmount, paidAt: now })
          .where(eq(subscriptionInvoices.id, invoice.id));
      }
      const changed = new Set<string>();
      const rollover = plan?.rollover === true;
      if (!rollover) {
        // Earlier periods' credits end with them (and rolled-over ones, if staff turned it off),
        // upgrades' and complimentary ones included.
        const ended = await expireSubscriptionGrants(tx, credits, subscription, event.invoiceId);
        if (ended !== null) changed.add(ended);
      }
      if (creditAmount > 0) {
        const grant = await credits.grantForSource(tx, {
          userId: subscription.userId,
          kind: "subscription",
          amount: creditAmount,
          // Rolled-over credits stay while the subscription lives; its end expires them.
          expiresAt: rollover ? null : event.periodEnd,
          sourceType: INVOICE_SOURCE,
          sourceId: invoiceSourceId(event.provider, event.invoiceId),
          reason: `subscription ${subscription.id} invoice ${event.invoiceId}`,
        });
        changed.add(grant.accountId);
      }
      const newerPeriod =
        subscription.currentPeriodEnd === null ||
        event.periodEnd.getTime() >= subscription.currentPeriodEnd.getTime();
      await tx
        .update(subscriptions)
        .set({
          status: "active",
          ...(newerPeriod
            ? { currentPeriodStart: event.periodStart, currentPeriodEnd: event.periodEnd }
            : {}),
          syncedAt: now,
          updatedAt: now,
        })
        .where(eq(subscriptions.id, subscription.id));
      return { outcome: await record("applied", subscription.id), changed: [...changed] };
    });
  }

  async function applyState(event: SubscriptionStateEvent) {
    const now = clock.now();
    const snap = event.snapshot;
    return db.transaction(async (tx) => {
      const record = await recordOnce(tx, event, {
        subscription: snap.providerSubscriptionId,
        status: snap.status,
        cancel_at_period_end: snap.cancelAtPeriodEnd,
      });
      if (record === undefined) return { outcome: "duplicate" as const };
      const [price] =
        snap.providerPriceId === null
          ? []
          : await tx
              .select({ id: prices.id, productId: prices.productId })
              .from(prices)
              .where(eq(prices.providerPriceId, snap.providerPriceId));
      const current = await lockSubscription(tx, event.provider, snap.providerSubscriptionId);
      const fields = {
        status: snap.status,
        providerCustomerId: snap.customerId,
        currentPeriodStart: snap.periodStart,
        currentPeriodEnd: snap.periodEnd,
        cancelAtPeriodEnd: snap.cancelAtPeriodEnd,
        canceledAt: snap.canceledAt,
        ...(price === undefined ? {} : { priceId: price.id, productId: price.productId }),
        lastEventAt: event.createdAt,
        syncedAt: now,
        updatedAt: now,
      };
      if (current === undefined) {
        if (snap.userId === null || price === undefined) {
          log.warn(
            { subscription: snap.providerSubscriptionId },
            "a subscription without our user or a known price: not recorded",
          );
          return { outcome: await record("unknown_subscription") };
        }
        const [user] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.id, snap.userId));
        if (user === undefined) return { outcome: await record("unknown_subscription") };
        if (await secondLive(tx, { userId: user.id, id: null }, snap.status)) {
          return { outcome: await record("subscription_exists") };
        }
        const [created] = await tx
          .insert(subscriptions)
          .values({
            ...fields,
            userId: user.id,
            priceId: price.id,
            productId: price.productId,
            provider: event.provider,
            providerSubscriptionId: snap.providerSubscriptionId,
            createdAt: now,
          })
          .returning({ id: subscriptions.id });
        return { outcome: await record("applied", created?.id) };
      }
      // Stripe does not deliver in order: an older state never overwrites a newer one.
      if (current.lastEventAt !== null && event.createdAt < current.lastEventAt) {
        return { outcome: await record("ignored", current.id) };
      }
      if (await secondLive(tx, current, snap.status)) {
        return { outcome: await record("subscription_exists", current.id) };
      }
      // The pending downgrade happened (Stripe's schedule moved the subscription to it).
      const reachedPending = price?.id === current.pendingPriceId;
      await tx
        .update(subscriptions)
        .set({
          ...fields,
          ...(reachedPending ? { pendingPriceId: null, providerScheduleId: null } : {}),
        })
        .where(eq(subscriptions.id, current.id));
      const ended = (["canceled", "incomplete_expired"] as const).some((s) => s === snap.status);
      const changed = ended ? await expireAllCredits(tx, current) : null;
      return {
        outcome: await record("applied", current.id),
        changed: changed === null ? [] : [changed],
      };
    });
  }

  async function applyInvoiceFailed(event: InvoicePaidEvent) {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const record = await recordOnce(tx, event, invoiceSummary(event));
      if (record === undefined) return { outcome: "duplicate" as const };
      const subscription = await lockSubscription(tx, event.provider, event.providerSubscriptionId);
      if (subscription === undefined) {
        unknownSubscription(event);
        return { outcome: await record("unknown_subscription") };
      }
      const inserted = await tx
        .insert(subscriptionInvoices)
        .values({
          subscriptionId: subscription.id,
          provider: event.provider,
          providerInvoiceId: event.invoiceId,
          status: "payment_failed",
          amountCents: event.amountCents,
          currency: event.currency,
          periodStart: event.periodStart,
          periodEnd: event.periodEnd,
        })
        .onConflictDoNothing()
        .returning({ id: subscriptionInvoices.id });
      if (subscription.status === "active" || subscription.status === "trialing") {
        await tx
          .update(subscriptions)
          .set({ status: "past_due", syncedAt: now, updatedAt: now })
          .where(eq(subscriptions.id, subscription.id));
      }
      const [owner] = await tx
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, subscription.userId));
      return {
        outcome: await record("applied", subscription.id),
        // Once per invoice: a retried failure of the same invoice does not email again.
        notify: inserted.length > 0 ? owner?.email : undefined,
      };
    });
  }

  async function sendFailureEmail(to: string, event: InvoicePaidEvent) {
    try {
      await deps.mailer.send({
        to,
        subject: "Your Tollgate subscription payment failed",
        text: [
          "Hello,",
          "",
          `We could not collect ${formatMoney(event.amountCents, event.currency)} for your subscription.`,
          "Your plan stays active while the payment provider retries; please update your payment",
          `method: ${deps.publicBaseUrl}/`,
          "",
          "Tollgate",
        ].join("\n"),
      });
    } catch (error) {
      log.warn({ err: error }, "could not email a failed subscription payment");
    }
  }

  return {
    async invoiceFailed(event) {
      const result = await applyInvoiceFailed(event);
      if ("notify" in result && result.notify !== undefined) {
        await sendFailureEmail(result.notify, event);
      }
      return result.outcome;
    },

    async subscriptionState(event) {
      const result = await applyState(event);
      if ("changed" in result && result.changed !== undefined) {
        for (const accountId of result.changed) credits.balanceChanged(accountId);
      }
      return result.outcome;
    },

    async invoicePaid(event) {
      let result;
      try {
        result = await applyInvoicePaid(event);
      } catch (error) {
        // Two checkouts of one account paid at once: the one-live index refused the second;
        // applied again, it finds the first live and records subscription_exists.
        if (!isUniqueViolation(error)) throw error;
        result = await applyInvoicePaid(event);
      }
      if ("changed" in result && result.changed !== undefined) {
        for (const accountId of result.changed) credits.balanceChanged(accountId);
      }
      return result.outcome;
    },
  };
}
