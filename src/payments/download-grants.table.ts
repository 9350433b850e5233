import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";
import { orders } from "./orders.table.js";
import { productAssets } from "./product-assets.table.js";

/**
 * The right to download one asset of a paid `digital` order: one grant per (order, asset), made
 * once by the order's fulfilment. `download_count` only grows, by one conditional UPDATE per
 * download, so parallel downloads never pass `max_downloads`.
 */
export const downloadGrants = pgTable(
  "download_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => productAssets.id, { onDelete: "restrict" }),
    maxDownloads: integer("max_downloads").notNull(),
    downloadCount: integer("download_count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set by a full refund of the order: no more downloads. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastDownloadedAt: timestamp("last_downloaded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("download_grants_order_asset_key").on(t.orderId, t.assetId),
    index("download_grants_user_created_idx").on(t.userId, t.createdAt),
    check(
      "download_grants_count_check",
      sql`${t.downloadCount} >= 0 and ${t.downloadCount} <= ${t.maxDownloads}`,
    ),
  ],
);

export type DownloadGrant = typeof downloadGrants.$inferSelect;
