import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Millicredits } from "../credits/credit-amounts.js";
import type { Clock } from "../platform/clock.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { validationError, type FieldError } from "../platform/errors.js";
import { DEFAULT_PLANS, PLAN_LIMIT_KEYS, type DefaultPlan } from "../subscriptions/plans.js";
import {
  prices,
  products,
  type Price,
  type PriceInterval,
  type Product,
  type ProductKind,
} from "./catalog.table.js";
import type { CatalogProvider, ProviderProductInput } from "./catalog-provider.js";
import { syncCatalog, type SyncReport } from "./catalog-sync.js";
import { paymentsError } from "./payments.errors.js";

export interface ProductWithPrices extends Product {
  readonly prices: readonly Price[];
}

export interface NewProduct {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly kind: ProductKind;
  readonly creditAmount: Millicredits | null;
  readonly featureKeys: readonly string[];
  readonly limits: Record<string, number | null>;
  readonly rolloverCredits: boolean;
  readonly displayOrder: number;
  readonly isActive: boolean;
}

export type ProductPatch = Partial<Omit<NewProduct, "kind">>;

export interface NewPrice {
  readonly unitAmountCents: number;
  readonly currency: string;
  readonly interval: PriceInterval;
  readonly isDefault: boolean;
}

export interface PricePatch {
  readonly isActive?: boolean;
  readonly isDefault?: boolean;
}

function defaultPack(pack: (typeof DEFAULT_CREDIT_PACKS)[number]): NewProduct {
  return {
    name: pack.name,
    slug: pack.slug,
    description: `${pack.name} to spend on any service. Pay-as-you-go credits never expire.`,
    kind: "credits",
    creditAmount: pack.credits * 1000,
    featureKeys: [],
    limits: {},
    rolloverCredits: false,
    displayOrder: pack.order,
    isActive: true,
  };
}

function defaultPlan(plan: DefaultPlan): NewProduct {
  return {
    name: plan.name,
    slug: plan.slug,
    description: plan.description,
    kind: "subscription",
    creditAmount: plan.credits === null ? null : plan.credits * 1000,
    featureKeys: plan.featureKeys,
    limits: plan.limits,
    rolloverCredits: false,
    displayOrder: plan.order,
    isActive: true,
  };
}

/** A default product with its one default price. */
interface DefaultProduct {
  readonly product: NewProduct;
  readonly cents: number;
  readonly interval: PriceInterval;
}

function defaultProducts(): DefaultProduct[] {
  return [
    ...DEFAULT_CREDIT_PACKS.map((pack) => ({
      product: defaultPack(pack),
      cents: pack.cents,
      interval: "one_time" as const,
    })),
    ...DEFAULT_PLANS.map((plan) => ({
      product: defaultPlan(plan),
      cents: plan.monthlyCents,
      interval: "month" as const,
    })),
  ];
}

/** The default catalog: three credit packs (first start and `create-default-catalog`). */
export const DEFAULT_CREDIT_PACKS = [
  { slug: "credits-100", name: "100 credits", credits: 100, cents: 1_000, order: 10 },
  { slug: "credits-500", name: "500 credits", credits: 500, cents: 4_000, order: 20 },
  { slug: "credits-2000", name: "2,000 credits", credits: 2_000, cents: 12_000, order: 30 },
] as const;

export interface CatalogService {
  /** Active products with their active prices, by display order (the public catalog). */
  listActive(): Promise<ProductWithPrices[]>;
  findActiveBySlug(slug: string): Promise<ProductWithPrices | undefined>;
  /** Staff: every product (of a kind, active or not, when asked) with every price. */
  listAll(filter?: { kind?: ProductKind; isActive?: boolean }): Promise<ProductWithPrices[]>;
  get(productId: string): Promise<ProductWithPrices>;
  createProduct(product: NewProduct, actor: Actor): Promise<ProductWithPrices>;
  updateProduct(productId: string, patch: ProductPatch, actor: Actor): Promise<ProductWithPrices>;
  addPrice(productId: string, price: NewPrice, actor: Actor): Promise<Price>;
  updatePrice(priceId: string, patch: PricePatch, actor: Actor): Promise<Price>;
  /** An active price of an active product, for an order; undefined otherwise. */
  findPurchasable(priceId: string): Promise<{ price: Price; product: Product } | undefined>;
  /** Creates the default packs and plans that are missing (by slug); returns the slugs created. */
  createDefaults(): Promise<string[]>;
  /**
   * The defaults when the catalog has no product at all (a first start), or the missing ones
   * when it has no plan yet; never with Stripe.
   */
  createDefaultsIfEmpty(): Promise<string[]>;
  /** Imports Stripe's products and prices (the source of truth); audited. */
  syncFromProvider(actor: Actor): Promise<SyncReport>;
}

