import { and, eq, isNotNull, notInArray, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Clock } from "../platform/clock.js";
import type { Db, Tx } from "../platform/db/database.js";
import type { CatalogProvider, ProviderPrice, ProviderProduct } from "./catalog-provider.js";
import { prices, products, type Product, type ProductKind } from "./catalog.table.js";

export interface SyncCounts {
  created: number;
  updated: number;
  deactivated: number;
  /** Provider ids left out, with why (no kind, a price Tollgate cannot sell…). */
  skipped: { id: string; reason: string }[];
}

export interface SyncReport {
  readonly products: SyncCounts;
  readonly prices: SyncCounts;
}

const counts = (): SyncCounts => ({ created: 0, updated: 0, deactivated: 0, skipped: [] });

/** A valid slug from any text: `Pro Plan (2026)` → `pro-plan-2026`. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug === "" ? "product" : slug;
}

function kindOf(
  remote: ProviderProduct,
  local: Product | undefined,
  remotePrices: readonly ProviderPrice[],
): ProductKind | undefined {
  if (remote.kind !== undefined) return remote.kind;
  if (local !== undefined) return local.kind;
  if (remote.creditAmount !== undefined && remote.creditAmount !== null) return "credits";
  if (remotePrices.some((p) => p.interval === "month" || p.interval === "year")) {
    return "subscription";
  }
  return undefined;
}

async function freeSlug(tx: Tx, wanted: string, providerId: string): Promise<string> {
  const [taken] = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.slug, wanted));
  if (taken === undefined) return wanted;
  return `${wanted.slice(0, 60)}-${slugify(providerId.slice(-8))}`;
}

async function syncProducts(
  tx: Tx,
  remoteProducts: readonly ProviderProduct[],
  remotePrices: readonly ProviderPrice[],
  now: Date,
): Promise<SyncCounts> {
  const report = counts();
  for (const remote of remoteProducts) {
    const [byId] = await tx
      .select()
      .from(products)
      .where(eq(products.providerProductId, remote.id));
    let local = byId;
    if (local === undefined && remote.slug !== undefined) {
      [local] = await tx
        .select()
        .from(products)
        .where(and(eq(products.slug, remote.slug), sql`${products.providerProductId} is null`));
    }
    const kind = kindOf(
      remote,
      local,
      remotePrices.filter((p) => p.productId === remote.id),
    );
    if (kind === undefined) {
      report.skipped.push({
        id: remote.id,
        reason: "no tollgate_kind in its metadata and nothing to tell the kind by",
      });
      continue;
    }
    const creditAmount =
      remote.creditAmount !== undefined ? remote.creditAmount : (local?.creditAmount ?? null);
    if (kind === "credits" && creditAmount === null) {
      report.skipped.push({
        id: remote.id,
        reason: "a credit pack without tollgate_credit_amount",
      });
      continue;
    }
    const fields = {
      name: remote.name,
      description: remote.description,
      kind,
      creditAmount,
      isActive: remote.active,
      featureKeys: [...(remote.featureKeys ?? local?.featureKeys ?? [])],
      displayOrder: remote.displayOrder ?? local?.displayOrder ?? 0,
      providerProductId: remote.id,
    };
    if (local === undefined) {
      const slug = await freeSlug(tx, slugify(remote.slug ?? remote.name), remote.id);
      await tx.insert(products).values({ ...fields, slug, createdAt: now, updatedAt: now });
      report.created += 1;
      continue;
    }
    const changed =
      local.name !== fields.name ||
      local.description !== fields.description ||
      local.kind !== fields.kind ||
      local.creditAmount !== fields.creditAmount ||
      local.isActive !== fields.isActive ||
      local.displayOrder !== fields.displayOrder ||
      local.providerProductId !== fields.providerProductId ||
      local.featureKeys.join(",") !== fields.featureKeys.join(",");
    if (!changed) continue;
    await tx
      .update(products)
      .set({ ...fields, updatedAt: now })
      .where(eq(products.id, local.id));
    if (local.isActive && !fields.isActive) report.deactivated += 1;
    else report.updated += 1;
  }
  // Products Stripe no longer has: kept for their orders, no longer sold.
  const known = remoteProducts.map((p) => p.id);
  const gone = await tx
    .update(products)
    .set({ isActive: false, updatedAt: now })
    .where(
      and(
        isNotNull(products.providerProductId),
        eq(products.isActive, true),
        known.length === 0 ? undefined : notInArray(products.providerProductId, known),
      ),
    )
    .returning({ id: products.id });
  report.deactivated += gone.length;
  return report;
}

async function syncPrices(
  tx: Tx,
  remoteProducts: readonly ProviderProduct[],
  remotePrices: readonly ProviderPrice[],
  now: Date,
): Promise<SyncCounts> {
  const report = counts();
  const localProducts = await tx
    .select({ id: products.id, providerProductId: products.providerProductId })
    .from(products)
    .where(isNotNull(products.providerProductId));
  const productIdOf = new Map(localProducts.map((p) => [p.providerProductId, p.id]));
  for (const remote of remotePrices) {
    const productId = productIdOf.get(remote.productId);
    if (productId === undefined) continue;
    if (remote.unitAmountCents === null || remote.interval === null) {
      report.skipped.push({
        id: remote.id,
        reason: "not a fixed per-unit price with a one-time, monthly or yearly interval",
      });
      continue;
    }
    const [local] = await tx.select().from(prices).where(eq(prices.providerPriceId, remote.id));
    if (local === undefined) {
      await tx.insert(prices).values({
        productId,
        unitAmountCents: remote.unitAmountCents,
        currency: remote.currency,
        interval: remote.interval,
        isActive: remote.active,
        isDefault: false,
        providerPriceId: remote.id,
        createdAt: now,
        updatedAt: now,
      });
      report.created += 1;
    } else if (local.isActive !== remote.active) {
      await tx
        .update(prices)
        .set({
          isActive: remote.active,
          isDefault: remote.active && local.isDefault,
          updatedAt: now,
        })
        .where(eq(prices.id, local.id));
      if (remote.active) report.updated += 1;
      else report.deactivated += 1;
    }
  }
  const known = remotePrices.map((p) => p.id);
  const gone = await tx
    .update(prices)
    .set({ isActive: false, isDefault: false, updatedAt: now })
    .where(
      and(
        isNotNull(prices.providerPriceId),
        eq(prices.isActive, true),
        known.length === 0 ? undefined : notInArray(prices.providerPriceId, known),
      ),
    )
    .returning({ id: prices.id });
  report.deactivated += gone.length;

  // A product's default price in Stripe is its default here (one per product: clear, then set).
  for (const remote of remoteProducts) {
    if (remote.defaultPriceId === null) continue;
    const [wanted] = await tx
      .select()
      .from(prices)
      .where(and(eq(prices.providerPriceId, remote.defaultPriceId), eq(prices.isActive, true)));
    if (wanted === undefined || wanted.isDefault) continue;
    await tx
      .update(prices)
      .set({ isDefault: false, updatedAt: now })
      .where(and(eq(prices.productId, wanted.productId), eq(prices.isDefault, true)));
    await tx
      .update(prices)
      .set({ isDefault: true, updatedAt: now })
      .where(eq(prices.id, wanted.id));
    report.updated += 1;
  }
  return report;
}

/**
 * Imports the provider's catalog (Stripe is the source of truth): creates what is new, updates
 * what changed, deactivates what is gone. Reads everything first, then writes in one
 * transaction, so a sync applies whole or not at all; a second run changes nothing.
 */
export async function syncCatalog(deps: {
  db: Db;
  clock: Clock;
  provider: CatalogProvider;
  actor: Actor;
}): Promise<SyncReport> {
  const [remoteProducts, remotePrices] = await Promise.all([
    deps.provider.listProducts(),
    deps.provider.listPrices(),
  ]);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const report = {
      products: await syncProducts(tx, remoteProducts, remotePrices, now),
      prices: await syncPrices(tx, remoteProducts, remotePrices, now),
    };
    await recordAudit(tx, {
      actor: deps.actor,
      action: "catalog.sync",
      targetType: "catalog",
      targetId: "stripe",
      details: {
        products: { ...report.products, skipped: report.products.skipped.length },
        prices: { ...report.prices, skipped: report.prices.skipped.length },
      },
    });
    return report;
  });
}
