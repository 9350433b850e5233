import { asc, eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import type { AssetStorage } from "./asset-storage.js";
import type { StoredUpload } from "./asset-upload.js";
import { products } from "./catalog.table.js";
import { productAssets, type ProductAsset } from "./product-assets.table.js";
import { paymentsError } from "./payments.errors.js";

export interface AssetsService {
  readonly storage: AssetStorage;
  /** Throws product_not_found, or product_not_digital: only digital products have files. */
  assertDigitalProduct(productId: string): Promise<void>;
  /** Records a stored upload as the product's file (audited); the bytes are removed on failure. */
  add(actor: Actor, productId: string, file: StoredUpload): Promise<ProductAsset>;
  /** The product's files, oldest first; product_not_found for an unknown product. */
  list(productId: string): Promise<ProductAsset[]>;
}

export function createAssetsService(deps: {
  db: Db;
  clock: Clock;
  storage: AssetStorage;
}): AssetsService {
  const { db, clock, storage } = deps;

  async function kindOf(productId: string) {
    const [product] = await db
      .select({ kind: products.kind })
      .from(products)
      .where(eq(products.id, productId));
    if (product === undefined) throw paymentsError("product_not_found");
    return product.kind;
  }

  return {
    storage,

    async assertDigitalProduct(productId) {
      const kind = await kindOf(productId);
      if (kind !== "digital") {
        throw paymentsError(
          "product_not_digital",
          `Files belong to digital products; this product is of kind ${kind}.`,
        );
      }
    },

    async add(actor, productId, file) {
      try {
        return await db.transaction(async (tx) => {
          const [product] = await tx
            .select({ kind: products.kind })
            .from(products)
            .where(eq(products.id, productId))
            .for("share");
          if (product === undefined) throw paymentsError("product_not_found");
          if (product.kind !== "digital") throw paymentsError("product_not_digital");
          const [asset] = await tx
            .insert(productAssets)
            .values({
              productId,
              storageKey: file.key,
              filename: file.filename,
              contentType: file.contentType,
              sizeBytes: file.sizeBytes,
              sha256: file.sha256,
              uploadedBy: actor?.id ?? null,
              createdAt: clock.now(),
            })
            .returning();
          if (asset === undefined) throw new Error("insert returned no asset");
          await recordAudit(tx, {
            actor,
            action: "catalog.asset_uploaded",
            targetType: "product",
            targetId: productId,
            details: {
              asset_id: asset.id,
              filename: asset.filename,
              content_type: asset.contentType,
              size_bytes: asset.sizeBytes,
              sha256: asset.sha256,
            },
          });
          return asset;
        });
      } catch (error) {
        await storage.delete(file.key);
        throw error;
      }
    },

    async list(productId) {
      await kindOf(productId);
      return db
        .select()
        .from(productAssets)
        .where(eq(productAssets.productId, productId))
        .orderBy(asc(productAssets.createdAt), asc(productAssets.id));
    },
  };
}
