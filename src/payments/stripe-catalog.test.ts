import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { startFakeStripe, type FakeStripe } from "../../test/support/fake-stripe.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { prices, products } from "./catalog.table.js";

interface ProductJson {
  id: string;
  slug: string;
  prices: { id: string; is_default: boolean; is_active: boolean }[];
}
interface Counts {
  created: number;
  updated: number;
  deactivated: number;
  skipped: { id: string; reason: string }[];
}

describe("the catalog with Stripe: created there first, synced back from it", () => {
  let stripe: FakeStripe;
  let t: TestApp;
  let staff: Record<string, string>;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp({
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.apiBase,
      },
    });
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url, headers: staff, payload });
  const sync = async () => {
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/admin/catalog/sync",
      headers: staff,
    });
    expect(reply.statusCode).toBe(200);
    return reply.json<{ products: Counts; prices: Counts }>();
  };
  const localProduct = async (providerId: string) =>
    (
      await t.services.db.select().from(products).where(eq(products.providerProductId, providerId))
    )[0];

  it("creates a product and its default price in Stripe first, then checks out with that price", async () => {
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual([]);
    const created = await post("/api/admin/catalog/products", {
      name: "250 credits",
      slug: "credits-250",
      kind: "credits",
      credit_amount: 250,
      display_order: 15,
    });
    expect(created.statusCode).toBe(201);
    const product = created.json<{ id: string; provider_product_id: string | null }>();
    const remote = stripe.objects.get(product.provider_product_id ?? "");
    expect(remote).toMatchObject({
      name: "250 credits",
      active: true,
      metadata: {
        tollgate_slug: "credits-250",
        tollgate_kind: "credits",
        tollgate_credit_amount: "250",
        tollgate_display_order: "15",
      },
    });

    const priced = await post(`/api/admin/catalog/products/${product.id}/prices`, {
      unit_amount_cents: 2500,
      currency: "usd",
      is_default: true,
    });
    expect(priced.statusCode).toBe(201);
    const price = priced.json<{ id: string; provider_price_id: string | null }>();
    expect(stripe.objects.get(price.provider_price_id ?? "")).toMatchObject({
      unit_amount: 2500,
      currency: "usd",
      product: product.provider_product_id,
    });
    expect(remote?.["default_price"]).toBe(price.provider_price_id);

    const { user } = await createVerifiedUser(t.services.db);
    const order = await t.app.inject({
      method: "POST",
      url: "/api/account/orders/create",
      headers: (await signIn(t, user.id)).headers,
      payload: { price_id: price.id },
    });
    expect(order.statusCode).toBe(201);
    const session = stripe.requests.filter((r) => r.path === "/v1/checkout/sessions").pop();
    expect(session?.form["line_items"]).toEqual([
      { price: price.provider_price_id, quantity: "1" },
    ]);

    // Deactivating a price deactivates it in Stripe too.
    await t.app.inject({
      method: "PATCH",
      url: `/api/admin/catalog/prices/${price.id}`,
      headers: staff,
      payload: { is_active: false },
    });
    expect(stripe.objects.get(price.provider_price_id ?? "")?.["active"]).toBe(false);
  });

  it("changes nothing here when Stripe refuses the product", async () => {
    stripe.failNext(400, "invalid_request_error");
    const refused = await post("/api/admin/catalog/products", {
      name: "Refused",
      slug: "refused-product",
      kind: "digital",
    });
    expectProblem(refused, 502, "payment_provider_error");
    const rows = await t.services.db
      .select()
      .from(products)
      .where(eq(products.slug, "refused-product"));
    expect(rows).toEqual([]);
  });

  it("imports Stripe's catalog, once, and deactivates what Stripe archives or no longer has", async () => {
    await sync();
    // Made in the Stripe dashboard: a pack, a plan, and a product that says nothing.
    const pack = {
      id: "prod_dashboard_pack",
      object: "product",
      name: "Mega pack",
      description: "Lots of credits",
      active: true,
      default_price: "price_dashboard_pack",
      metadata: { tollgate_kind: "credits", tollgate_credit_amount: "5000" },
    };
    const plan = {
      id: "prod_dashboard_plan",
      object: "product",
      name: "Pro Plan (2026)",
      description: null,
      active: true,
      default_price: null,
      metadata: {},
    };
    const mystery = { ...plan, id: "prod_mystery", name: "Mystery" };
    const price = (id: string, product: string, extra: Record<string, unknown> = {}) => ({
      id,
      object: "price",
      product,
      active: true,
      currency: "usd",
      unit_amount: 9900,
      billing_scheme: "per_unit",
      recurring: null,
      ...extra,
    });
    for (const object of [
      pack,
      plan,
      mystery,
      price("price_dashboard_pack", pack.id),
      price("price_dashboard_plan", plan.id, {
        recurring: { interval: "month" },
        unit_amount: 2900,
      }),
      price("price_dashboard_weekly", plan.id, { recurring: { interval: "week" } }),
      price("price_mystery", mystery.id),
    ]) {
      stripe.objects.set(object.id, object);
    }

    const first = await sync();
    expect(first.products).toMatchObject({ created: 2, updated: 0, deactivated: 0 });
    expect(first.products.skipped.map((s) => s.id)).toEqual(["prod_mystery"]);
    expect(first.prices).toMatchObject({ created: 2, updated: 1 });
    expect(first.prices.skipped.map((s) => s.id)).toEqual(["price_dashboard_weekly"]);
    expect(await localProduct(pack.id)).toMatchObject({
      slug: "mega-pack",
      kind: "credits",
      creditAmount: 5_000_000,
      isActive: true,
    });
    expect(await localProduct(plan.id)).toMatchObject({
      slug: "pro-plan-2026",
      kind: "subscription",
    });
    const [packPrice] = await t.services.db
      .select()
      .from(prices)
      .where(eq(prices.providerPriceId, "price_dashboard_pack"));
    expect(packPrice).toMatchObject({
      unitAmountCents: 9900,
      isDefault: true,
      interval: "one_time",
    });

    const again = await sync();
    expect(again.products).toMatchObject({ created: 0, updated: 0, deactivated: 0 });
    expect(again.prices).toMatchObject({ created: 0, updated: 0, deactivated: 0 });

    stripe.objects.set(pack.id, { ...pack, active: false, name: "Mega pack (retired)" });
    stripe.objects.delete(plan.id);
    stripe.objects.delete("price_dashboard_plan");
    const third = await sync();
    expect(third.products).toMatchObject({ created: 0, deactivated: 2 });
    expect(third.prices).toMatchObject({ deactivated: 1 });
    expect(await localProduct(pack.id)).toMatchObject({
      isActive: false,
      name: "Mega pack (retired)",
    });
    const publicSlugs = (await t.app.inject({ method: "GET", url: "/api/catalog/products" }))
      .json<{ results: ProductJson[] }>()
      .results.map((p) => p.slug);
    expect(publicSlugs).not.toContain("mega-pack");
    expect(publicSlugs).not.toContain("pro-plan-2026");

    const cli = await runCommand(t, ["sync-stripe-products"]);
    expect(cli.code).toBe(0);
    expect(cli.out.join("\n")).toContain(
      "products: 0 created, 0 updated, 0 deactivated, 1 skipped",
    );
  });

  it("answers 502 and changes nothing when Stripe's catalog cannot be read", async () => {
    stripe.failNext(400, "invalid_request_error", 2);
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/admin/catalog/sync",
      headers: staff,
    });
    expectProblem(reply, 502, "payment_provider_error");
  });
});

describe("syncing the catalog without Stripe", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("is refused clearly, by the API and the CLI", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/admin/catalog/sync",
      headers: (await signIn(t, user.id)).headers,
    });
    expectProblem(reply, 409, "provider_not_configured");
    const cli = await runCommand(t, ["sync-stripe-products"]);
    expect(cli.code).not.toBe(0);
    expect(cli.err.join("\n")).toContain("STRIPE_SECRET_KEY");
  });
});
