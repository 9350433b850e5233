import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { multipartBody } from "../../test/support/multipart.js";
import {
  buyWithLocalProvider,
  createProductWithPrice,
  pressPay,
  tempDataDir,
} from "../../test/support/shop.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { auditLog } from "../audit/audit-log.table.js";
import { fixedClock } from "../platform/clock.js";
import { productAssets } from "./product-assets.table.js";

interface AssetJson {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
}
interface DownloadJson {
  id: string;
  order_id: string;
  filename: string;
  remaining: number;
  download_count: number;
  max_downloads: number;
  expires_at: string;
  revoked_at: string | null;
  state: string;
}

const ASSET_LIMIT = 4096;
const GUIDE = Buffer.from("%PDF-1.7 the guide\n".repeat(100));
const EXTRAS = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3, 255, 254]);

describe("digital products: files, download grants and their limits", () => {
  const data = tempDataDir();
  const clock = fixedClock("2026-03-01T10:00:00Z");
  let t: TestApp;
  let staff: Record<string, string>;
  let productId: string;
  let priceId: string;
  const assets: AssetJson[] = [];

  const upload = (id: string, body: ReturnType<typeof multipartBody>, headers = staff) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/catalog/products/${id}/assets`,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });

  const fileOf = (name: string, contentType: string, bytes: Buffer) =>
    multipartBody([{ name: "file", filename: name, contentType, data: bytes }]);

  const listDownloads = async (headers: Record<string, string>) => {
    const response = await t.app.inject({ method: "GET", url: "/api/account/downloads", headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ count: number; results: DownloadJson[] }>();
  };

  const fetchFile = (id: string, headers: Record<string, string>) =>
    t.app.inject({ method: "GET", url: `/api/account/downloads/${id}/file`, headers });

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: { DATA_DIR: data.dir, ASSET_MAX_BYTES: String(ASSET_LIMIT) },
    });
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
    ({ productId, priceId } = await createProductWithPrice(t, staff, {
      kind: "digital",
      name: "The Guide",
      amountCents: 1500,
    }));
    for (const [name, type, bytes] of [
      ["Guide (2nd ed.) – Ünïcode.pdf", "application/pdf", GUIDE],
      ["../../etc/extras.zip", "application/zip; charset=binary", EXTRAS],
    ] as const) {
      const response = await upload(productId, fileOf(name, type, bytes));
      expect(response.statusCode).toBe(201);
      assets.push(response.json<AssetJson>());
    }
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  /** A buyer's paid order of the guide, and its two downloads (guide first). */
  async function buyGuide() {
    const buyer = await buyWithLocalProvider(t, priceId);
    const listed = await listDownloads(buyer.headers);
    const guide = listed.results.find((d) => d.filename.endsWith(".pdf"));
    if (guide === undefined) throw new Error("no download of the guide");
    return { ...buyer, downloads: listed.results, guide };
  }

  it("lets staff only upload and list files", async () => {
    await expectStaffOnly(t, {
      method: "POST",
      url: `/api/admin/catalog/products/${productId}/assets`,
    });
    await expectStaffOnly(t, {
      method: "GET",
      url: `/api/admin/catalog/products/${productId}/assets`,
    });
  });

  it("stores files under random names, keeping the clean original name and type, audited", async () => {
    expect(assets[0]).toMatchObject({
      filename: "Guide (2nd ed.) – Ünïcode.pdf",
      content_type: "application/pdf",
      size_bytes: GUIDE.length,
    });
    expect(assets[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The path is dropped, the type's parameters too.
    expect(assets[1]).toMatchObject({ filename: "extras.zip", content_type: "application/zip" });
    const onDisk = readdirSync(join(data.dir, "assets"));
    expect(onDisk).toHaveLength(2);
    for (const name of onDisk) expect(name).toMatch(/^[0-9a-f]{32}$/);

    const listed = await t.app.inject({
      method: "GET",
      url: `/api/admin/catalog/products/${productId}/assets`,
      headers: staff,
    });
    expect(
      listed
        .json<{ results: AssetJson[] }>()
        .results.map((a) => a.id)
        .sort(),
    ).toEqual(assets.map((a) => a.id).sort());
    const audits = await t.services.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "catalog.asset_uploaded"));
    expect(audits.map((a) => a.targetId)).toEqual([productId, productId]);
  });

  it("refuses files that are too large, for other kinds of product, or not sent as a file part", async () => {
    const tooLarge = await upload(
      productId,
      fileOf("big.bin", "application/octet-stream", Buffer.alloc(ASSET_LIMIT + 1)),
    );
    expectProblem(tooLarge, 413, "file_too_large");
    // Exactly the limit is accepted.
    const atLimit = await upload(
      productId,
      fileOf("exact.bin", "application/octet-stream", Buffer.alloc(ASSET_LIMIT, 7)),
    );
    expect(atLimit.statusCode).toBe(201);
    const service = await createProductWithPrice(t, staff, {
      kind: "service",
      name: "A consultation",
      amountCents: 5000,
    });
    expectProblem(
      await upload(service.productId, fileOf("a.pdf", "application/pdf", GUIDE)),
      409,
      "product_not_digital",
    );
    expectProblem(
      await upload(
        "00000000-0000-4000-8000-000000000000",
        fileOf("a.pdf", "application/pdf", GUIDE),
      ),
      404,
      "product_not_found",
    );
    expectProblem(
      await upload(productId, multipartBody([{ name: "note", data: Buffer.from("hello") }])),
      400,
      "validation_error",
    );
    expectProblem(
      await upload(productId, multipartBody([{ name: "other", filename: "a.pdf", data: GUIDE }])),
      400,
      "validation_error",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/admin/catalog/products/${productId}/assets`,
        headers: { ...staff, "content-type": "application/json" },
        payload: { file: "x" },
      }),
      415,
      "unsupported_media_type",
    );
    // Nothing of the refused uploads stays on disk.
    expect(readdirSync(join(data.dir, "assets"))).toHaveLength(3);
  });

  it("grants each file of a paid order once, and streams its exact bytes as an attachment", async () => {
    const buyer = await buyGuide();
    expect(buyer.downloads).toHaveLength(3);
    expect(buyer.guide).toMatchObject({
      order_id: buyer.orderId,
      max_downloads: 5,
      download_count: 0,
      remaining: 5,
      state: "available",
      expires_at: "2026-03-31T10:00:00.000Z",
    });

    const file = await fetchFile(buyer.guide.id, buyer.headers);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(GUIDE)).toBe(true);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-length"]).toBe(String(GUIDE.length));
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="Guide (2nd ed.) _ _n_code.pdf"; ` +
        "filename*=UTF-8''Guide%20%282nd%20ed.%29%20%E2%80%93%20%C3%9Cn%C3%AFcode.pdf",
    );
    // A HEAD delivers nothing, so it counts nothing.
    const head = await t.app.inject({
      method: "HEAD",
      url: `/api/account/downloads/${buyer.guide.id}/file`,
      headers: buyer.headers,
    });
    expect(head.statusCode).toBeGreaterThanOrEqual(400);
    const after = (await listDownloads(buyer.headers)).results.find((d) => d.id === buyer.guide.id);
    expect(after).toMatchObject({ download_count: 1, remaining: 4 });

    // Pressing Pay again is another event for the same payment: no second set of grants.
    expect((await pressPay(t, buyer.checkoutPath)).statusCode).toBe(303);
    const again = await listDownloads(buyer.headers);
    expect(again.count).toBe(3);
  });

  it("answers 410 download_expired after the last allowed download", async () => {
    const buyer = await buyGuide();
    for (let i = 0; i < 5; i += 1) {
      expect((await fetchFile(buyer.guide.id, buyer.headers)).statusCode).toBe(200);
    }
    const sixth = expectProblem(
      await fetchFile(buyer.guide.id, buyer.headers),
      410,
      "download_expired",
    );
    expect(sixth.detail).toContain("5 downloads");
    const listed = (await listDownloads(buyer.headers)).results.find(
      (d) => d.id === buyer.guide.id,
    );
    expect(listed).toMatchObject({ remaining: 0, state: "exhausted" });
  });

  it("answers 410 download_expired once DOWNLOAD_TTL_DAYS have passed", async () => {
    const buyer = await buyGuide();
    try {
      clock.set("2026-03-31T09:59:59Z");
      const late = await signIn(t, buyer.userId);
      expect((await fetchFile(buyer.guide.id, late.headers)).statusCode).toBe(200);
      clock.set("2026-03-31T10:00:00Z");
      const expired = await signIn(t, buyer.userId);
      expectProblem(await fetchFile(buyer.guide.id, expired.headers), 410, "download_expired");
      const listed = await listDownloads(expired.headers);
      expect(listed.results.find((d) => d.id === buyer.guide.id)?.state).toBe("expired");
    } finally {
      clock.set("2026-03-01T10:00:00Z");
    }
  });

  it("never counts more downloads than allowed, however many run at once", async () => {
    const buyer = await buyGuide();
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => fetchFile(buyer.guide.id, buyer.headers)),
    );
    const statuses = replies.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(7);
    for (const reply of replies.filter((r) => r.statusCode === 200)) {
      expect(reply.rawPayload.equals(GUIDE)).toBe(true);
    }
    const listed = (await listDownloads(buyer.headers)).results.find(
      (d) => d.id === buyer.guide.id,
    );
    expect(listed?.download_count).toBe(5);
  });

  it("counts nothing when the file cannot be opened", async () => {
    const lost = await createProductWithPrice(t, staff, {
      kind: "digital",
      name: "Lost file",
      amountCents: 100,
    });
    const uploaded = await upload(lost.productId, fileOf("lost.txt", "text/plain", GUIDE));
    const [asset] = await t.services.db
      .select()
      .from(productAssets)
      .where(eq(productAssets.id, uploaded.json<AssetJson>().id));
    const buyer = await buyWithLocalProvider(t, lost.priceId);
    const [download] = (await listDownloads(buyer.headers)).results;
    await t.services.payments.assets.storage.delete(asset?.storageKey ?? "");
    expectProblem(await fetchFile(download?.id ?? "", buyer.headers), 500, "internal_error");
    const [after] = (await listDownloads(buyer.headers)).results;
    expect(after).toMatchObject({ download_count: 0, remaining: 5 });
  });

  it("refuses an upload whose declared length is over the limit before reading it", async () => {
    const body = fileOf("huge.bin", "application/octet-stream", Buffer.alloc(ASSET_LIMIT + 70_000));
    const refused = await upload(productId, body);
    expectProblem(refused, 413, "file_too_large");
    expect(refused.headers.connection).toBe("close");
  });

  it("refuses a body that runs past the limit outside the file part, keeping nothing", async () => {
    const before = readdirSync(join(data.dir, "assets")).length;
    const body = fileOf("small.txt", "text/plain", Buffer.from("small"));
    // Sent as a stream without Content-Length: only the bytes that arrive show the size.
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/admin/catalog/products/${productId}/assets`,
      headers: { ...staff, ...body.headers },
      payload: Readable.from([body.payload, Buffer.alloc(ASSET_LIMIT + 70_000, 0x20)]),
    });
    expectProblem(refused, 413, "file_too_large");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(join(data.dir, "assets"))).toHaveLength(before);
  });

  it("keeps downloads to their owner: another user's is 404 and not listed", async () => {
    const owner = await buyGuide();
    const { user } = await createVerifiedUser(t.services.db);
    const other = (await signIn(t, user.id)).headers;
    expectProblem(await fetchFile(owner.guide.id, other), 404, "download_not_found");
    expect((await listDownloads(other)).count).toBe(0);
    expectProblem(
      await fetchFile("00000000-0000-4000-8000-000000000000", owner.headers),
      404,
      "download_not_found",
    );
    expectProblem(
      await t.app.inject({ method: "GET", url: `/api/account/downloads/${owner.guide.id}/file` }),
      401,
      "not_authenticated",
    );
    // The owner's count did not move.
    const listed = (await listDownloads(owner.headers)).results.find(
      (d) => d.id === owner.guide.id,
    );
    expect(listed?.download_count).toBe(0);
  });

  it("ends the downloads on a full refund but not on a partial one, as staff's investigation shows", async () => {
    const refund = (orderId: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: `/api/admin/orders/${orderId}/refund`,
        headers: staff,
        payload,
      });
    const investigate = async (orderId: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/orders/${orderId}`,
        headers: staff,
      });
      expect(response.statusCode).toBe(200);
      return response.json<{ downloads: DownloadJson[] }>().downloads;
    };

    const buyer = await buyGuide();
    expect((await refund(buyer.orderId, { amount_cents: 500, reason: "late" })).statusCode).toBe(
      201,
    );
    expect((await fetchFile(buyer.guide.id, buyer.headers)).statusCode).toBe(200);
    expect((await investigate(buyer.orderId)).every((d) => d.revoked_at === null)).toBe(true);

    expect((await refund(buyer.orderId, { reason: "the rest" })).statusCode).toBe(201);
    expectProblem(await fetchFile(buyer.guide.id, buyer.headers), 410, "download_revoked");
    const downloads = await investigate(buyer.orderId);
    expect(downloads).toHaveLength(3);
    expect(downloads.find((d) => d.id === buyer.guide.id)).toMatchObject({
      download_count: 1,
      revoked_at: "2026-03-01T10:00:00.000Z",
    });
    expect((await listDownloads(buyer.headers)).results.every((d) => d.state === "revoked")).toBe(
      true,
    );
  });
});
