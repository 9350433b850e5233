import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { DEFAULT_PLANS } from "../subscriptions/plans.js";
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
  feature_keys: string[];
  limits: Record<string, number | null>;
  rollover_credits: boolean;
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

  it("creates the default credit packs and plans once, on an empty catalog only", async () => {
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual([
      ...DEFAULT_CREDIT_PACKS.map((p) => p.slug),
      ...DEFAULT_PLANS.map((p) => p.slug),
    ]);
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual([]);
    expect(await t.services.payments.catalog.createDefaults()).toEqual([]);
    const products = await publicProducts();
    expect(
      products.map((p) => [
        p.slug,
        p.kind,
        p.credit_amount,
        p.prices[0]?.unit_amount_cents,
        p.prices[0]?.interval,
      ]),
    ).toEqual([
      ["credits-100", "credits", 100, 1000, "one_time"],
      ["credits-500", "credits", 500, 4000, "one_time"],
      ["credits-2000", "credits", 2000, 12000, "one_time"],
      ["free", "subscription", null, 0, "month"],
      ["pro", "subscription", 5000, 2900, "month"],
      ["team", "subscription", 20000, 9900, "month"],
    ]);
    // The seed's monthly limits; null is unlimited.
    expect(
      products
        .filter((p) => p.kind === "subscription")
        .map((p) => [
          p.limits.tokens_per_month,
          p.limits.posts_per_month,
          p.limits.workspaces,
          p.limits.members,
        ]),
    ).toEqual([
      [100, 5, 1, 1],
      [5000, 100, 3, 1],
      [20000, null, 10, 10],
    ]);
    expect(products.every((p) => !p.rollover_credits)).toBe(true);
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

  it("lets staff edit a plan's credits, limits, feature keys and rollover, with validation", async () => {
    const pro = (await publicProducts()).find((p) => p.slug === "pro");
    const patch = (payload: object) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/admin/catalog/products/${pro?.id ?? ""}`,
        headers: staff,
        payload,
      });
    const changed = await patch({
      credit_amount: 6000,
      limits: { tokens_per_month: 8000, posts_per_month: null, requests_per_minute: 90 },
      feature_keys: ["priority_support", "exports"],
      rollover_credits: true,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<ProductJson>()).toMatchObject({
      credit_amount: 6000,
      limits: { tokens_per_month: 8000, posts_per_month: null, requests_per_minute: 90 },
      feature_keys: ["priority_support", "exports"],
      rollover_credits: true,
    });
    const typo = expectProblem(
      await patch({ limits: { token_per_month: 10 } }),
      400,
      "validation_error",
    );
    expect(typo.errors?.map((e) => [e.field, e.code])).toEqual([
      ["limits.token_per_month", "unknown_limit"],
    ]);
    expectProblem(await patch({ limits: { members: -1 } }), 400, "validation_error");
    expectProblem(await patch({ rollover_credits: "yes" }), 400, "validation_error");

    // Rollover belongs to plans; a plan's price recurs and a pack's does not.
    const pack = (await publicProducts()).find((p) => p.slug === "credits-100");
    const rollover = expectProblem(
      await t.app.inject({
        method: "PATCH",
        url: `/api/admin/catalog/products/${pack?.id ?? ""}`,
        headers: staff,
        payload: { rollover_credits: true },
      }),
      400,
      "validation_error",
    );
    expect(rollover.errors?.map((e) => e.code)).toEqual(["not_a_plan"]);
    const addPrice = (productId: string, interval: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/admin/catalog/products/${productId}/prices`,
        headers: staff,
        payload: { unit_amount_cents: 29000, currency: "usd", interval },
      });
    const onceForPlan = expectProblem(
      await addPrice(pro?.id ?? "", "one_time"),
      400,
      "validation_error",
    );
    expect(onceForPlan.errors?.map((e) => [e.field, e.code])).toEqual([
      ["interval", "invalid_for_kind"],
    ]);
    expectProblem(await addPrice(pack?.id ?? "", "month"), 400, "validation_error");
    const yearly = await addPrice(pro?.id ?? "", "year");
    expect(yearly.statusCode).toBe(201);
    expect(yearly.json<PriceJson>()).toMatchObject({ interval: "year", is_default: false });

    // Staff's plan edits survive create-default-catalog (it only creates what is missing).
    const again = await runCommand(t, ["create-default-catalog"]);
    expect(again.code).toBe(0);
    const kept = (await publicProducts()).find((p) => p.slug === "pro");
    expect(kept).toMatchObject({ credit_amount: 6000, rollover_credits: true });
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

describe("a catalog from before plans", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("gets the default plans on the next start, once; create-default-catalog says what it made", async () => {
    const staff = await createVerifiedUser(t.services.db, { isStaff: true });
    await t.app.inject({
      method: "POST",
      url: "/api/admin/catalog/products",
      headers: (await signIn(t, staff.user.id)).headers,
      payload: { name: "Handbook", slug: "handbook", kind: "digital" },
    });
    // Not empty and no plan: the start creates the defaults that are missing.
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual([
      ...DEFAULT_CREDIT_PACKS.map((p) => p.slug),
      ...DEFAULT_PLANS.map((p) => p.slug),
    ]);
    expect(await t.services.payments.catalog.createDefaultsIfEmpty()).toEqual([]);
    const cli = await runCommand(t, ["create-default-catalog"]);
    expect(cli).toMatchObject({ code: 0, out: ["Every default product exists already."] });
  });
});
