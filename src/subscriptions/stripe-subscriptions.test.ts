import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import {
  startFakeStripe,
  type FakeStripe,
  type StripeObject,
} from "../../test/support/fake-stripe.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { creditGrants } from "../credits/credit-grants.table.js";
import { paymentEvents } from "../payments/orders.table.js";

interface SubscriptionJson {
  id: string;
  status: string;
  plan: { slug: string };
  cancel_at_period_end: boolean;
  current_period_end: string | null;
}
interface StatusJson {
  plan: { slug: string };
  status: string | null;
  effective_plan: string;
}

const DAY = 86_400;

describe("subscriptions with Stripe, against a fake Stripe and signed events", () => {
  const mailer = memoryMailer();
  let stripe: FakeStripe;
  let t: TestApp;
  let proPrice: { id: string; providerPriceId: string };
  let teamPrice: { id: string; providerPriceId: string };
  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp({
      mailer,
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.apiBase,
      },
    });
    await t.services.payments.catalog.createDefaults();
    const priceOf = async (slug: string) => {
      const price = (await t.services.payments.catalog.findActiveBySlug(slug))?.prices[0];
      return { id: price?.id ?? "", providerPriceId: price?.providerPriceId ?? "" };
    };
    proPrice = await priceOf("pro");
    teamPrice = await priceOf("team");
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const deliver = (delivery: { payload: string; signature: string }) =>
    t.app.inject({
      method: "POST",
      url: "/api/webhooks/stripe",
      headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
      payload: delivery.payload,
    });

  const nowS = () => Math.floor(Date.now() / 1000);

  /** A Stripe subscription of `userId` as the fake holds it (and events carry it). */
  function stripeSubscription(userId: string, changes: Record<string, unknown> = {}) {
    const start = nowS() - 60;
    const id = `sub_${userId.slice(0, 8)}${String(Math.random()).slice(2, 10)}`;
    const subscription: StripeObject = {
      id,
      object: "subscription",
      customer: `cus_${userId.slice(0, 8)}`,
      status: "active",
      cancel_at_period_end: false,
      canceled_at: null,
      metadata: { tollgate_user_id: userId },
      items: {
        object: "list",
        data: [
          {
            id: `si_${id}`,
            object: "subscription_item",
            price: { id: proPrice.providerPriceId, object: "price" },
            current_period_start: start,
            current_period_end: start + 30 * DAY,
          },
        ],
      },
      ...changes,
    };
    stripe.objects.set(id, subscription);
    return subscription;
  }

  function invoice(subscription: Record<string, unknown>, number: number, amount = 2900) {
    const item = (subscription["items"] as { data: Record<string, number>[] }).data[0] ?? {};
    const start = (item["current_period_start"] ?? 0) + (number - 1) * 30 * DAY;
    return {
      id: `in_${String(subscription["id"])}_${String(number)}`,
      object: "invoice",
      amount_paid: amount,
      amount_due: amount,
      currency: "usd",
      parent: {
        type: "subscription_details",
        subscription_details: { subscription: subscription["id"], metadata: {} },
      },
      lines: {
        object: "list",
        data: [{ id: "il_1", object: "line_item", period: { start, end: start + 30 * DAY } }],
      },
    };
  }

  async function subscriber() {
    const { user } = await createVerifiedUser(t.services.db);
    return { user, headers: (await signIn(t, user.id)).headers };
  }

  async function grantsOf(userId: string) {
    const accountId = await t.services.credits.accountIdOf(userId);
    return t.services.db
      .select()
      .from(creditGrants)
      .where(and(eq(creditGrants.accountId, accountId), eq(creditGrants.kind, "subscription")))
      .orderBy(creditGrants.createdAt);
  }

  const outcomeOf = async (delivery: { payload: string; signature: string }) => {
    const reply = await deliver(delivery);
    expect(reply.statusCode).toBe(200);
    return reply.json<{ outcome: string }>().outcome;
  };

  it("opens a subscription-mode Checkout with the plan's Stripe price and our user in the metadata", async () => {
    const { user, headers } = await subscriber();
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/account/subscriptions/checkout",
      headers,
      payload: { price_id: proPrice.id },
    });
    expect(reply.statusCode).toBe(201);
    const body = reply.json<{ subscription: null; checkout_url: string }>();
    expect(body.subscription).toBeNull();
    expect(body.checkout_url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const request = stripe.requests.find(
      (r) => r.path === "/v1/checkout/sessions" && r.form["client_reference_id"] === user.id,
    );
    expect(request?.form).toMatchObject({
      mode: "subscription",
      line_items: [{ price: proPrice.providerPriceId, quantity: "1" }],
      subscription_data: { metadata: { tollgate_user_id: user.id } },
      // Back to the portal's subscriptions page on this server, which waits for the events.
      success_url: `${t.config.publicBaseUrl}/account/subscriptions?checkout=success`,
      cancel_url: `${t.config.publicBaseUrl}/account/subscriptions?checkout=canceled`,
    });
  });

  it("records the subscription, grants each invoice once (replays, new event ids, parallel), and waits for an early invoice", async () => {
    const { user, headers } = await subscriber();
    const subscription = stripeSubscription(user.id);
    // An invoice before its subscription is known: 503, so Stripe delivers it again.
    const early = stripe.event("invoice.paid", invoice(subscription, 1));
    expectProblem(await deliver(early), 503, "subscription_not_recorded");

    const created = stripe.event("customer.subscription.created", subscription);
    expect(await outcomeOf(created)).toBe("applied");
    expect(await outcomeOf(created)).toBe("duplicate");
    expect(await outcomeOf(early)).toBe("applied");
    expect(await outcomeOf(early)).toBe("duplicate");
    // The same invoice under new event ids, at once: granted once.
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        deliver(stripe.event("invoice.paid", invoice(subscription, 1))),
      ),
    );
    expect(again.map((r) => r.json<{ outcome: string }>().outcome)).toEqual(
      Array(5).fill("ignored"),
    );
    const grants = await grantsOf(user.id);
    const item = (subscription["items"] as { data: Record<string, number>[] }).data[0] ?? {};
    expect(grants.map((g) => [g.amount, g.expiresAt?.getTime()])).toEqual([
      [5_000_000, ((item["current_period_start"] ?? 0) + 30 * DAY) * 1000],
    ]);
    const status = await t.app.inject({
      method: "GET",
      url: "/api/account/subscriptions/status",
      headers,
    });
    expect(status.json<StatusJson>()).toMatchObject({
      plan: { slug: "pro" },
      status: "active",
      effective_plan: "pro",
    });
  });

  it("marks a failed payment past due with one email, recovers on the next paid invoice and expires the old period's credits", async () => {
    const { user, headers } = await subscriber();
    const subscription = stripeSubscription(user.id);
    await outcomeOf(stripe.event("customer.subscription.created", subscription));
    await outcomeOf(stripe.event("invoice.paid", invoice(subscription, 1)));
    const sent = mailer.messages.length;
    const failed = invoice(subscription, 2);
    expect(await outcomeOf(stripe.event("invoice.payment_failed", failed))).toBe("applied");
    expect(await outcomeOf(stripe.event("invoice.payment_failed", failed))).toBe("applied");
    const emails = mailer.messages.slice(sent);
    expect(emails.map((m) => [m.to, m.subject])).toEqual([
      [user.email, "Your Tollgate subscription payment failed"],
    ]);
    const list = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    const [projected] = list.json<{ results: SubscriptionJson[] }>().results;
    expect(projected?.status).toBe("past_due");
    // Access is kept while past due.
    const status = await t.app.inject({
      method: "GET",
      url: "/api/account/subscriptions/status",
      headers,
    });
    expect(status.json<StatusJson>().effective_plan).toBe("pro");

    expect(await outcomeOf(stripe.event("invoice.paid", failed))).toBe("applied");
    const grants = await grantsOf(user.id);
    expect(grants.map((g) => [g.remaining, g.expired])).toEqual([
      [0, 5_000_000],
      [5_000_000, 0],
    ]);
    const after = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    expect(after.json<{ results: SubscriptionJson[] }>().results[0]?.status).toBe("active");
  });

  it("ignores an older subscription event that arrives after a newer one", async () => {
    const { user, headers } = await subscriber();
    const subscription = stripeSubscription(user.id);
    const created = nowS() - 100;
    await outcomeOf(stripe.event("customer.subscription.created", subscription, { created }));
    const newer = stripe.event(
      "customer.subscription.updated",
      { ...subscription, status: "past_due" },
      { created: created + 50 },
    );
    const older = stripe.event(
      "customer.subscription.updated",
      { ...subscription, status: "active", cancel_at_period_end: true },
      { created: created + 10 },
    );
    expect(await outcomeOf(newer)).toBe("applied");
    expect(await outcomeOf(older)).toBe("ignored");
    const list = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    expect(list.json<{ results: SubscriptionJson[] }>().results[0]).toMatchObject({
      status: "past_due",
      cancel_at_period_end: false,
    });
    const recorded = await t.services.db
      .select({ outcome: paymentEvents.outcome })
      .from(paymentEvents)
      .where(eq(paymentEvents.providerEventId, older.id));
    expect(recorded).toEqual([{ outcome: "ignored" }]);
  });

  it("cancels and resumes through the Stripe API, opens the Customer Portal, refreshes, and ends on deletion", async () => {
    const { user, headers } = await subscriber();
    const portalBefore = await t.app.inject({
      method: "POST",
      url: "/api/account/billing-portal",
      headers,
    });
    expectProblem(portalBefore, 409, "no_billing_customer");
    const subscription = stripeSubscription(user.id, {
      items: {
        object: "list",
        data: [
          {
            id: "si_team",
            object: "subscription_item",
            price: { id: teamPrice.providerPriceId, object: "price" },
            current_period_start: nowS() - 60,
            current_period_end: nowS() + 30 * DAY,
          },
        ],
      },
    });
    await outcomeOf(stripe.event("customer.subscription.created", subscription));
    await outcomeOf(stripe.event("invoice.paid", invoice(subscription, 1, 9900)));
    const [row] = (
      await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers })
    ).json<{ results: SubscriptionJson[] }>().results;
    expect(row?.plan.slug).toBe("team");
    const id = row?.id ?? "";

    const cancel = await t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/cancel`,
      headers,
    });
    expect(cancel.json<SubscriptionJson>()).toMatchObject({ cancel_at_period_end: true });
    expect(
      stripe.requests
        .filter((r) => r.path === `/v1/subscriptions/${subscription.id}`)
        .map((r) => r.form["cancel_at_period_end"]),
    ).toEqual(["true"]);
    const resume = await t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/resume`,
      headers,
    });
    expect(resume.json<SubscriptionJson>()).toMatchObject({ cancel_at_period_end: false });

    stripe.failNext(500, "api_error", 3);
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/account/subscriptions/${id}/cancel`,
      headers,
    });
    expectProblem(refused, 502, "payment_provider_error");

    const portal = await t.app.inject({
      method: "POST",
      url: "/api/account/billing-portal",
      headers,
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.json<{ url: string }>().url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(
      stripe.requests.find((r) => r.path === "/v1/billing_portal/sessions")?.form,
    ).toMatchObject({
      customer: subscription["customer"],
      return_url: `${t.config.publicBaseUrl}/account/subscriptions`,
    });

    // A refresh reads Stripe: a change made in the dashboard shows at once.
    stripe.objects.set(subscription.id, { ...subscription, cancel_at_period_end: true });
    const refreshed = await t.app.inject({
      method: "GET",
      url: "/api/account/subscriptions/status?refresh=1",
      headers,
    });
    expect(refreshed.json<{ cancel_at_period_end: boolean }>().cancel_at_period_end).toBe(true);

    const deleted = stripe.event("customer.subscription.deleted", {
      ...subscription,
      status: "canceled",
      canceled_at: nowS(),
    });
    expect(await outcomeOf(deleted)).toBe("applied");
    expect((await grantsOf(user.id)).map((g) => [g.remaining, g.expired])).toEqual([
      [0, 20_000_000],
    ]);
    const status = await t.app.inject({
      method: "GET",
      url: "/api/account/subscriptions/status",
      headers,
    });
    expect(status.json<StatusJson>()).toMatchObject({
      plan: { slug: "free" },
      effective_plan: "free",
    });
  });

  it("refuses a forged delivery and a second subscription checkout", async () => {
    const { user, headers } = await subscriber();
    const forged = stripe.event("customer.subscription.created", stripeSubscription(user.id), {
      secret: "whsec_wrong",
    });
    expectProblem(await deliver(forged), 400, "invalid_signature");
    const subscription = stripeSubscription(user.id);
    await outcomeOf(stripe.event("customer.subscription.created", subscription));
    const second = await t.app.inject({
      method: "POST",
      url: "/api/account/subscriptions/checkout",
      headers,
      payload: { price_id: teamPrice.id },
    });
    expectProblem(second, 409, "subscription_exists");
    // A second live subscription made at Stripe (the dashboard) is recorded, not projected.
    const other = stripeSubscription(user.id);
    expect(await outcomeOf(stripe.event("customer.subscription.created", other))).toBe(
      "subscription_exists",
    );
    const list = await t.app.inject({ method: "GET", url: "/api/account/subscriptions", headers });
    expect(list.json<{ count: number }>().count).toBe(1);
    const report = await t.services.credits.reconcile();
    expect(report.problems).toEqual([]);
  });
});
