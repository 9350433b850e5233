import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantCredits } from "../../test/factories/credits.js";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { expectProblem } from "../../test/support/problems.js";
import { startFakeStripe, type FakeStripe } from "../../test/support/fake-stripe.js";
import { pressPay } from "../../test/support/shop.js";
import { signIn } from "../../test/support/sessions.js";
import { creditGrants } from "../credits/credit-grants.table.js";
import { fixedClock } from "../platform/clock.js";
import { prices, products } from "../payments/catalog.table.js";
import { subscriptionInvoices } from "./subscriptions.table.js";

interface SubscriptionJson {
  id: string;
  plan: { slug: string };
  status: string;
  current_period_start: string | null;
  current_period_end: string | null;
  cancel_at_period_end: boolean;
}
interface StatusJson {
  plan: { slug: string };
  status: string | null;
  subscription_id: string | null;
  freshness: string;
  message: string | null;
  effective_plan: string;
  cancel_at_period_end: boolean;
}

const START = new Date("2026-03-10T12:00:00Z");
const clock = fixedClock(START);
const at = (iso: string) => new Date(iso);

describe("subscriptions with the local provider", () => {
  let t: TestApp;
  const planPrice: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: {
        BILLING_SYNC_SOFT_STALE_SECONDS: "3600",
        BILLING_SYNC_HARD_TTL_SECONDS: "86400",
        BILLING_SYNC_SOFT_WARNING_MESSAGE: "Checking your plan.",
        BILLING_SYNC_HARD_BLOCK_MESSAGE: "Paid features paused.",
      },
    });
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
  });
  afterAll(async () => t.close());

  async function subscriber() {
    clock.set(START);
    const { user } = await createVerifiedUser(t.services.db);
    return { userId: user.id, headers: (await signIn(t, user.id)).headers };
  }

  async function checkout(headers: Record<string, string>, slug = "pro") {
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/account/subscriptions/checkout",
      headers,
      payload: { price_id: planPrice[slug] },
    });
    expect(reply.statusCode).toBe(201);
    const body = reply.json<{ subscription: SubscriptionJson; checkout_url: string }>();
    return { subscription: body.subscription, path: new URL(body.checkout_url).pathname };
  }

  async function subscribe(headers: Record<string, string>, slug = "pro") {
    const { subscription, path } = await checkout(headers, slug);
    const paid = await pressPay(t, path);
    expect(paid.statusCode).toBe(303);
    // Back to the portal's page, which waits for the subscription: a path of this server only.
    expect(paid.headers.location).toBe("/account/subscriptions?checkout=success");
    return subscription.id;
  }

  async function statusOf(headers: Record<string, string>, refresh = false) {
    return t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/status${refresh ? "?refresh=1" : ""}`,
      headers,
    });
  }

  /** A fresh session at the clock's time (a month on, the first one has expired). */
  async function sessionOf(userId: string) {
    return (await signIn(t, userId)).headers;
  }

  async function subscriptionGrants(userId: string) {
    const accountId = await t.services.credits.accountIdOf(userId);
    return t.services.db
      .select()
      .from(creditGrants)
      .where(and(eq(creditGrants.accountId, accountId), eq(creditGrants.kind, "subscription")))
      .orderBy(creditGrants.createdAt);
  }

  it("puts an account without a paid subscription on Free", async () => {
    const { headers } = await subscriber();
    const status = await statusOf(headers);
    expect(status.statusCode).toBe(200);
    expect(status.json<StatusJson>()).toMatchObject({
      plan: { slug: "free" },
      status: null,
      subscription_id: null,
      freshness: "fresh",
      message: null,
      effective_plan: "free",
    });
    const list = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    expect(list.json()).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it("activates on payment and grants the period's credits once, however often Pay is pressed", async () => {
    const { userId, headers } = await subscriber();
    const { subscription, path } = await checkout(headers);
    expect(subscription).toMatchObject({ status: "incomplete", plan: { slug: "pro" } });
    const page = await t.app.inject({ method: "GET", url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Pro");
    expect(await subscriptionGrants(userId)).toEqual([]);

    const presses = await Promise.all(Array.from({ length: 10 }, () => pressPay(t, path)));
    expect(presses.map((r) => r.statusCode)).toEqual(Array(10).fill(303));

    const grants = await subscriptionGrants(userId);
    expect(grants.map((g) => [g.amount, g.remaining, g.expiresAt?.toISOString()])).toEqual([
      [5_000_000, 5_000_000, "2026-04-10T12:00:00.000Z"],
    ]);
    const one = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${subscription.id}`,
      headers,
    });
    expect(one.json<SubscriptionJson>()).toMatchObject({
      status: "active",
      current_period_start: "2026-03-10T12:00:00.000Z",
      current_period_end: "2026-04-10T12:00:00.000Z",
      cancel_at_period_end: false,
    });
    expect((await statusOf(headers)).json<StatusJson>()).toMatchObject({
      plan: { slug: "pro" },
      status: "active",
      freshness: "fresh",
      effective_plan: "pro",
    });
    const invoices = await t.services.db
      .select()
      .from(subscriptionInvoices)
      .where(eq(subscriptionInvoices.subscriptionId, subscription.id));
    expect(invoices.map((i) => [i.status, i.amountCents, i.creditAmount])).toEqual([
      ["paid", 2900, 5_000_000],
    ]);

    // One paid subscription per account: change the plan instead.
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/account/subscriptions/checkout",
        headers,
        payload: { price_id: planPrice["team"] },
      }),
      409,
      "subscription_exists",
    );
  });

  it("refuses what cannot be subscribed to, and keeps subscriptions to their owner", async () => {
    const { headers } = await subscriber();
    const post = (priceId: string | undefined) =>
      t.app.inject({
        method: "POST",
        url: "/api/account/subscriptions/checkout",
        headers,
        payload: { price_id: priceId },
      });
    expectProblem(await post(planPrice["free"]), 409, "plan_not_subscribable");
    expectProblem(await post(planPrice["credits-100"]), 409, "plan_not_subscribable");
    expectProblem(await post(randomUUID()), 404, "price_not_found");
    expectProblem(await post("not-a-uuid"), 400, "validation_error");

    const owner = await subscriber();
    const id = await subscribe(owner.headers);
    for (const url of [
      `/api/account/subscriptions/${id}`,
      `/api/account/subscriptions/${id}/cancel`,
      `/api/account/subscriptions/${id}/resume`,
    ]) {
      const method = url.endsWith(id) ? "GET" : "POST";
      expectProblem(await t.app.inject({ method, url, headers }), 404, "subscription_not_found");
    }
    expect(
      (await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers })).json<{
        count: number;
      }>().count,
    ).toBe(0);
    const anonymous = await t.app.inject({ method: "GET", url: "/api/account/subscriptions" });
    expect(anonymous.statusCode).toBe(401);
    // A session POST without the CSRF token is refused.
    const noCsrf = await t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/cancel`,
      headers: { cookie: owner.headers["cookie"] ?? "" },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("activates one of two checkouts paid at once; the other is not activated and grants nothing", async () => {
    const { userId, headers } = await subscriber();
    const first = await checkout(headers);
    const second = await checkout(headers, "team");
    await Promise.all([pressPay(t, first.path), pressPay(t, second.path)]);
    const list = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    const statuses = list
      .json<{ results: SubscriptionJson[] }>()
      .results.map((s) => s.status)
      .sort();
    expect(statuses).toEqual(["active", "incomplete_expired"]);
    expect(await subscriptionGrants(userId)).toHaveLength(1);
  });

  it("lets the buyer give up on the checkout page", async () => {
    const { headers } = await subscriber();
    const { subscription, path } = await checkout(headers);
    const cancel = await t.app.inject({
      method: "POST",
      url: `${path}/cancel`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });
    expect(cancel.statusCode).toBe(303);
    expect(cancel.headers.location).toBe("/account/subscriptions?checkout=canceled");
    const page = await t.app.inject({ method: "GET", url: path });
    expect(page.body).toContain('<a href="/account/subscriptions">Back to your subscriptions</a>');
    const one = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${subscription.id}`,
      headers,
    });
    expect(one.json<SubscriptionJson>().status).toBe("incomplete_expired");
    // Not live: a new checkout is allowed.
    await subscribe(headers);
  });

  it("advance-subscription renews: a new grant for the new period, the old period's credits expire", async () => {
    const { userId, headers: first } = await subscriber();
    let headers = first;
    const id = await subscribe(headers);
    const spent = await t.services.credits.reserve({
      accountId: await t.services.credits.accountIdOf(userId),
      requestId: randomUUID(),
      service: "test.service",
      amount: 1_000_000,
    });
    expect(spent.ok).toBe(true);
    clock.set(at("2026-04-10T12:00:00Z"));
    headers = await sessionOf(userId);
    const cli = await runCommand(t, ["advance-subscription", id]);
    expect(cli).toMatchObject({
      code: 0,
      out: [`Subscription ${id} is active until 2026-05-10T12:00:00.000Z.`],
    });
    const grants = await subscriptionGrants(userId);
    expect(grants.map((g) => [g.remaining, g.held, g.expired, g.expiresAt?.toISOString()])).toEqual(
      [
        [0, 1_000_000, 4_000_000, "2026-04-10T12:00:00.000Z"],
        [5_000_000, 0, 0, "2026-05-10T12:00:00.000Z"],
      ],
    );
    expect((await t.services.credits.balance(userId)).byKind.subscription).toBe(5_000_000);
    const one = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${id}`,
      headers,
    });
    expect(one.json<SubscriptionJson>()).toMatchObject({
      current_period_start: "2026-04-10T12:00:00.000Z",
      current_period_end: "2026-05-10T12:00:00.000Z",
    });
  });

  it("carries unspent credits into the next period when the plan rolls them over", async () => {
    const { userId, headers } = await subscriber();
    await t.services.db
      .update(products)
      .set({ rolloverCredits: true })
      .where(eq(products.slug, "team"));
    try {
      const id = await subscribe(headers, "team");
      clock.set(at("2026-04-10T12:00:00Z"));
      expect((await runCommand(t, ["advance-subscription", id])).code).toBe(0);
      const grants = await subscriptionGrants(userId);
      // Neither period's credits expire with it: only the subscription's end takes them.
      expect(grants.map((g) => [g.remaining, g.expiresAt])).toEqual([
        [20_000_000, null],
        [20_000_000, null],
      ]);
    } finally {
      await t.services.db
        .update(products)
        .set({ rolloverCredits: false })
        .where(eq(products.slug, "team"));
    }
  });

  it("cancels at the period end, resumes before it, and ends on Free after it", async () => {
    const { userId, headers: first } = await subscriber();
    let headers = first;
    const id = await subscribe(headers);
    const post = (action: string) =>
      t.app.inject({ method: "POST", url: `/api/account/subscriptions/${id}/${action}`, headers });
    const canceled = await post("cancel");
    expect(canceled.statusCode).toBe(200);
    expect(canceled.json<SubscriptionJson>()).toMatchObject({
      status: "active",
      cancel_at_period_end: true,
    });
    // Access and credits are kept until the period ends.
    expect((await statusOf(headers)).json<StatusJson>()).toMatchObject({
      effective_plan: "pro",
      cancel_at_period_end: true,
    });
    expect((await post("resume")).json<SubscriptionJson>().cancel_at_period_end).toBe(false);
    expect((await post("cancel")).statusCode).toBe(200);

    clock.set(at("2026-04-10T12:00:00Z"));
    headers = await sessionOf(userId);
    expectProblem(await post("resume"), 409, "invalid_transition");
    const cli = await runCommand(t, ["advance-subscription", id]);
    expect(cli.out).toEqual([`Subscription ${id} ended (canceled at its period end).`]);
    expect((await subscriptionGrants(userId)).map((g) => [g.remaining, g.expired])).toEqual([
      [0, 5_000_000],
    ]);
    expect((await statusOf(headers)).json<StatusJson>()).toMatchObject({
      plan: { slug: "free" },
      status: null,
      effective_plan: "free",
    });
    expectProblem(await post("cancel"), 409, "invalid_transition");
    const again = await runCommand(t, ["advance-subscription", id]);
    expect(again.code).not.toBe(0);
    expect(again.err.join("\n")).toContain("no next period");
  });

  it("warns when the renewal is overdue, withholds paid entitlements when hard stale, and refreshes on request", async () => {
    const { userId, headers: first } = await subscriber();
    await subscribe(first);
    clock.set(at("2026-04-10T12:30:00Z"));
    const headers = await sessionOf(userId);
    expect((await statusOf(headers)).json<StatusJson>()).toMatchObject({
      freshness: "fresh",
      effective_plan: "pro",
      message: null,
    });
    clock.set(at("2026-04-10T13:30:01Z"));
    expect((await statusOf(headers)).json<StatusJson>()).toMatchObject({
      freshness: "soft_stale",
      message: "Checking your plan.",
      effective_plan: "pro",
    });
    clock.set(at("2026-04-11T12:00:01Z"));
    expect((await statusOf(headers)).json<StatusJson>()).toMatchObject({
      plan: { slug: "pro" },
      freshness: "hard_stale",
      message: "Paid features paused.",
      effective_plan: "free",
    });
    const refreshed = await statusOf(headers, true);
    expect(refreshed.json<StatusJson>()).toMatchObject({
      freshness: "fresh",
      effective_plan: "pro",
    });
    const tooSoon = expectProblem(await statusOf(headers, true), 429, "rate_limited");
    expect(tooSoon.detail).toContain("retry in 10 s");
    clock.set(at("2026-04-11T12:00:12Z"));
    expect((await statusOf(headers, true)).statusCode).toBe(200);
  });

  it("spends trial credits first, then subscription credits, then pay-as-you-go ones", async () => {
    const { userId, headers } = await subscriber();
    await t.services.db.transaction((tx) => t.services.credits.grantTrialCredits(tx, userId));
    await grantCredits(t.services, userId, 100, { kind: "payg" });
    await subscribe(headers);
    const accountId = await t.services.credits.accountIdOf(userId);
    const take = async (credits: number) => {
      const held = await t.services.credits.reserve({
        accountId,
        requestId: randomUUID(),
        service: "test.service",
        amount: credits * 1000,
      });
      expect(held.ok).toBe(true);
      return (await t.services.credits.balance(userId)).byKind;
    };
    // Trial (10) first, then 4,990 of the subscription's 5,000.
    expect(await take(5_000)).toMatchObject({ trial: 0, subscription: 10_000, payg: 100_000 });
    // The last 10 subscription credits, then pay-as-you-go.
    expect(await take(15)).toMatchObject({ trial: 0, subscription: 0, payg: 95_000 });
  });

  it("has no Customer Portal without Stripe", async () => {
    const { headers } = await subscriber();
    expectProblem(
      await t.app.inject({ method: "POST", url: "/api/account/billing-portal", headers }),
      409,
      "provider_not_configured",
    );
  });

  it("advance-subscription refuses what it cannot advance", async () => {
    const bad = await runCommand(t, ["advance-subscription", "nope"]);
    expect(bad.code).not.toBe(0);
    const unknown = await runCommand(t, ["advance-subscription", randomUUID()]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.join("\n")).toContain("Subscription not found");
  });

  it("leaves a ledger that reconciles after every grant, renewal, rollover and ending above", async () => {
    const report = await t.services.credits.reconcile();
    expect(report.problems).toEqual([]);
    expect(report.grants).toBeGreaterThan(0);
  });
});

describe("subscriptions while Stripe is configured", () => {
  let stripe: FakeStripe;
  let t: TestApp;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp({
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.apiBase,
      },
    });
    await t.services.payments.catalog.createDefaults();
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it("makes the plans in Stripe with monthly prices, and serves no local subscribe page", async () => {
    const pro = await t.services.payments.catalog.findActiveBySlug("pro");
    const price = pro?.prices[0];
    expect(price?.providerPriceId).toMatch(/^price_/);
    expect(stripe.objects.get(price?.providerPriceId ?? "")).toMatchObject({
      recurring: { interval: "month" },
    });
    const page = await t.app.inject({
      method: "GET",
      url: `/checkout/local-subscription/lcs_${"a".repeat(32)}`,
    });
    expect(page.statusCode).toBe(404);
  });
});