/**
 * The fields a product's kind requires or refuses, as field errors: a credit pack needs credits
 * (the table's CHECK backs it); a plan's limits are the known ones; only a plan rolls over.
 */
function requireFieldsOfKind(
  kind: ProductKind,
  fields: Pick<NewProduct, "creditAmount" | "limits" | "rolloverCredits">,
): void {
  const errors: FieldError[] = [];
  if (kind === "credits" && fields.creditAmount === null) {
    errors.push({
      field: "credit_amount",
      code: "required",
      message: "A credit pack needs credits.",
    });
  }
  if (kind === "subscription") {
    for (const key of Object.keys(fields.limits)) {
      if (!(PLAN_LIMIT_KEYS as readonly string[]).includes(key)) {
        errors.push({
          field: `limits.${key}`,
          code: "unknown_limit",
          message: `A plan's limits are ${PLAN_LIMIT_KEYS.join(", ")}.`,
        });
      }
    }
  } else if (fields.rolloverCredits) {
    errors.push({
      field: "rollover_credits",
      code: "not_a_plan",
      message: "Only a subscription plan's credits can roll over.",
    });
  }
  if (errors.length > 0) throw validationError(errors);
}

/** Plans are sold by the month or year, everything else once. */
function requireIntervalOfKind(kind: ProductKind, interval: PriceInterval): void {
  if ((kind === "subscription") === (interval !== "one_time")) return;
  throw validationError([
    {
      field: "interval",
      code: "invalid_for_kind",
      message:
        kind === "subscription"
          ? "A plan's price recurs: month or year."
          : "Only a subscription plan has a recurring price.",
    },
  ]);
}

function slugTakenError() {
  return paymentsError("slug_taken", "Another product has this slug.", {
    errors: [{ field: "slug", code: "taken", message: "Another product has this slug." }],
  });
}

async function withPrices(db: DbOrTx, rows: Product[], activeOnly: boolean) {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const priceRows = await db
    .select()
    .from(prices)
    .where(
      activeOnly
        ? and(inArray(prices.productId, ids), eq(prices.isActive, true))
        : inArray(prices.productId, ids),
    )
    .orderBy(asc(prices.unitAmountCents), asc(prices.createdAt));
  return rows.map((product) => ({
    ...product,
    prices: priceRows.filter((price) => price.productId === product.id),
  }));
}

