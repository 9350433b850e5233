import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits } from "../../test/factories/credits.js";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { startFakeStripe, type FakeStripe } from "../../test/support/fake-stripe.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { orders, paymentEvents } from "./orders.table.js";
import { STRIPE_API_VERSION } from "./stripe-provider.js";

interface OrderJson {
  id: string;
  status: string;
  amount_cents: number;
}

describe("Stripe Checkout and its webhook, against a fake Stripe over HTTP", () => {
  const mailer = memoryMailer();
  let stripe: FakeStripe;
  let t: TestApp;
  let priceId: string;
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
    const pack = (await t.services.payments.catalog.listActive()).find(
      (p) => p.slug === "credits-500",
    );
    priceId = pack?.prices[0]?.id ?? "";
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  async function checkout(quantity = 1) {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    const before = await availableCredits(t.services, user.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/account/orders/create",
      headers,
      payload: { price_id: priceId, quantity },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ order: OrderJson; checkout_url: string }>();
    const sessionId = new URL(body.checkout_url).pathname.split("/").pop() ?? "";
    const session = stripe.objects.get(sessionId);
    if (session === undefined) throw new Error("the fake has no such session");
    return { user, headers, before, order: body.order, session };
  }

  /** The session as Stripe sends it in an event once the buyer went through checkout. */
  const completed = (session: Record<string, unknown>, changes: Record<string, unknown> = {}) => ({
    ...session,
    status: "complete",
    payment_status: "paid",
    payment_intent: `pi_${String(session["id"]).slice(-16)}`,
    ...changes,
  });

  const deliver = (delivery: { payload: string; signature: string }, contentType?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/webhooks/stripe",
      headers: {
        "content-type": contentType ?? "application/json",
        "stripe-signature": delivery.signature,
      },
      payload: delivery.payload,
    });

  const eventsOf = (orderId: string) =>
    t.services.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId));

  it("opens a Checkout session for the order through the SDK, with the pinned API version", async () => {
    const { order, session, user } = await checkout(2);
    expect(order).toMatchObject({ status: "pending", amount_cents: 8000 });
    const request = stripe.requests.find(
      (r) => r.path === "/v1/checkout/sessions" && r.form["client_reference_id"] === order.id,
    );
    expect(request?.headers["stripe-version"]).toBe(STRIPE_API_VERSION);
    expect(request?.headers["idempotency-key"]).toBe(`tollgate-checkout-${order.id}`);
    expect(request?.form).toMatchObject({
      mode: "payment",
      customer_email: user.email,
      metadata: { order_id: order.id },
      // The default packs were made in Stripe first (createDefaults): their Stripe price is used.
      line_items: [{ quantity: "2", price: expect.stringMatching(/^price_/) as string }],
    });
    expect(session["amount_total"]).toBe(8000);
    const [row] = await t.services.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ provider: "stripe", providerSessionId: session.id });
  });

  it("fulfils on a verified checkout.session.completed, once, whatever is replayed", async () => {
    const { order, session, user, before, headers } = await checkout();
    const paid = completed(session);
    const delivery = stripe.event("checkout.session.completed", paid);
    const first = await deliver(delivery);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, outcome: "applied" });
    expect(await availableCredits(t.services, user.id)).toBe(before + 500);

    // The same delivery again, and the same payment under a new event id.
    expect((await deliver(delivery)).json()).toMatchObject({ outcome: "duplicate" });
    const again = stripe.event("checkout.session.completed", paid);
    expect((await deliver(again)).json()).toMatchObject({ outcome: "ignored" });
    expect(await availableCredits(t.services, user.id)).toBe(before + 500);

    const fetched = await t.app.inject({
      method: "GET",
      url: `/api/account/orders/${order.id}`,
      headers,
    });
    expect(fetched.json()).toMatchObject({ status: "fulfilled", paid_amount_cents: 4000 });
    const [row] = await t.services.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.providerPaymentId).toBe(paid.payment_intent);
    expect((await t.services.payments.orders.listReceipts(user.id, 1)).count).toBe(1);
    expect(mailer.messages.filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it("fulfils once when deliveries of one payment arrive in parallel", async () => {
    const { order, session, user, before } = await checkout();
    const paid = completed(session);
    const same = stripe.event("checkout.session.completed", paid);
    const deliveries = [
      ...Array.from({ length: 4 }, () => same),
      ...Array.from({ length: 4 }, () => stripe.event("checkout.session.completed", paid)),
    ];
    const replies = await Promise.all(deliveries.map((d) => deliver(d)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(await availableCredits(t.services, user.id)).toBe(before + 500);
    const events = await eventsOf(order.id);
    expect(events).toHaveLength(5);
    expect(events.filter((e) => e.outcome === "applied")).toHaveLength(1);
  });

  it("waits for a delayed payment method, then fulfils or fails on its outcome", async () => {
    const slow = await checkout();
    const processing = completed(slow.session, { payment_status: "unpaid" });
    await deliver(stripe.event("checkout.session.completed", processing));
    expect((await t.services.payments.orders.get(slow.user.id, slow.order.id)).status).toBe(
      "pending",
    );
    await deliver(
      stripe.event("checkout.session.async_payment_succeeded", completed(slow.session)),
    );
    expect((await t.services.payments.orders.get(slow.user.id, slow.order.id)).status).toBe(
      "fulfilled",
    );
    expect(await availableCredits(t.services, slow.user.id)).toBe(slow.before + 500);

    const failing = await checkout();
    await deliver(
      stripe.event(
        "checkout.session.async_payment_failed",
        completed(failing.session, { payment_status: "unpaid" }),
      ),
    );
    expect((await t.services.payments.orders.get(failing.user.id, failing.order.id)).status).toBe(
      "failed",
    );
    expect(await availableCredits(t.services, failing.user.id)).toBe(failing.before);
  });

  it("never moves an order backwards when events arrive out of order", async () => {
    const { order, session, user, before } = await checkout();
    await deliver(stripe.event("checkout.session.completed", completed(session)));
    const late = await deliver(
      stripe.event("checkout.session.expired", { ...session, status: "expired" }),
    );
    expect(late.json()).toMatchObject({ outcome: "ignored" });
    expect((await t.services.payments.orders.get(user.id, order.id)).status).toBe("fulfilled");
    expect(await availableCredits(t.services, user.id)).toBe(before + 500);

    const abandoned = await checkout();
    await deliver(
      stripe.event("checkout.session.expired", { ...abandoned.session, status: "expired" }),
    );
    expect(
      (await t.services.payments.orders.get(abandoned.user.id, abandoned.order.id)).status,
    ).toBe("expired");
  });

  it("reads a pending checkout from Stripe on an explicit refresh, before a late webhook", async () => {
    const { order, session, user, before, headers } = await checkout();
    const refresh = () =>
      t.app.inject({
        method: "GET",
        url: `/api/account/orders/${order.id}?refresh=1`,
        headers,
      });
    expect((await refresh()).json()).toMatchObject({ status: "pending" });
    stripe.failNext(500, "api_error", 3);
    expect((await refresh()).json()).toMatchObject({ status: "pending" });

    const paid = completed(session);
    Object.assign(session, paid);
    expect((await refresh()).json()).toMatchObject({ status: "fulfilled" });
    expect((await refresh()).json()).toMatchObject({ status: "fulfilled" });
    const late = await deliver(stripe.event("checkout.session.completed", paid));
    expect(late.json()).toMatchObject({ outcome: "ignored" });
    expect(await availableCredits(t.services, user.id)).toBe(before + 500);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/account/orders/${order.id}?refresh=yes`,
        headers,
      }),
      400,
      "validation_error",
    );
  });

  it("holds a payment that does not match its order for staff instead of fulfilling it", async () => {
    const { order, session, user, before } = await checkout();
    const reply = await deliver(
      stripe.event("checkout.session.completed", completed(session, { amount_total: 100 })),
    );
    expect(reply.json()).toMatchObject({ outcome: "amount_mismatch" });
    const held = await t.services.payments.orders.get(user.id, order.id);
    expect(held).toMatchObject({ status: "paid", paidAmountCents: 100 });
    expect(await availableCredits(t.services, user.id)).toBe(before);
  });

  it("refuses unsigned, tampered, foreign and stale deliveries, writing nothing", async () => {
    const { order, session } = await checkout();
    const paid = completed(session);
    const valid = stripe.event("checkout.session.completed", paid);
    const refused = [
      { payload: valid.payload, signature: "" },
      { payload: valid.payload.replace('"paid"', '"PAID"'), signature: valid.signature },
      stripe.event("checkout.session.completed", paid, { secret: "whsec_someone_else" }),
      stripe.event("checkout.session.completed", paid, {
        signedAt: Math.floor(Date.now() / 1000) - 301,
      }),
    ];
    for (const delivery of refused) {
      expectProblem(await deliver(delivery), 400, "invalid_signature");
    }
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/webhooks/stripe",
        headers: { "content-type": "application/json" },
        payload: valid.payload,
      }),
      400,
      "invalid_signature",
    );
    expectProblem(await deliver(valid, "text/plain"), 415, "unsupported_media_type");
    expect(await eventsOf(order.id)).toEqual([]);
    const [row] = await t.services.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row?.status).toBe("pending");
  });

  it("records and ignores event types it does not handle", async () => {
    const delivery = stripe.event("customer.created", { id: "cus_123", object: "customer" });
    const reply = await deliver(delivery);
    expect(reply.json()).toEqual({ received: true, outcome: "ignored" });
    const [row] = await t.services.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.providerEventId, delivery.id));
    expect(row).toMatchObject({ type: "customer.created", outcome: "ignored", orderId: null });
  });

  it("ends the order and answers 502 when Stripe refuses the checkout; retries a flaky Stripe", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    const create = () =>
      t.app.inject({
        method: "POST",
        url: "/api/account/orders/create",
        headers,
        payload: { price_id: priceId },
      });
    stripe.failNext(400, "invalid_request_error");
    expectProblem(await create(), 502, "payment_provider_error");
    const [failed] = await t.services.db.select().from(orders).where(eq(orders.userId, user.id));
    expect(failed?.status).toBe("failed");

    stripe.failNext(500, "api_error", 2);
    expect((await create()).statusCode).toBe(201);
  });
  describe("refunds", () => {
    let staff: Record<string, string>;
    beforeAll(async () => {
      const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
      staff = (await signIn(t, user.id)).headers;
    });

    async function paidOrder() {
      const bought = await checkout();
      const paid = completed(bought.session);
      await deliver(stripe.event("checkout.session.completed", paid));
      return { ...bought, paymentIntent: paid.payment_intent };
    }

    const refund = (orderId: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: `/api/admin/orders/${orderId}/refund`,
        headers: staff,
        payload,
      });

    it("refunds through Stripe once, and the refund's own events change nothing more", async () => {
      const { order, user, before, paymentIntent } = await paidOrder();
      const reply = await refund(order.id, { amount_cents: 2000, reason: "half" });
      expect(reply.statusCode).toBe(201);
      const made = reply.json<{ id: string; provider_refund_id: string; status: string }>();
      expect(made.status).toBe("succeeded");
      const request = stripe.requests.find(
        (r) => r.path === "/v1/refunds" && r.form["payment_intent"] === paymentIntent,
      );
      expect(request?.form).toMatchObject({
        amount: "2000",
        metadata: { refund_id: made.id, order_id: order.id },
      });
      expect(request?.headers["idempotency-key"]).toBe(`tollgate-refund-${made.id}`);
      expect(await availableCredits(t.services, user.id)).toBe(before + 250);

      const object = stripe.objects.get(made.provider_refund_id);
      const echoed = await deliver(stripe.event("refund.updated", { ...object }));
      expect(echoed.json()).toMatchObject({ outcome: "ignored" });
      expect(await availableCredits(t.services, user.id)).toBe(before + 250);
      expect((await t.services.payments.orders.get(user.id, order.id)).refundedCents).toBe(2000);
    });

    it("applies a refund made in the Stripe dashboard, and a pending one when it succeeds", async () => {
      const { order, user, before, paymentIntent } = await paidOrder();
      const dashboard = {
        id: "re_dashboard_1",
        object: "refund",
        amount: 4000,
        currency: "usd",
        payment_intent: paymentIntent,
        status: "pending",
        metadata: {},
      };
      await deliver(stripe.event("refund.created", dashboard));
      expect(await availableCredits(t.services, user.id)).toBe(before + 500);
      const applied = await deliver(
        stripe.event("refund.updated", { ...dashboard, status: "succeeded" }),
      );
      expect(applied.json()).toMatchObject({ outcome: "applied" });
      expect(await availableCredits(t.services, user.id)).toBe(before);
      const late = await deliver(stripe.event("refund.created", dashboard));
      expect(late.json()).toMatchObject({ outcome: "ignored" });
      const notices = mailer.messages.filter(
        (m) => m.to === user.email && m.subject.includes("refund"),
      );
      expect(notices).toHaveLength(1);
      const found = await t.services.payments.ordersAdmin.investigate(order.id);
      expect(found.order.status).toBe("refunded");
      expect(found.refunds).toEqual([
        expect.objectContaining({
          providerRefundId: "re_dashboard_1",
          status: "succeeded",
          reason: "made at the payment provider",
        }),
      ]);
    });

    it("has a refund that outruns its payment's event delivered again later, not lost", async () => {
      const { order, session, user, before } = await checkout();
      const paid = completed(session);
      stripe.objects.set(paid.payment_intent, {
        id: paid.payment_intent,
        object: "payment_intent",
        metadata: { order_id: order.id },
      });
      const early = stripe.event("refund.created", {
        id: "re_before_payment",
        object: "refund",
        amount: 4000,
        currency: "usd",
        payment_intent: paid.payment_intent,
        status: "succeeded",
        metadata: {},
      });
      expectProblem(await deliver(early), 503, "payment_not_recorded");
      const [recorded] = await t.services.db
        .select()
        .from(paymentEvents)
        .where(eq(paymentEvents.providerEventId, early.id));
      expect(recorded).toBeUndefined();

      await deliver(stripe.event("checkout.session.completed", paid));
      expect((await deliver(early)).json()).toMatchObject({ outcome: "applied" });
      expect(await availableCredits(t.services, user.id)).toBe(before);
      expect((await t.services.payments.orders.get(user.id, order.id)).status).toBe("refunded");

      // A refund of a payment that is not Tollgate's is recorded and left alone.
      stripe.objects.set("pi_someone_else", {
        id: "pi_someone_else",
        object: "payment_intent",
        metadata: {},
      });
      const foreign = await deliver(
        stripe.event("refund.created", {
          id: "re_foreign",
          object: "refund",
          amount: 100,
          currency: "usd",
          payment_intent: "pi_someone_else",
          status: "succeeded",
          metadata: {},
        }),
      );
      expect(foreign.json()).toMatchObject({ outcome: "unknown_order" });
    });

    it("waits for a pending Stripe refund's event before taking credits back", async () => {
      const { order, user, before } = await paidOrder();
      stripe.refundStatus = "pending";
      try {
        const reply = await refund(order.id, { reason: "bank transfer" });
        expect(reply.json()).toMatchObject({ status: "pending", credits_clawed_back: 0 });
        expect(await availableCredits(t.services, user.id)).toBe(before + 500);
        const made = reply.json<{ provider_refund_id: string }>();
        const object = stripe.objects.get(made.provider_refund_id);
        await deliver(stripe.event("refund.updated", { ...object, status: "succeeded" }));
        expect(await availableCredits(t.services, user.id)).toBe(before);
      } finally {
        stripe.refundStatus = "succeeded";
      }
    });

    it("answers 502 when Stripe refuses a refund, and keeps it open when Stripe is down", async () => {
      const { order, paymentIntent } = await paidOrder();
      stripe.failNext(400, "invalid_request_error");
      expectProblem(await refund(order.id, { reason: "x" }), 502, "payment_provider_error");
      stripe.failNext(503, "api_error", 3);
      expectProblem(await refund(order.id, { reason: "y" }), 502, "payment_provider_error");
      const found = await t.services.payments.ordersAdmin.investigate(order.id);
      expect(found.refunds.map((r) => r.status)).toEqual(["failed", "pending"]);
      expect(found.order.status).toBe("fulfilled");
      expectProblem(await refund(order.id, { reason: "z" }), 409, "refund_exceeds_payment");

      // Staff then refund in the Stripe dashboard: Stripe's word wins over our unanswered ask.
      const applied = await deliver(
        stripe.event("refund.updated", {
          id: "re_dashboard_after_outage",
          object: "refund",
          amount: 4000,
          currency: "usd",
          payment_intent: paymentIntent,
          status: "succeeded",
          metadata: {},
        }),
      );
      expect(applied.json()).toMatchObject({ outcome: "applied" });
      const after = await t.services.payments.ordersAdmin.investigate(order.id);
      expect(after.refunds.map((r) => r.status)).toEqual(["failed", "failed", "succeeded"]);
      expect(after.order).toMatchObject({ status: "refunded", refundedCents: 4000 });
    });
  });
});

describe("the Stripe webhook without Stripe configured", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("answers 404 (Stripe keeps the event and retries any non-2xx), and writes nothing", async () => {
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/webhooks/stripe",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      payload: "{}",
    });
    expectProblem(reply, 404, "webhook_not_configured");
    expect(await t.services.db.select().from(paymentEvents)).toEqual([]);
  });
});
