import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { expectProblem } from "../../test/support/problems.js";
import { pressPay } from "../../test/support/shop.js";
import { signIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { prices, products } from "../payments/catalog.table.js";

interface AdminSubscriptionJson {
  id: string;
  user_email: string;
  plan: { slug: string };
  status: string;
  provider_subscription_id: string;
}
interface ListJson {
  count: number;
  results: AdminSubscriptionJson[];
}
interface DetailJson {
  subscription: AdminSubscriptionJson;
  invoices: { status: string; amount_cents: number; credits: number; period_start: string }[];
  credit_grants: { amount: number; remaining: number; expired: number; expires_at: string }[];
}

describe("staff: subscriptions", () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let pro: { id: string; email: string };
  let team: { id: string; email: string };

  async function subscribe(slug: string, email: string) {
    const { user } = await createVerifiedUser(t.services.db, { email });
    const [price] = await t.services.db
      .select({ id: prices.id })
      .from(prices)
      .innerJoin(products, eq(products.id, prices.productId))
      .where(eq(products.slug, slug));
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/account/subscriptions/checkout",
      headers: (await signIn(t, user.id)).headers,
      payload: { price_id: price?.id },
    });
    expect(reply.statusCode).toBe(201);
    const body = reply.json<{ subscription: { id: string }; checkout_url: string }>();
    expect((await pressPay(t, new URL(body.checkout_url).pathname)).statusCode).toBe(303);
    return { id: body.subscription.id, email };
  }

  const list = async (query: string) => {
    const reply = await t.app.inject({
      method: "GET",
      url: `/api/admin/subscriptions${query}`,
      headers: staff,
    });
    expect(reply.statusCode).toBe(200);
    return reply.json<ListJson>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.payments.catalog.createDefaults();
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
    pro = await subscribe("pro", "pro-subscriber@example.com");
    team = await subscribe("team", "team-subscriber@example.com");
    // A renewal: a second paid invoice, a second grant, the first period's credits expired.
    expect((await runCommand(t, ["advance-subscription", pro.id])).code).toBe(0);
  });
  afterAll(async () => t.close());

  it("is staff only", async () => {
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/subscriptions" });
    await expectStaffOnly(t, { method: "GET", url: `/api/admin/subscriptions/${pro.id}` });
  });

  it("lists every account's subscriptions, newest first", async () => {
    const all = await list("");
    expect(all.count).toBe(2);
    expect(all.results.map((row) => row.user_email)).toEqual([team.email, pro.email]);
    expect(all.results[1]).toMatchObject({ plan: { slug: "pro" }, status: "active" });
  });

  it("searches by email, id and provider id, and filters by status and plan", async () => {
    expect((await list("?q=team-sub")).results.map((row) => row.id)).toEqual([team.id]);
    expect((await list(`?q=${pro.id}`)).results.map((row) => row.id)).toEqual([pro.id]);
    const providerId = (await list(`?q=${pro.id}`)).results[0]?.provider_subscription_id ?? "";
    expect((await list(`?q=${providerId}`)).results.map((row) => row.id)).toEqual([pro.id]);
    expect((await list("?plan=team")).results.map((row) => row.id)).toEqual([team.id]);
    expect((await list("?status=canceled")).count).toBe(0);
    expect((await list("?q=100%25")).count).toBe(0);
  });

  it("refuses a status that does not exist", async () => {
    const reply = await t.app.inject({
      method: "GET",
      url: "/api/admin/subscriptions?status=paused",
      headers: staff,
    });
    expectProblem(reply, 400, "validation_error");
  });

  it("shows a subscription's invoices and the grants they made", async () => {
    const reply = await t.app.inject({
      method: "GET",
      url: `/api/admin/subscriptions/${pro.id}`,
      headers: staff,
    });
    expect(reply.statusCode).toBe(200);
    const detail = reply.json<DetailJson>();
    expect(detail.subscription).toMatchObject({ id: pro.id, user_email: pro.email });
    expect(detail.invoices).toHaveLength(2);
    expect(detail.invoices.map((invoice) => [invoice.status, invoice.amount_cents])).toEqual([
      ["paid", 2900],
      ["paid", 2900],
    ]);
    expect(detail.invoices[0]?.credits).toBe(5000);
    // Newest first: the renewal's grant is whole; the first period's credits expired with it.
    expect(detail.credit_grants.map((grant) => [grant.remaining, grant.expired])).toEqual([
      [5000, 0],
      [0, 5000],
    ]);
  });

  it("answers 404 for an unknown subscription", async () => {
    const reply = await t.app.inject({
      method: "GET",
      url: "/api/admin/subscriptions/00000000-0000-4000-8000-000000000000",
      headers: staff,
    });
    expectProblem(reply, 404, "subscription_not_found");
  });
});
