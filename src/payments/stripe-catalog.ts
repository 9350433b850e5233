import type Stripe from "stripe";
import { toCredits, type Millicredits } from "../credits/credit-amounts.js";
import { productKind, type PriceInterval, type ProductKind } from "./catalog.table.js";
import type {
  CatalogProvider,
  ProviderPrice,
  ProviderProduct,
  ProviderProductInput,
} from "./catalog-provider.js";

/** Tollgate's fields on a Stripe product, in its metadata (editable in the dashboard). */
const META = {
  slug: "tollgate_slug",
  kind: "tollgate_kind",
  credits: "tollgate_credit_amount",
  features: "tollgate_feature_keys",
  order: "tollgate_display_order",
} as const;

function metadataOf(product: ProviderProductInput): Record<string, string> {
  return {
    [META.slug]: product.slug,
    [META.kind]: product.kind,
    // Empty unsets a Stripe metadata key.
    [META.credits]: product.creditAmount === null ? "" : String(toCredits(product.creditAmount)),
    [META.features]: product.featureKeys.join(","),
    [META.order]: String(product.displayOrder),
  };
}

function creditsOf(text: string | undefined): Millicredits | null | undefined {
  if (text === undefined) return undefined;
  if (text === "") return null;
  const credits = Number(text);
  return Number.isFinite(credits) && credits > 0 ? Math.round(credits * 1000) : undefined;
}

function productOf(product: Stripe.Product): ProviderProduct {
  const meta = product.metadata;
  const kind = meta[META.kind];
  const order = meta[META.order] === undefined ? undefined : Number(meta[META.order]);
  const features = meta[META.features];
  return {
    id: product.id,
    name: product.name,
    description: product.description ?? "",
    active: product.active,
    defaultPriceId:
      product.default_price === null || product.default_price === undefined
        ? null
        : typeof product.default_price === "string"
          ? product.default_price
          : product.default_price.id,
    slug: meta[META.slug],
    kind: (productKind.enumValues as readonly string[]).includes(kind ?? "")
      ? (kind as ProductKind)
      : undefined,
    creditAmount: creditsOf(meta[META.credits]),
    featureKeys:
      features === undefined ? undefined : features.split(",").filter((key) => key !== ""),
    displayOrder: order !== undefined && Number.isSafeInteger(order) ? order : undefined,
  };
}

function priceOf(price: Stripe.Price): ProviderPrice {
  const recurring = price.recurring?.interval;
  const interval: PriceInterval | null =
    price.recurring === null
      ? "one_time"
      : recurring === "month"
        ? "month"
        : recurring === "year"
          ? "year"
          : null;
  return {
    id: price.id,
    productId: typeof price.product === "string" ? price.product : price.product.id,
    active: price.active,
    unitAmountCents:
      price.billing_scheme === "per_unit" && price.unit_amount !== null ? price.unit_amount : null,
    currency: price.currency,
    interval,
  };
}

export function createStripeCatalog(stripe: Stripe): CatalogProvider {
  return {
    async createProduct(product, idempotencyKey) {
      const created = await stripe.products.create(
        {
          name: product.name,
          ...(product.description === "" ? {} : { description: product.description }),
          active: product.isActive,
          metadata: metadataOf(product),
        },
        { idempotencyKey },
      );
      return created.id;
    },
    async updateProduct(id, product) {
      await stripe.products.update(id, {
        name: product.name,
        description: product.description,
        active: product.isActive,
        metadata: metadataOf(product),
      });
    },
    async createPrice(price, idempotencyKey) {
      const created = await stripe.prices.create(
        {
          product: price.providerProductId,
          unit_amount: price.unitAmountCents,
          currency: price.currency,
          ...(price.interval === "one_time" ? {} : { recurring: { interval: price.interval } }),
        },
        { idempotencyKey },
      );
      return created.id;
    },
    async setPriceActive(id, active) {
      await stripe.prices.update(id, { active });
    },
    async setDefaultPrice(productId, priceId) {
      await stripe.products.update(productId, { default_price: priceId });
    },
    async listProducts() {
      const all: ProviderProduct[] = [];
      for await (const product of stripe.products.list({ limit: 100 }))
        all.push(productOf(product));
      return all;
    },
    async listPrices() {
      const all: ProviderPrice[] = [];
      for await (const price of stripe.prices.list({ limit: 100 })) all.push(priceOf(price));
      return all;
    },
  };
}
