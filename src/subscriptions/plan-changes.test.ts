import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { expectProblem } from "../../test/support/problems.js";
import { pressPay } from "../../test/support/shop.js";
import { signIn } from "../../test/support/sessions.js";
import { creditGrants } from "../credits/credit-grants.table.js";
import { fixedClock } from "../platform/clock.js";
import { prices, products } from "../payments/catalog.table.js";
import { subscriptionInvoices } from "./subscriptions.table.js";

interface SubscriptionJson {
  id: string;
  plan: { slug: string };
  price: { id: string; interval: string };
  status: string;
  current_period_end: string | null;
  cancel_at_period_end: boolean;
  pending_plan: { slug: string } | null;
  pending_price_id: string | null;
}

const START = new Date("2026-03-10T12:00:00Z");
const PERIOD_END = new Date("2026-04-10T12:00:00Z");
const clock = fixedClock(START);

describe("plan changes with the local provider", () => {
  let t: TestApp;
  const planPrice: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock });
    await t.services.payments.catalog.createDefaults();
    for (const slug of ["free", "pro", "team", "credits-100"]) {
      const [row] = await t.services.db
        .select({ id: prices.id })
        .from(prices)
        .innerJoin(products, eq(products.id, prices.productId))
        .where(eq(products.slug, slug));
      if (row === undefined) throw new Error(`no price for ${slug}`);
      planPrice[slug] = row.id;
    }
    // Team yearly: $990 a year is $82.50 a month, above Pro's $29 and below Team monthly's $99.
    const team = await t.services.payments.catalog.findActiveBySlug("team");
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const yearly = await t.app.inject({
      method: "POST",
      url: `/api/admin/catalog/products/${team?.id ?? ""}/prices`,
      headers: (await signIn(t, user.id)).headers,
      payload: { unit_amount_cents: 99_000, currency: "usd", interval: "year" },
    });
    expect(yearly.statusCode).toBe(201);
    planPrice["team-yearly"] = yearly.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  async function subscribe(slug = "pro") {
    clock.set(START);
    const { user } = await createVerifiedUser(t.services.db);
    const headers = (await signIn(t, user.id)).headers;
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/account/subscriptions/checkout",
      headers,
      payload: { price_id: planPrice[slug] },
    });
    expect(reply.statusCode).toBe(201);
    const body = reply.json<{ subscription: SubscriptionJson; checkout_url: string }>();
    expect((await pressPay(t, new URL(body.checkout_url).pathname)).statusCode).toBe(303);
    return { userId: user.id, headers, id: body.subscription.id };
  }

  const change = (headers: Record<string, string>, id: string, slug: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/change-plan`,
      headers,
      payload: { price_id: planPrice[slug] ?? slug },
    });

  async function grantsOf(userId: string) {
    const accountId = await t.services.credits.accountIdOf(userId);
    return t.services.db
      .select()
      .from(creditGrants)
      .where(and(eq(creditGrants.accountId, accountId), eq(creditGrants.kind, "subscription")))
      .orderBy(creditGrants.createdAt);
  }

  it("upgrades now and grants the credit difference once, expiring with the period (replays and parallel requests)", async () => {
    const { userId, headers, id } = await subscribe("pro");
    const replies = await Promise.all(Array.from({ length: 4 }, () => change(headers, id, "team")));
    // The first to lock the subscription changed it; the others found it on Team already
    // (409 same_plan, or 200 when they had read it before the change).
    for (const reply of replies) {
      if (reply.statusCode === 200) {
        expect(reply.json<SubscriptionJson>()).toMatchObject({
          plan: { slug: "team" },
          pending_plan: null,
        });
      } else expectProblem(reply, 409, "same_plan");
    }
    expect(replies.some((reply) => reply.statusCode === 200)).toBe(true);
    expectProblem(await change(headers, id, "team"), 409, "same_plan");

    const grants = await grantsOf(userId);
    expect(grants.map((g) => [g.sourceType, g.amount, g.expiresAt?.toISOString()])).toEqual([
      ["invoice", 5_000_000, PERIOD_END.toISOString()],
      ["plan_change", 15_000_000, PERIOD_END.toISOString()],
    ]);
    const status = await t.app.inject({
      method: "GET",
      url: "/api/account/subscriptions/status",
      headers,
    });
    expect(status.json<{ effective_plan: string }>().effective_plan).toBe("team");

    // The renewal bills Team, grants Team's credits and ends the old period's, the delta's too.
    expect((await runCommand(t, ["advance-subscription", id])).code).toBe(0);
    const after = await grantsOf(userId);
    expect(after.map((g) => [g.sourceType, g.amount, g.remaining])).toEqual([
      ["invoice", 5_000_000, 0],
      ["plan_change", 15_000_000, 0],
      ["invoice", 20_000_000, 20_000_000],
    ]);
    const [latest] = await t.services.db
      .select({ amount: subscriptionInvoices.amountCents })
      .from(subscriptionInvoices)
      .where(eq(subscriptionInvoices.subscriptionId, id))
      .orderBy(subscriptionInvoices.periodStart)
      .offset(1);
    expect(latest?.amount).toBe(9_900);
  });

  it("downgrades at the period end: pending until advance-subscription bills the new plan and grants its credits", async () => {
    const { userId, headers, id } = await subscribe("team");
    const reply = await change(headers, id, "pro");
    expect(reply.statusCode).toBe(200);
    expect(reply.json<SubscriptionJson>()).toMatchObject({
      plan: { slug: "team" },
      pending_plan: { slug: "pro" },
      pending_price_id: planPrice["pro"],
    });
    // Asked again: still pending, nothing granted.
    expect((await change(headers, id, "pro")).json<SubscriptionJson>().pending_plan).toEqual(
      expect.objectContaining({ slug: "pro" }),
    );
    expect((await grantsOf(userId)).map((g) => g.sourceType)).toEqual(["invoice"]);

    expect((await runCommand(t, ["advance-subscription", id])).code).toBe(0);
    const after = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${id}`,
      headers,
    });
    expect(after.json<SubscriptionJson>()).toMatchObject({
      plan: { slug: "pro" },
      price: { id: planPrice["pro"] },
      pending_plan: null,
      pending_price_id: null,
      status: "active",
    });
    const grants = await grantsOf(userId);
    expect(grants.map((g) => [g.amount, g.remaining])).toEqual([
      [20_000_000, 0],
      [5_000_000, 5_000_000],
    ]);
    const invoices = await t.services.db
      .select({ amount: subscriptionInvoices.amountCents })
      .from(subscriptionInvoices)
      .where(eq(subscriptionInvoices.subscriptionId, id))
      .orderBy(subscriptionInvoices.periodStart);
    expect(invoices.map((row) => row.amount)).toEqual([9_900, 2_900]);
  });

  it("drops a pending downgrade when changed back to the current price, and replaces it by a new change", async () => {
    const { headers, id } = await subscribe("team");
    expect((await change(headers, id, "pro")).json<SubscriptionJson>().pending_plan?.slug).toBe(
      "pro",
    );
    const back = await change(headers, id, "team");
    expect(back.statusCode).toBe(200);
    expect(back.json<SubscriptionJson>()).toMatchObject({ plan: { slug: "team" } });
    expect(back.json<SubscriptionJson>().pending_plan).toBeNull();

    // Team monthly ($99) to Team yearly ($82.50 a month) is a downgrade: at the period end.
    const yearly = await change(headers, id, "team-yearly");
    expect(yearly.json<SubscriptionJson>()).toMatchObject({
      price: { interval: "month" },
      pending_price_id: planPrice["team-yearly"],
    });
    expect((await runCommand(t, ["advance-subscription", id])).code).toBe(0);
    const after = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${id}`,
      headers,
    });
    expect(after.json<SubscriptionJson>()).toMatchObject({
      price: { interval: "year", id: planPrice["team-yearly"] },
      current_period_end: "2027-04-10T12:00:00.000Z",
    });
  });

  it("drops a pending downgrade when the subscription is canceled at the period end", async () => {
    const { headers, id } = await subscribe("team");
    await change(headers, id, "pro");
    const cancel = await t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/cancel`,
      headers,
    });
    expect(cancel.json<SubscriptionJson>()).toMatchObject({
      cancel_at_period_end: true,
      pending_plan: null,
      pending_price_id: null,
    });
  });

  it("counts a yearly price by its monthly cost: Pro monthly to Team yearly is an upgrade", async () => {
    const { userId, headers, id } = await subscribe("pro");
    const reply = await change(headers, id, "team-yearly");
    expect(reply.json<SubscriptionJson>()).toMatchObject({
      plan: { slug: "team" },
      price: { interval: "year" },
      pending_plan: null,
    });
    expect((await grantsOf(userId)).map((g) => [g.sourceType, g.amount])).toEqual([
      ["invoice", 5_000_000],
      ["plan_change", 15_000_000],
    ]);
  });

  it("refuses an unknown price, a non-plan, Free, another account's subscription, a canceling one and an ended period", async () => {
    const { headers, id } = await subscribe("pro");
    expectProblem(
      await change(headers, id, "00000000-0000-4000-8000-000000000000"),
      404,
      "price_not_found",
    );
    expectProblem(await change(headers, id, "credits-100"), 409, "plan_not_subscribable");
    expectProblem(await change(headers, id, "free"), 409, "plan_not_subscribable");
    const notUuid = await change(headers, id, "pro-plan");
    expectProblem(notUuid, 400, "validation_error");

    const other = await subscribe("team");
    expectProblem(await change(other.headers, id, "team"), 404, "subscription_not_found");

    const cancel = await t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/cancel`,
      headers,
    });
    expect(cancel.statusCode).toBe(200);
    expectProblem(await change(headers, id, "team"), 409, "invalid_transition");

    // Past the period end without a renewal: no change until the provider says more.
    clock.set(new Date(PERIOD_END.getTime() + 60_000));
    const lateHeaders = (await signIn(t, other.userId)).headers;
    expectProblem(await change(lateHeaders, other.id, "pro"), 409, "invalid_transition");
    clock.set(START);
  });
});
