import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { DEFAULT_CREDIT_PACKS } from "./catalog.service.js";

interface PriceJson {
  id: string;
  unit_amount_cents: number;
  currency: string;
  interval: string;
  is_default: boolean;
  is_active?: boolean;
}
interface ProductJson {
  id: string;
  slug: string;
  kind: string;
  credit_amount: number | null;
  prices: PriceJson[];
}

describe("the product catalog", () => {
  let t: TestApp;
  let staff: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => t.close());

  async function publicProducts(): Promise<ProductJson[]> {
    const response = await t.app.inject({ method: "GET", url: "/api/catalog/products" });
    expect(response.statusCode).toBe(200);
    return response.json<{ results: ProductJson[] }>().results;
  }

  it("creates the default credit packs once, on an empty catalog only", async () => {
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual(
      DEFAULT_CREDIT_PACKS.map((p) => p.slug),
    );
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual([]);
    expect(await t.services.payments.catalog.createDefaults()).toEqual([]);
    const products = await publicProducts();
    expect(products.map((p) => [p.slug, p.credit_amount, p.prices[0]?.unit_amount_cents])).toEqual([
      ["credits-100", 100, 1000],
      ["credits-500", 500, 4000],
      ["credits-2000", 2000, 12000],
    ]);
    const one = await t.app.inject({ method: "GET", url: "/api/catalog/products/credits-500" });
    expect(one.statusCode).toBe(200);
    expect(one.json<ProductJson>().prices).toHaveLength(1);
  });

  it("lets staff create a product and prices, keeping one default, and hides inactive ones", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/catalog/products",
      headers: staff,
      payload: {
        name: "Prompt handbook",
        slug: "prompt-handbook",
        kind: "digital",
        description: "A PDF.",
        feature_keys: ["handbook"],
        display_order: 5,
      },
    });
    expect(created.statusCode).toBe(201);
    const product = created.json<ProductJson>();
    const addPrice = (payload: object) =>
      t.app.inject({
        method: "POST",
        url: `/api/admin/catalog/products/${product.id}/prices`,
        headers: staff,
        payload,
      });
    const firstReply = await addPrice({
      unit_amount_cents: 900,
      currency: "usd",
      is_default: true,
    });
    const first = firstReply.json<PriceJson>();
    const secondReply = await addPrice({
      unit_amount_cents: 1200,
      currency: "eur",
      is_default: true,
    });
    expect(secondReply.statusCode).toBe(201);
    const second = secondReply.json<PriceJson>();

    let listed = (await publicProducts()).find((p) => p.slug === "prompt-handbook");
    expect(listed?.prices.map((p) => [p.id, p.is_default])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);

    // Making the first default again takes it from the second; deactivating hides a price.
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/catalog/prices/${first.id}`,
      headers: staff,
      payload: { is_default: true },
    });
    expect(patch.json()).toMatchObject({ is_default: true, is_active: true });
    await t.app.inject({
      method: "PATCH",
      url: `/api/admin/catalog/prices/${second.id}`,
      headers: staff,
      payload: { is_active: false },
    });
    listed = (await publicProducts()).find((p) => p.slug === "prompt-handbook");
    expect(listed?.prices.map((p) => [p.id, p.is_default])).toEqual([[first.id, true]]);

    await t.app.inject({
      method: "PATCH",
      url: `/api/admin/catalog/products/${product.id}`,
      headers: staff,
      payload: { is_active: false },
    });
    expect((await publicProducts()).some((p) => p.slug === "prompt-handbook")).toBe(false);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/catalog/products/prompt-handbook" }),
      404,
      "product_not_found",
    );
    const all = await t.app.inject({
      method: "GET",
      url: "/api/admin/catalog/products",
      headers: staff,
    });
    const hidden = all
      .json<{ results: (ProductJson & { is_active: boolean })[] }>()
      .results.find((p) => p.slug === "prompt-handbook");
    expect(hidden?.is_active).toBe(false);
    expect(hidden?.prices).toHaveLength(2);
    const productsWhere = async (query: string) => {
      const listed = await t.app.inject({
        method: "GET",
        url: `/api/admin/catalog/products?${query}`,
        headers: staff,
      });
      expect(listed.statusCode).toBe(200);
      return listed.json<{ results: (ProductJson & { kind: string; is_active: boolean })[] }>()
        .results;
    };
    const inactive = await productsWhere("is_active=false");
    expect(inactive.map((p) => p.slug)).toContain("prompt-handbook");
    expect(inactive.every((p) => !p.is_active)).toBe(true);
    expect((await productsWhere("kind=digital&is_active=true")).map((p) => p.slug)).not.toContain(
      "prompt-handbook",
    );
    const packs = await productsWhere("kind=credits");
    expect(packs.length).toBeGreaterThan(0);
    expect(packs.every((p) => p.kind === "credits")).toBe(true);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/admin/catalog/products?kind=gadget",
        headers: staff,
      }),
      400,
      "validation_error",
    );

    const audit = await t.app.inject({
      method: "GET",
      url: `/api/admin/audit-log?target_id=${product.id}`,
      headers: staff,
    });
    expect(audit.json<{ results: { action: string }[] }>().results.map((e) => e.action)).toEqual(
      expect.arrayContaining(["catalog.product_created", "catalog.product_updated"]),
    );
  });

  it("refuses bad products and prices with field errors", async () => {
    const post = (payload: object) =>
      t.app.inject({ method: "POST", url: "/api/admin/catalog/products", headers: staff, payload });
    expectProblem(
      await post({ name: "Pack", slug: "pack", kind: "credits" }),
      400,
      "validation_error",
    );
    expectProblem(
      await post({ name: "Pack", slug: "pack", kind: "credits", credit_amount: 0.0001 }),
      400,
      "validation_error",
    );
    expectProblem(
      await post({ name: "Pack", slug: "Not A Slug", kind: "digital" }),
      400,
      "validation_error",
    );
    expectProblem(
      await post({ name: "Dup", slug: "credits-100", kind: "digital" }),
      409,
      "slug_taken",
    );
    const [pack] = await publicProducts();
    const price = await t.app.inject({
      method: "POST",
      url: `/api/admin/catalog/products/${pack?.id ?? ""}/prices`,
      headers: staff,
      payload: { unit_amount_cents: -1, currency: "USD" },
    });
    const body = expectProblem(price, 400, "validation_error");
    expect(body.errors?.map((e) => e.field).sort()).toEqual(["currency", "unit_amount_cents"]);
    expectProblem(
      await t.app.inject({
        method: "PATCH",
        url: "/api/admin/catalog/prices/00000000-0000-4000-8000-000000000000",
        headers: staff,
        payload: { is_active: false },
      }),
      404,
      "price_not_found",
    );
  });

  it("create-default-catalog recreates a missing default pack and nothing else", async () => {
    const first = await runCommand(t, ["create-default-catalog"]);
    expect(first).toMatchObject({ code: 0, out: ["Every default product exists already."] });
  });

  it("keeps the admin catalog staff-only", async () => {
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/catalog/products" });
    await expectStaffOnly(t, { method: "POST", url: "/api/admin/catalog/products" });
  });
});
