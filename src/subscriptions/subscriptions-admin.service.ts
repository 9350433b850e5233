import { and, count, desc, eq, ilike, inArray, like, or, type SQL } from "drizzle-orm";
import type { AuditEntry } from "../audit/audit-log.table.js";
import { listAudit } from "../audit/audit.queries.js";
import { creditGrants, type CreditGrant } from "../credits/credit-grants.table.js";
import { users } from "../customers/users.table.js";
import type { Db } from "../platform/db/database.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { prices, products } from "../payments/catalog.table.js";
import {
  COMPLIMENTARY_SOURCE,
  INVOICE_SOURCE,
  invoiceSourceId,
  PLAN_CHANGE_SOURCE,
} from "./subscription-events.js";
import { subscriptionsError } from "./subscriptions.errors.js";
import {
  subscriptionInvoices,
  subscriptions,
  type SubscriptionInvoice,
  type SubscriptionStatus,
} from "./subscriptions.table.js";
import {
  pendingPlanColumns,
  pendingPrices,
  pendingProducts,
  type SubscriptionView,
} from "./subscriptions.service.js";

export type AdminSubscription = SubscriptionView & { readonly userEmail: string };

export interface AdminSubscriptionDetail {
  readonly subscription: AdminSubscription;
  /** Newest period first. */
  readonly invoices: readonly SubscriptionInvoice[];
  /** The credit grants its paid invoices, upgrades and complimentary periods made, newest first. */
  readonly grants: readonly CreditGrant[];
  /** Staff's changes to it (cancellations, complimentary periods), newest first. */
  readonly audit: readonly AuditEntry[];
}

export interface SubscriptionSearch {
  readonly q?: string;
  readonly status?: SubscriptionStatus;
  /** A plan's slug. */
  readonly plan?: string;
  readonly page?: number;
}

export interface SubscriptionsAdmin {
  list(search: SubscriptionSearch): Promise<Listed<AdminSubscription>>;
  detail(id: string): Promise<AdminSubscriptionDetail>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A subscription or user id exactly, else part of the email or a provider id exactly. */
function searchOf(q: string): SQL | undefined {
  const text = q.trim();
  if (text === "") return undefined;
  if (UUID.test(text)) {
    const id = text.toLowerCase();
    return or(eq(subscriptions.id, id), eq(subscriptions.userId, id));
  }
  return or(
    ilike(users.email, `%${likeLiteral(text)}%`),
    eq(subscriptions.providerSubscriptionId, text),
    eq(subscriptions.providerCustomerId, text),
  );
}

/** Staff's read of every account's subscriptions: the projection, never the provider. */
export function createSubscriptionsAdmin(db: Db): SubscriptionsAdmin {
  const columns = {
    subscription: subscriptions,
    userEmail: users.email,
    plan: { id: products.id, slug: products.slug, name: products.name },
    price: {
      id: prices.id,
      unitAmountCents: prices.unitAmountCents,
      currency: prices.currency,
      interval: prices.interval,
    },
    pendingPlan: pendingPlanColumns,
  };
  const rows = () =>
    db
      .select(columns)
      .from(subscriptions)
      .innerJoin(users, eq(users.id, subscriptions.userId))
      .innerJoin(products, eq(products.id, subscriptions.productId))
      .innerJoin(prices, eq(prices.id, subscriptions.priceId))
      .leftJoin(pendingPrices, eq(pendingPrices.id, subscriptions.pendingPriceId))
      .leftJoin(pendingProducts, eq(pendingProducts.id, pendingPrices.productId));
  type Row = Awaited<ReturnType<typeof rows>>[number];
  const toView = (row: Row): AdminSubscription => ({
    ...row.subscription,
    userEmail: row.userEmail,
    plan: row.plan,
    price: row.price,
    pendingPlan: row.pendingPlan,
  });

  return {
    async list(search) {
      const where = and(
        search.q === undefined ? undefined : searchOf(search.q),
        search.status === undefined ? undefined : eq(subscriptions.status, search.status),
        search.plan === undefined ? undefined : eq(products.slug, search.plan),
      );
      const window = pageWindow(search.page);
      const [total] = await db
        .select({ n: count() })
        .from(subscriptions)
        .innerJoin(users, eq(users.id, subscriptions.userId))
        .innerJoin(products, eq(products.id, subscriptions.productId))
        .where(where);
      const found = await rows()
        .where(where)
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(window.limit)
        .offset(window.offset);
      return { page: window.page, count: total?.n ?? 0, rows: found.map(toView) };
    },

    async detail(id) {
      const [row] = await rows().where(eq(subscriptions.id, id));
      if (row === undefined) throw subscriptionsError("subscription_not_found");
      const subscription = toView(row);
      const invoices = await db
        .select()
        .from(subscriptionInvoices)
        .where(eq(subscriptionInvoices.subscriptionId, id))
        .orderBy(desc(subscriptionInvoices.periodStart), desc(subscriptionInvoices.createdAt));
      const sourceIds = invoices.map((invoice) =>
        invoiceSourceId(invoice.provider, invoice.providerInvoiceId),
      );
      const grants = await db
        .select()
        .from(creditGrants)
        .where(
          or(
            sourceIds.length === 0
              ? undefined
              : and(
                  eq(creditGrants.sourceType, INVOICE_SOURCE),
                  inArray(creditGrants.sourceId, sourceIds),
                ),
            and(
              inArray(creditGrants.sourceType, [PLAN_CHANGE_SOURCE, COMPLIMENTARY_SOURCE]),
              like(creditGrants.sourceId, `${id}:%`),
            ),
          ),
        )
        .orderBy(desc(creditGrants.createdAt));
      const audit = await listAudit(db, { targetId: id, limit: 50, offset: 0 });
      return { subscription, invoices, grants, audit: audit.rows };
    },
  };
}
