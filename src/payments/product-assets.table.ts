import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";
import { products } from "./catalog.table.js";

/**
 * A file a `digital` product delivers; a product may have several. The bytes live in the asset
 * storage under `storage_key` (a random id, never the uploaded name); the name and type the
 * buyer gets are kept here.
 */
export const productAssets = pgTable(
  "product_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    storageKey: text("storage_key").notNull(),
    /** The uploaded file's name, cleaned of paths and control characters. */
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** Hex SHA-256 of the bytes, to check a copy or a move between storages. */
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_assets_storage_key_key").on(t.storageKey),
    index("product_assets_product_idx").on(t.productId, t.createdAt),
    check("product_assets_size_check", sql`${t.sizeBytes} >= 0`),
  ],
);

export type ProductAsset = typeof productAssets.$inferSelect;
