import { Type } from "typebox";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import type { DownloadGrant } from "./download-grants.table.js";
import type { DownloadRow } from "./downloads.service.js";
import type { ProductAsset } from "./product-assets.table.js";

export const AssetSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  product_id: Type.String({ format: "uuid" }),
  filename: Type.String({ description: "The name buyers download it under" }),
  content_type: Type.String(),
  size_bytes: Type.Integer(),
  sha256: Type.String({ description: "Hex SHA-256 of the bytes" }),
  uploaded_by: Nullable(Type.String({ format: "uuid" })),
  created_at: Timestamp,
});

export function assetJson(asset: ProductAsset) {
  return {
    id: asset.id,
    product_id: asset.productId,
    filename: asset.filename,
    content_type: asset.contentType,
    size_bytes: asset.sizeBytes,
    sha256: asset.sha256,
    uploaded_by: asset.uploadedBy,
    created_at: asset.createdAt.toISOString(),
  };
}

const grantProperties = {
  id: Type.String({ format: "uuid" }),
  order_id: Type.String({ format: "uuid" }),
  filename: Type.String(),
  max_downloads: Type.Integer(),
  download_count: Type.Integer(),
  remaining: Type.Integer({ description: "Downloads left before the grant is used up" }),
  expires_at: Timestamp,
  revoked_at: Nullable(Type.String({ format: "date-time", description: "Set by a full refund" })),
  last_downloaded_at: Nullable(Timestamp),
  created_at: Timestamp,
};

function grantJson(grant: DownloadGrant, filename: string) {
  return {
    id: grant.id,
    order_id: grant.orderId,
    filename,
    max_downloads: grant.maxDownloads,
    download_count: grant.downloadCount,
    remaining: Math.max(0, grant.maxDownloads - grant.downloadCount),
    expires_at: grant.expiresAt.toISOString(),
    revoked_at: grant.revokedAt?.toISOString() ?? null,
    last_downloaded_at: grant.lastDownloadedAt?.toISOString() ?? null,
    created_at: grant.createdAt.toISOString(),
  };
}

/** A grant as staff see it in an order's investigation. */
export const AdminDownloadSchema = Type.Object({
  ...grantProperties,
  asset_id: Type.String({ format: "uuid" }),
});

export function adminDownloadJson(grant: DownloadGrant & { filename: string }) {
  return { ...grantJson(grant, grant.filename), asset_id: grant.assetId };
}

export const DownloadSchema = Type.Object({
  ...grantProperties,
  description: Type.String({ description: "What was bought (the order's description)" }),
  content_type: Type.String(),
  size_bytes: Type.Integer(),
  state: Type.Unsafe<DownloadRow["state"]>({
    type: "string",
    enum: ["available", "expired", "exhausted", "revoked"],
    description: "available: GET …/file works; the others answer 410",
  }),
});

export function downloadJson(row: DownloadRow) {
  return {
    ...grantJson(row, row.asset.filename),
    description: row.description,
    content_type: row.asset.contentType,
    size_bytes: row.asset.sizeBytes,
    state: row.state,
  };
}
