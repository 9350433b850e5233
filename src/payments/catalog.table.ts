import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** `subscription` products are plans (the subscriptions issue); the rest are sold once. */
export const productKind = pgEnum("product_kind", [
  "credits",
  "digital",
  "service",
  "subscription",
]);
export type ProductKind = (typeof productKind.enumValues)[number];

export const priceInterval = pgEnum("price_interval", ["one_time", "month", "year"]);
export type PriceInterval = (typeof priceInterval.enumValues)[number];

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    kind: productKind("kind").notNull(),
    /** Millicredits a credit pack (or a plan, per period) gives; null for other kinds. */
    creditAmount: bigint("credit_amount", { mode: "number" }),
    featureKeys: text("feature_keys")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    limits: jsonb("limits").$type<Record<string, number | null>>().notNull().default({}),
    /** Plans only: whether a period's unspent credits stay valid after it ends. */
    rolloverCredits: boolean("rollover_credits").notNull().default(false),
    displayOrder: integer("display_order").notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
    providerProductId: text("provider_product_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    uniqueIndex("products_provider_product_id_key").on(t.providerProductId),
    check("products_credit_amount_check", sql`${t.creditAmount} is null or ${t.creditAmount} > 0`),
    check(
      "products_credits_kind_check",
      sql`${t.kind} <> 'credits' or ${t.creditAmount} is not null`,
    ),
  ],
);

export type Product = typeof products.$inferSelect;

export const prices = pgTable(
  "prices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    unitAmountCents: integer("unit_amount_cents").notNull(),
    currency: text("currency").notNull(),
    interval: priceInterval("interval").notNull().default("one_time"),
    isDefault: boolean("is_default").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
    providerPriceId: text("provider_price_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("prices_product_idx").on(t.productId),
    uniqueIndex("prices_provider_price_id_key").on(t.providerPriceId),
    // At most one active default price per product.
    uniqueIndex("prices_one_default_key")
      .on(t.productId)
      .where(sql`${t.isDefault} and ${t.isActive}`),
    check("prices_unit_amount_check", sql`${t.unitAmountCents} >= 0`),
    check("prices_currency_check", sql`${t.currency} ~ '^[a-z]{3}$'`),
  ],
);

export type Price = typeof prices.$inferSelect;