export function createCatalogService(deps: {
  db: Db;
  clock: Clock;
  /** Stripe's catalog, when configured: products and prices are created there first. */
  provider?: CatalogProvider | undefined;
  log?: Logger;
}): CatalogService {
  const { db, clock, provider } = deps;

  /** A provider call; its failure is the caller's 502 and nothing here changes. */
  async function atProvider<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      deps.log?.warn({ err: error }, "the payment provider refused a catalog change");
      throw paymentsError(
        "payment_provider_error",
        "The payment provider did not accept the catalog change; nothing was changed.",
      );
    }
  }

  async function requireFreeSlug(slug: string, exceptId?: string) {
    const [taken] = await db
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          eq(products.slug, slug),
          exceptId === undefined ? undefined : sql`${products.id} <> ${exceptId}::uuid`,
        ),
      );
    if (taken !== undefined) throw slugTakenError();
  }

  /** The product's id at the provider, creating it there first when it has none yet. */
  async function providerProductOf(
    product: ProviderProductInput & { id: string; providerProductId: string | null },
  ): Promise<string | undefined> {
    if (provider === undefined) return undefined;
    if (product.providerProductId !== null) return product.providerProductId;
    const providerProductId = await atProvider(() =>
      provider.createProduct(product, `tollgate-product-${product.id}`),
    );
    await db
      .update(products)
      .set({ providerProductId, updatedAt: clock.now() })
      .where(eq(products.id, product.id));
    return providerProductId;
  }
  const productOrder = [asc(products.displayOrder), asc(products.name)] as const;

  async function get(productId: string): Promise<ProductWithPrices> {
    const rows = await db.select().from(products).where(eq(products.id, productId));
    const [found] = await withPrices(db, rows, false);
    if (found === undefined) throw paymentsError("product_not_found");
    return found;
  }

  function slugTaken(error: unknown): never {
    throw isUniqueViolation(error) ? slugTakenError() : error;
  }

  async function insertProduct(
    tx: DbOrTx,
    product: NewProduct & { id?: string; providerProductId?: string | null },
  ): Promise<Product> {
    const [row] = await tx
      .insert(products)
      .values({
        ...product,
        featureKeys: [...product.featureKeys],
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no product");
    return row;
  }

  /** Stripe first: a price's activity and the product's default price. */
  async function changeAtProvider(priceId: string, patch: PricePatch) {
    if (provider === undefined) return;
    const [row] = await db
      .select({ price: prices, product: products })
      .from(prices)
      .innerJoin(products, eq(products.id, prices.productId))
      .where(eq(prices.id, priceId));
    if (row === undefined) throw paymentsError("price_not_found");
    const providerPriceId = row.price.providerPriceId;
    if (providerPriceId === null) return;
    const isActive = patch.isActive;
    if (isActive !== undefined && isActive !== row.price.isActive) {
      await atProvider(() => provider.setPriceActive(providerPriceId, isActive));
    }
    const productId = row.product.providerProductId;
    if (patch.isDefault === true && productId !== null) {
      await atProvider(() => provider.setDefaultPrice(productId, providerPriceId));
    }
  }

  return {
    async listActive() {
      const rows = await db
        .select()
        .from(products)
        .where(eq(products.isActive, true))
        .orderBy(...productOrder);
      return withPrices(db, rows, true);
    },

    async findActiveBySlug(slug) {
      const rows = await db
        .select()
        .from(products)
        .where(and(eq(products.slug, slug), eq(products.isActive, true)));
      const [found] = await withPrices(db, rows, true);
      return found;
    },

    async listAll(filter = {}) {
      const rows = await db
        .select()
        .from(products)
        .where(
          and(
            filter.kind === undefined ? undefined : eq(products.kind, filter.kind),
            filter.isActive === undefined ? undefined : eq(products.isActive, filter.isActive),
          ),
        )
        .orderBy(...productOrder);
      return withPrices(db, rows, false);
    },

    get,

    async createProduct(product, actor) {
      requireFieldsOfKind(product.kind, product);
      const id = randomUUID();
      let providerProductId: string | null = null;
      if (provider !== undefined) {
        await requireFreeSlug(product.slug);
        providerProductId = await atProvider(() =>
          provider.createProduct(product, `tollgate-product-${id}`),
        );
      }
      const created = await db
        .transaction(async (tx) => {
          const row = await insertProduct(tx, { ...product, id, providerProductId });
          await recordAudit(tx, {
            actor,
            action: "catalog.product_created",
            targetType: "product",
            targetId: row.id,
            details: { slug: row.slug, kind: row.kind },
          });
          return row;
        })
        .catch(slugTaken);
      return { ...created, prices: [] };
    },

    async updateProduct(productId, patch, actor) {
      const current = await get(productId);
      const creditAmount =
        patch.creditAmount === undefined ? current.creditAmount : patch.creditAmount;
      requireFieldsOfKind(current.kind, {
        creditAmount,
        limits: patch.limits ?? current.limits,
        rolloverCredits: patch.rolloverCredits ?? current.rolloverCredits,
      });
      if (provider !== undefined) {
        if (patch.slug !== undefined) await requireFreeSlug(patch.slug, productId);
        const merged = { ...current, ...patch, creditAmount };
        const providerProductId = current.providerProductId;
        if (providerProductId === null) await providerProductOf(merged);
        else await atProvider(() => provider.updateProduct(providerProductId, merged));
      }
      await db
        .transaction(async (tx) => {
          await tx
            .update(products)
            .set({
              ...patch,
              featureKeys: undefined,
              ...(patch.featureKeys === undefined ? {} : { featureKeys: [...patch.featureKeys] }),
              updatedAt: clock.now(),
            })
            .where(eq(products.id, productId));
          await recordAudit(tx, {
            actor,
            action: "catalog.product_updated",
            targetType: "product",
            targetId: productId,
            details: { fields: Object.keys(patch).sort() },
          });
        })
        .catch(slugTaken);
      return get(productId);
    },

    async addPrice(productId, price, actor) {
      const product = await get(productId);
      requireIntervalOfKind(product.kind, price.interval);
      const providerProductId = await providerProductOf(product);
      let providerPriceId: string | null = null;
      if (provider !== undefined && providerProductId !== undefined) {
        const id = randomUUID();
        const created = await atProvider(() =>
          provider.createPrice({ providerProductId, ...price }, `tollgate-price-${id}`),
        );
        if (price.isDefault) {
          await atProvider(() => provider.setDefaultPrice(providerProductId, created));
        }
        providerPriceId = created;
      }
      return db.transaction(async (tx) => {
        // The new default replaces the old one (the partial unique index allows only one).
        if (price.isDefault) {
          await tx
            .update(prices)
            .set({ isDefault: false, updatedAt: clock.now() })
            .where(and(eq(prices.productId, productId), eq(prices.isDefault, true)));
        }
        const [row] = await tx
          .insert(prices)
          .values({ productId, ...price, providerPriceId })
          .returning();
        if (row === undefined) throw new Error("insert returned no price");
        await recordAudit(tx, {
          actor,
          action: "catalog.price_created",
          targetType: "price",
          targetId: row.id,
          details: {
            product_id: productId,
            unit_amount_cents: row.unitAmountCents,
            currency: row.currency,
            interval: row.interval,
          },
        });
        return row;
      });
    },

    async updatePrice(priceId, patch, actor) {
      if (provider !== undefined) await changeAtProvider(priceId, patch);
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(prices)
          .where(eq(prices.id, priceId))
          .for("update");
        if (current === undefined) throw paymentsError("price_not_found");
        const isActive = patch.isActive ?? current.isActive;
        const isDefault = patch.isDefault ?? current.isDefault;
        if (isDefault && isActive) {
          await tx
            .update(prices)
            .set({ isDefault: false, updatedAt: clock.now() })
            .where(
              and(
                eq(prices.productId, current.productId),
                eq(prices.isDefault, true),
                sql`${prices.id} <> ${priceId}`,
              ),
            );
        }
        const [row] = await tx
          .update(prices)
          .set({ isActive, isDefault, updatedAt: clock.now() })
          .where(eq(prices.id, priceId))
          .returning();
        if (row === undefined) throw paymentsError("price_not_found");
        await recordAudit(tx, {
          actor,
          action: "catalog.price_updated",
          targetType: "price",
          targetId: priceId,
          details: { is_active: isActive, is_default: isDefault },
        });
        return row;
      });
    },

    async findPurchasable(priceId) {
      const [row] = await db
        .select({ price: prices, product: products })
        .from(prices)
        .innerJoin(products, eq(products.id, prices.productId))
        .where(and(eq(prices.id, priceId), eq(prices.isActive, true), eq(products.isActive, true)));
      return row;
    },

    async createDefaultsIfEmpty() {
      // With Stripe the catalog comes from Stripe (sync) or staff; a start never calls Stripe.
      if (provider !== undefined) return [];
      const [any] = await db.select({ id: products.id }).from(products).limit(1);
      if (any === undefined) return this.createDefaults();
      // A catalog from before plans existed gets them once; plans staff retire stay retired.
      const [plan] = await db
        .select({ id: products.id })
        .from(products)
        .where(eq(products.kind, "subscription"))
        .limit(1);
      return plan === undefined ? this.createDefaults() : [];
    },

    async syncFromProvider(actor) {
      if (provider === undefined) {
        throw paymentsError(
          "provider_not_configured",
          "There is no catalog to sync from: set STRIPE_SECRET_KEY.",
        );
      }
      const [remoteProducts, remotePrices] = await atProvider(() =>
        Promise.all([provider.listProducts(), provider.listPrices()]),
      );
      return syncCatalog({ db, clock, actor, remoteProducts, remotePrices });
    },

    async createDefaults() {
      const created: string[] = [];
      for (const { product, cents, interval } of defaultProducts()) {
        const price = { unitAmountCents: cents, currency: "usd", interval, isDefault: true };
        if (provider !== undefined) {
          // Through Stripe first, as staff's products are; the operator's command is the actor.
          const [exists] = await db
            .select({ id: products.id })
            .from(products)
            .where(eq(products.slug, product.slug));
          if (exists !== undefined) continue;
          const row = await this.createProduct(product, null);
          await this.addPrice(row.id, price, null);
          created.push(product.slug);
          continue;
        }
        await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(products)
            .values({ ...product, featureKeys: [...product.featureKeys] })
            .onConflictDoNothing({ target: products.slug })
            .returning();
          if (row === undefined) return;
          await tx.insert(prices).values({ productId: row.id, ...price });
          created.push(product.slug);
        });
      }
      return created;
    },
  };
}
