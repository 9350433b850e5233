import { randomBytes } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Logger } from "pino";
import type { CreditsService } from "../credits/credits.service.js";
import type { Clock } from "../platform/clock.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { products } from "../payments/catalog.table.js";
import { paymentEvents, type PaymentProviderName } from "../payments/orders.table.js";
import {
  LIVE_STATUSES,
  subscriptionInvoices,
  subscriptions,
  type Subscription,
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

/** The source of a paid invoice's credit grant: once per invoice, whatever delivers it. */
export const INVOICE_SOURCE = "invoice";
export const invoiceSourceId = (provider: PaymentProviderName, invoiceId: string) =>
  `${provider}:${invoiceId}`;

export const localToken = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;

export interface SubscriptionEvents {
  /**
   * Records the event and applies the paid invoice in one transaction: the subscription becomes
   * active for the invoice's period, the plan's credits are granted once per invoice (expiring at
   * the period's end), and what is left of the earlier periods' credits expires; with
   * rollover_credits the credits do not expire with their period, only with the subscription.
   */
  invoicePaid(event: InvoicePaidEvent): Promise<SubscriptionEventOutcome>;
}

export function createSubscriptionEvents(deps: {
  db: Db;
  clock: Clock;
  credits: CreditsService;
  log: Logger;
}): SubscriptionEvents {
  const { db, clock, credits, log } = deps;

  async function otherLive(tx: DbOrTx, subscription: Subscription) {
    const [other] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.userId, subscription.userId),
          ne(subscriptions.id, subscription.id),
          inArray(subscriptions.status, [...LIVE_STATUSES]),
        ),
      );
    return other;
  }

  async function applyInvoicePaid(event: InvoicePaidEvent) {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [recorded] = await tx
        .insert(paymentEvents)
        .values({
          provider: event.provider,
          providerEventId: event.eventId,
          type: event.type,
          outcome: "ignored",
          summary: {
            subscription: event.providerSubscriptionId,
            invoice: event.invoiceId,
            amount_cents: event.amountCents,
            currency: event.currency,
          },
          eventCreatedAt: event.createdAt,
          receivedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: paymentEvents.id });
      if (recorded === undefined) return { outcome: "duplicate" as const };
      const record = async (outcome: SubscriptionEventOutcome, subscriptionId?: string) => {
        await tx
          .update(paymentEvents)
          .set({
            outcome,
            summary: {
              subscription: event.providerSubscriptionId,
              invoice: event.invoiceId,
              amount_cents: event.amountCents,
              currency: event.currency,
              ...(subscriptionId === undefined ? {} : { subscription_id: subscriptionId }),
            },
          })
          .where(eq(paymentEvents.id, recorded.id));
        return outcome;
      };

      const [subscription] = await tx
        .select()
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.provider, event.provider),
            eq(subscriptions.providerSubscriptionId, event.providerSubscriptionId),
          ),
        )
        .for("update");
      if (subscription === undefined) return { outcome: await record("unknown_subscription") };
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
      const [plan] = await tx
        .select({ creditAmount: products.creditAmount, rollover: products.rolloverCredits })
        .from(products)
        .where(eq(products.id, subscription.productId));
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
        // Earlier periods' credits end with them (and rolled-over ones, if staff turned it off).
        const earlier = await tx
          .select({ id: subscriptionInvoices.providerInvoiceId })
          .from(subscriptionInvoices)
          .where(
            and(
              eq(subscriptionInvoices.subscriptionId, subscription.id),
              ne(subscriptionInvoices.providerInvoiceId, event.invoiceId),
            ),
          );
        const ended = await credits.expireSourceGrants(tx, {
          sourceType: INVOICE_SOURCE,
          sourceIds: earlier.map((row) => invoiceSourceId(event.provider, row.id)),
        });
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

  return {
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
