import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Singleton (id = 1): seeded from the environment on first use, then the source of truth. */
export const coreSettings = pgTable(
  "core_settings",
  {
    id: integer("id").primaryKey().default(1),
    costPerRequestCents: bigint("cost_per_request_cents", { mode: "number" }).notNull(),
    openaiModel: text("openai_model").notNull(),
    openaiTimeoutS: integer("openai_timeout_s").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("core_settings_singleton", sql`${t.id} = 1`),
    check("core_settings_cost_non_negative", sql`${t.costPerRequestCents} >= 0`),
    check("core_settings_timeout_range", sql`${t.openaiTimeoutS} between 1 and 300`),
  ],
);

export type CoreSettings = typeof coreSettings.$inferSelect;
