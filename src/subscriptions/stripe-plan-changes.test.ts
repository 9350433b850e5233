import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import {
  startFakeStripe,
  type FakeStripe,
  type StripeObject,
} from "../../test/support/fake-stripe.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { creditGrants } from "../credits/credit-grants.table.js";

interface SubscriptionJson {
  id: string;
  status: string;
  plan: { slug: string };
  pending_plan: { slug: string } | null;
  cancel_at_period_end: boolean;
}

const DAY = 86_400;

describe("plan changes and staff cancellation with Stripe, against a fake Stripe", () => {
  let stripe: FakeStripe;
  let t: TestApp;
  let staff: Record<string, string>;
  const price: Record<string, { id: string; providerPriceId: string }> = {};

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
    for (const slug of ["pro", "team"]) {
      const found = (await t.services.payments.catalog.findActiveBySlug(slug))?.prices[0];
      price[slug] = { id: found?.id ?? "", providerPriceId: found?.providerPriceId ?? "" };
    }
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const nowS = () => Math.floor(Date.now() / 1000);
  const deliver = async (delivery: { payload: string; signature: string }) => {
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/webhooks/stripe",
      headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
      payload: delivery.payload,
    });
    expect(reply.statusCode).toBe(200);
  };

  /** A paid Stripe subscription of a new user on `slug`, recorded through its events. */
  async function subscribed(slug: "pro" | "team") {
    const { user } = await createVerifiedUser(t.services.db);
    const headers = (await signIn(t, user.id)).headers;
    const start = nowS() - 60;
    const subscriptionId = `sub_${user.id.slice(0, 8)}${String(Math.random()).slice(2, 10)}`;
    const subscription: StripeObject = {
      id: subscriptionId,
      object: "subscription",
      customer: `cus_${user.id.slice(0, 8)}`,
      status: "active",
      cancel_at_period_end: false,
      canceled_at: null,
      schedule: null,
      metadata: { tollgate_user_id: user.id },
      items: {
        object: "list",
        data: [
          {
            id: `si_${subscriptionId}`,
            object: "subscription_item",
            price: { id: price[slug]?.providerPriceId, object: "price" },
            current_period_start: start,
            current_period_end: start + 30 * DAY,
          },
        ],
      },
    };
    stripe.objects.set(subscriptionId, subscription);
    await deliver(stripe.event("customer.subscription.created", subscription));
    await deliver(
      stripe.event("invoice.paid", {
        id: `in_${subscriptionId}_1`,
        object: "invoice",
        amount_paid: slug === "pro" ? 2900 : 9900,
        amount_due: 0,
        currency: "usd",
        parent: {
          type: "subscription_details",
          subscription_details: { subscription: subscriptionId, metadata: {} },
        },
        lines: {
          object: "list",
          data: [{ id: "il_1", object: "line_item", period: { start, end: start + 30 * DAY } }],
        },
      }),
    );
    const list = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    const id = list.json<{ results: SubscriptionJson[] }>().results[0]?.id ?? "";
    return { userId: user.id, headers, id, subscription };
  }

  const change = (headers: Record<string, string>, id: string, slug: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/change-plan`,
      headers,
      payload: { price_id: price[slug]?.id },
    });

  async function grantsOf(userId: string) {
    const accountId = await t.services.credits.accountIdOf(userId);
    return t.services.db
      .select()
      .from(creditGrants)
      .where(and(eq(creditGrants.accountId, accountId), eq(creditGrants.kind, "subscription")))
      .orderBy(creditGrants.createdAt);
  }

  it("upgrades at Stripe first (the new price, prorated) and grants the difference once", async () => {
    const { userId, headers, id, subscription } = await subscribed("pro");
    const reply = await change(headers, id, "team");
    expect(reply.statusCode).toBe(200);
    expect(reply.json<SubscriptionJson>().plan.slug).toBe("team");
    const update = stripe.requests.filter(
      (r) => r.method === "POST" && r.path === `/v1/subscriptions/${subscription.id}`,
    );
    expect(update.map((r) => r.form)).toEqual([
      {
        items: [{ id: `si_${subscription.id}`, price: price["team"]?.providerPriceId }],
        proration_behavior: "create_prorations",
      },
    ]);
    // Stripe's event about the change it made grants nothing more.
    await deliver(stripe.event("customer.subscription.updated", subscription));
    expectProblem(await change(headers, id, "team"), 409, "same_plan");
    expect((await grantsOf(userId)).map((g) => [g.sourceType, g.amount])).toEqual([
      ["invoice", 5_000_000],
      ["plan_change", 15_000_000],
    ]);
  });

  it("answers 502 when Stripe refuses an upgrade, and changes nothing", async () => {
    const { userId, headers, id } = await subscribed("pro");
    stripe.failNext(400, "invalid_request_error");
    expectProblem(await change(headers, id, "team"), 502, "payment_provider_error");
    const after = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${id}`,
      headers,
    });
    expect(after.json<SubscriptionJson>().plan.slug).toBe("pro");
    expect((await grantsOf(userId)).map((g) => g.sourceType)).toEqual(["invoice"]);
  });

  it("downgrades through a subscription schedule, drops it when changed back, and applies it when Stripe moves to it", async () => {
    const { headers, id, subscription } = await subscribed("team");
    const pending = await change(headers, id, "pro");
    expect(pending.json<SubscriptionJson>()).toMatchObject({
      plan: { slug: "team" },
      pending_plan: { slug: "pro" },
    });
    const scheduleId = String(subscription["schedule"]);
    const schedule = stripe.objects.get(scheduleId);
    expect(schedule).toMatchObject({
      end_behavior: "release",
      phases: [
        { items: [{ price: price["team"]?.providerPriceId, quantity: "1" }] },
        {
          items: [{ price: price["pro"]?.providerPriceId, quantity: "1" }],
          duration: { interval: "month", interval_count: "1" },
        },
      ],
    });

    const back = await change(headers, id, "team");
    expect(back.json<SubscriptionJson>().pending_plan).toBeNull();
    expect(stripe.objects.get(scheduleId)?.["status"]).toBe("released");

    await change(headers, id, "pro");
    // The period ends: Stripe's schedule moves the subscription to Pro and says so.
    const items = subscription["items"] as { data: Record<string, unknown>[] };
    const moved = {
      ...subscription,
      items: {
        ...items,
        data: [{ ...items.data[0], price: { id: price["pro"]?.providerPriceId, object: "price" } }],
      },
    };
    await deliver(stripe.event("customer.subscription.updated", moved));
    const after = await t.app.inject({
      method: "GET",
      url: `/api/account/subscriptions/${id}`,
      headers,
    });
    expect(after.json<SubscriptionJson>()).toMatchObject({
      plan: { slug: "pro" },
      pending_plan: null,
    });
  });

  it("lets staff cancel at Stripe now: canceled, credits expired, audited; a refusal is 502", async () => {
    const { userId, id, subscription } = await subscribed("pro");
    stripe.failNext(500, "api_error", 3);
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/admin/subscriptions/${id}/cancel`,
      headers: staff,
      payload: { at_period_end: false, reason: "fraud" },
    });
    expectProblem(refused, 502, "payment_provider_error");
    expect((await grantsOf(userId)).map((g) => g.remaining)).toEqual([5_000_000]);

    const reply = await t.app.inject({
      method: "POST",
      url: `/api/admin/subscriptions/${id}/cancel`,
      headers: staff,
      payload: { at_period_end: false, reason: "fraud" },
    });
    expect(reply.statusCode).toBe(200);
    expect(
      stripe.requests.some(
        (r) => r.method === "DELETE" && r.path === `/v1/subscriptions/${subscription.id}`,
      ),
    ).toBe(true);
    const detail = reply.json<{
      subscription: SubscriptionJson;
      audit: { action: string; details: Record<string, unknown> }[];
    }>();
    expect(detail.subscription.status).toBe("canceled");
    expect(detail.audit).toEqual([
      expect.objectContaining({
        action: "subscriptions.cancel",
        details: expect.objectContaining({ at_period_end: false, reason: "fraud" }) as unknown,
      }),
    ]);
    expect((await grantsOf(userId)).map((g) => [g.remaining, g.expired])).toEqual([[0, 5_000_000]]);
  });
});
