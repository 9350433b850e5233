import { Type } from "typebox";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import type { ProductWithPrices } from "./catalog.service.js";
import type { Price } from "./catalog.table.js";

export const ProductKindSchema = Type.Union([
  Type.Literal("credits"),
  Type.Literal("digital"),
  Type.Literal("service"),
  Type.Literal("subscription"),
]);

export const IntervalSchema = Type.Union([
  Type.Literal("one_time"),
  Type.Literal("month"),
  Type.Literal("year"),
]);

export const PublicPrice = Type.Object({
  id: Type.String({ format: "uuid" }),
  unit_amount_cents: Type.Integer(),
  currency: Type.String({ description: "ISO 4217, lower-case" }),
  interval: IntervalSchema,
  is_default: Type.Boolean(),
});

export const AdminPrice = Type.Object({
  ...PublicPrice.properties,
  product_id: Type.String({ format: "uuid" }),
  is_active: Type.Boolean(),
  provider_price_id: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: "date-time" }),
  updated_at: Type.String({ format: "date-time" }),
});

const productProperties = {
  id: Type.String({ format: "uuid" }),
  name: Type.String(),
  slug: Type.String(),
  description: Type.String(),
  kind: ProductKindSchema,
  credit_amount: Type.Union([Credits("Credits a pack (or a plan, per period) gives"), Type.Null()]),
  feature_keys: Type.Array(Type.String()),
  limits: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]), {
    description:
      "A plan's limits: tokens_per_month, posts_per_month, workspaces, members, " +
      "requests_per_minute; null (or absent) is unlimited",
  }),
  rollover_credits: Type.Boolean({
    description: "Plans: a period's unspent credits stay valid after it ends",
  }),
  display_order: Type.Integer(),
};

export const PublicProduct = Type.Object({
  ...productProperties,
  prices: Type.Array(PublicPrice),
});

export const AdminProduct = Type.Object({
  ...productProperties,
  is_active: Type.Boolean(),
  provider_product_id: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: "date-time" }),
  updated_at: Type.String({ format: "date-time" }),
  prices: Type.Array(AdminPrice),
});

export function publicPriceJson(price: Price) {
  return {
    id: price.id,
    unit_amount_cents: price.unitAmountCents,
    currency: price.currency,
    interval: price.interval,
    is_default: price.isDefault,
  };
}

export function adminPriceJson(price: Price) {
  return {
    ...publicPriceJson(price),
    product_id: price.productId,
    is_active: price.isActive,
    provider_price_id: price.providerPriceId,
    created_at: price.createdAt.toISOString(),
    updated_at: price.updatedAt.toISOString(),
  };
}

function productBase(product: ProductWithPrices) {
  return {
    id: product.id,
    name: product.name,
    slug: product.slug,
    description: product.description,
    kind: product.kind,
    credit_amount: product.creditAmount === null ? null : toCredits(product.creditAmount),
    feature_keys: [...product.featureKeys],
    limits: product.limits,
    rollover_credits: product.rolloverCredits,
    display_order: product.displayOrder,
  };
}

export function publicProductJson(product: ProductWithPrices) {
  return { ...productBase(product), prices: product.prices.map(publicPriceJson) };
}

export function adminProductJson(product: ProductWithPrices) {
  return {
    ...productBase(product),
    is_active: product.isActive,
    provider_product_id: product.providerProductId,
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
    prices: product.prices.map(adminPriceJson),
  };
}

const SyncCountsSchema = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  deactivated: Type.Integer(),
  skipped: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
});

export const SyncReportSchema = Type.Object({
  products: SyncCountsSchema,
  prices: SyncCountsSchema,
});
