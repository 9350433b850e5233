import type { Readable } from "node:stream";
import { and, count, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import type { AssetStorage } from "./asset-storage.js";
import { downloadGrants, type DownloadGrant } from "./download-grants.table.js";
import { orders } from "./orders.table.js";
import { productAssets, type ProductAsset } from "./product-assets.table.js";
import { paymentsError } from "./payments.errors.js";

export type DownloadState = "available" | "expired" | "exhausted" | "revoked";

export type DownloadRow = DownloadGrant & {
  readonly asset: Pick<ProductAsset, "filename" | "contentType" | "sizeBytes">;
  readonly description: string;
  readonly state: DownloadState;
};

export interface DownloadsService {
  /** The user's download grants, newest first. */
  list(userId: string, page: number | undefined): Promise<Listed<DownloadRow>>;
  /**
   * Counts one download of the user's grant and opens its file: another user's grant is 404;
   * an expired or used-up one 410 download_expired, a revoked one 410 download_revoked.
   */
  download(
    userId: string,
    grantId: string,
  ): Promise<{ grant: DownloadGrant; asset: ProductAsset; file: Readable }>;
}

export function stateOf(grant: DownloadGrant, now: Date): DownloadState {
  if (grant.revokedAt !== null) return "revoked";
  if (grant.downloadCount >= grant.maxDownloads) return "exhausted";
  if (grant.expiresAt.getTime() <= now.getTime()) return "expired";
  return "available";
}

export function createDownloadsService(deps: {
  db: Db;
  clock: Clock;
  storage: AssetStorage;
}): DownloadsService {
  const { db, clock, storage } = deps;

  return {
    async list(userId, page) {
      const window = pageWindow(page);
      const [total] = await db
        .select({ n: count() })
        .from(downloadGrants)
        .where(eq(downloadGrants.userId, userId));
      const rows = await db
        .select({
          grant: downloadGrants,
          filename: productAssets.filename,
          contentType: productAssets.contentType,
          sizeBytes: productAssets.sizeBytes,
          description: orders.description,
        })
        .from(downloadGrants)
        .innerJoin(productAssets, eq(productAssets.id, downloadGrants.assetId))
        .innerJoin(orders, eq(orders.id, downloadGrants.orderId))
        .where(eq(downloadGrants.userId, userId))
        .orderBy(desc(downloadGrants.createdAt), desc(downloadGrants.id))
        .limit(window.limit)
        .offset(window.offset);
      const now = clock.now();
      return {
        page: window.page,
        count: total?.n ?? 0,
        rows: rows.map((r) => ({
          ...r.grant,
          asset: { filename: r.filename, contentType: r.contentType, sizeBytes: r.sizeBytes },
          description: r.description,
          state: stateOf(r.grant, now),
        })),
      };
    },

    async download(userId, grantId) {
      const now = clock.now();
      let opened: Readable | undefined;
      try {
        return await db.transaction(async (tx) => {
          // One statement decides and counts, so parallel downloads never pass the maximum.
          const [counted] = await tx
            .update(downloadGrants)
            .set({
              downloadCount: sql`${downloadGrants.downloadCount} + 1`,
              lastDownloadedAt: now,
            })
            .where(
              and(
                eq(downloadGrants.id, grantId),
                eq(downloadGrants.userId, userId),
                isNull(downloadGrants.revokedAt),
                lt(downloadGrants.downloadCount, downloadGrants.maxDownloads),
                gt(downloadGrants.expiresAt, now),
              ),
            )
            .returning();
          if (counted === undefined) {
            const [grant] = await tx
              .select()
              .from(downloadGrants)
              .where(and(eq(downloadGrants.id, grantId), eq(downloadGrants.userId, userId)));
            if (grant === undefined) throw paymentsError("download_not_found");
            if (grant.revokedAt !== null) {
              throw paymentsError(
                "download_revoked",
                "The order was refunded; its download ended.",
              );
            }
            throw paymentsError(
              "download_expired",
              stateOf(grant, now) === "exhausted"
                ? `All ${String(grant.maxDownloads)} downloads of this file were used.`
                : `This download expired at ${grant.expiresAt.toISOString()}.`,
            );
          }
          const [asset] = await tx
            .select()
            .from(productAssets)
            .where(eq(productAssets.id, counted.assetId));
          if (asset === undefined) throw new Error("a download grant's asset vanished");
          // Opened inside the transaction: a missing file rolls the count back.
          opened = await storage.open(asset.storageKey);
          return { grant: counted, asset, file: opened };
        });
      } catch (error) {
        opened?.destroy();
        throw error;
      }
    },
  };
}
