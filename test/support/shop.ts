import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { createVerifiedUser } from "../factories/customers.js";
import type { TestApp } from "./app.js";
import { signIn } from "./sessions.js";

/** A DATA_DIR of the test's own under the system's temp dir, and its removal. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "tollgate-shop-"));
  return {
    dir,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Staff creates an active product of `kind` with one default one-time price; returns the ids. */
export async function createProductWithPrice(
  t: TestApp,
  staff: Record<string, string>,
  input: { kind: "digital" | "service"; name: string; amountCents: number },
): Promise<{ productId: string; priceId: string }> {
  const product = await t.app.inject({
    method: "POST",
    url: "/api/admin/catalog/products",
    headers: staff,
    payload: {
      name: input.name,
      slug: `${input.kind}-${randomUUID().slice(0, 8)}`,
      kind: input.kind,
    },
  });
  expect(product.statusCode).toBe(201);
  const productId = product.json<{ id: string }>().id;
  const price = await t.app.inject({
    method: "POST",
    url: `/api/admin/catalog/products/${productId}/prices`,
    headers: staff,
    payload: { unit_amount_cents: input.amountCents, currency: "usd", is_default: true },
  });
  expect(price.statusCode).toBe(201);
  return { productId, priceId: price.json<{ id: string }>().id };
}

/** The local checkout page's "Pay" button, as a browser submits it. */
export function pressPay(t: TestApp, checkoutPath: string) {
  return t.app.inject({
    method: "POST",
    url: `${checkoutPath}/pay`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: "",
  });
}

/**
 * A new verified buyer orders `priceId` and presses "Pay" on the local checkout page, over
 * HTTP, as the local provider's loop runs.
 */
export async function buyWithLocalProvider(
  t: TestApp,
  priceId: string,
): Promise<{
  userId: string;
  email: string;
  headers: Record<string, string>;
  orderId: string;
  checkoutPath: string;
}> {
  const { user } = await createVerifiedUser(t.services.db);
  const { headers } = await signIn(t, user.id);
  const created = await t.app.inject({
    method: "POST",
    url: "/api/account/orders/create",
    headers,
    payload: { price_id: priceId },
  });
  expect(created.statusCode).toBe(201);
  const { order, checkout_url } = created.json<{ order: { id: string }; checkout_url: string }>();
  const checkoutPath = new URL(checkout_url).pathname;
  expect((await pressPay(t, checkoutPath)).statusCode).toBe(303);
  return { userId: user.id, email: user.email, headers, orderId: order.id, checkoutPath };
}
