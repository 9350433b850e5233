import { and, asc, eq, isNull } from "drizzle-orm";
import type { Logger } from "pino";
import type { Tx } from "../platform/db/database.js";
import { downloadGrants } from "./download-grants.table.js";
import type { Order } from "./orders.table.js";
import { productAssets } from "./product-assets.table.js";

export interface DownloadSettings {
  /** Downloads allowed per asset (DOWNLOAD_MAX_COUNT). */
  readonly maxCount: number;
  /** Days the downloads stay open after the payment (DOWNLOAD_TTL_DAYS). */
  readonly ttlDays: number;
}

const DAY_MS = 86_400_000;

/**
 * A paid digital order's downloads: one grant per asset its product has now, keyed by
 * (order, asset), so a replayed payment grants nothing twice. Assets added to the product
 * later are not granted to earlier buyers. In the payment event's transaction.
 */
export async function grantDownloads(
  tx: Tx,
  order: Order,
  settings: DownloadSettings,
  now: Date,
  log: Logger,
): Promise<number> {
  if (order.productId === null) return 0;
  const assets = await tx
    .select({ id: productAssets.id })
    .from(productAssets)
    .where(eq(productAssets.productId, order.productId))
    .orderBy(asc(productAssets.createdAt), asc(productAssets.id));
  if (assets.length === 0) {
    log.warn({ order: order.id }, "a digital order was paid for a product with no files");
    return 0;
  }
  const granted = await tx
    .insert(downloadGrants)
    .values(
      assets.map((asset) => ({
        orderId: order.id,
        userId: order.userId,
        assetId: asset.id,
        maxDownloads: settings.maxCount,
        expiresAt: new Date(now.getTime() + settings.ttlDays * DAY_MS),
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: downloadGrants.id });
  return granted.length;
}

/** A full refund: the order's downloads end. Returns how many were still open. */
export async function revokeDownloads(tx: Tx, orderId: string, now: Date): Promise<number> {
  const revoked = await tx
    .update(downloadGrants)
    .set({ revokedAt: now })
    .where(and(eq(downloadGrants.orderId, orderId), isNull(downloadGrants.revokedAt)))
    .returning({ id: downloadGrants.id });
  return revoked.length;
}
