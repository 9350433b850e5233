import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The editable half of an AI service (the code is the other half, in the registry). Created from
 * the code's defaults on first start, then the source of truth: staff change prices here.
 */
export const aiServices = pgTable(
  "ai_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** Credits a successful run costs, in millicredits (prepaid). */
    creditCostMilli: bigint("credit_cost_milli", { mode: "number" }).notNull(),
    /** Cents a successful run adds to the caller's billing period (postpaid). */
    priceCents: bigint("price_cents", { mode: "number" }).notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ai_services_name_key").on(t.name),
    check("ai_services_credit_cost_check", sql`${t.creditCostMilli} >= 0`),
    check("ai_services_price_cents_check", sql`${t.priceCents} >= 0`),
  ],
);

export type AiServiceRow = typeof aiServices.$inferSelect;
