import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../audit/audit-log.table.js";
import { orders } from "./orders.table.js";
import { availableCredits } from "../../test/factories/credits.js";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";

interface AdminOrder {
  id: string;
  status: string;
  user_email: string;
  refunded_cents: number;
}
interface Investigation {
  order: AdminOrder;
  events: { type: string; outcome: string }[];
  refunds: { amount_cents: number; status: string; credits_clawed_back: number }[];
  receipt: { number: string } | null;
  credit_grant: { amount: number; remaining: number; taken_back: number } | null;
  ledger_entries: { type: string; amount: number }[];
  refundable_cents: number;
  can_confirm: boolean;
}
interface RefundJson {
  status: string;
  amount_cents: number;
  credits_clawed_back: number;
  credit_shortfall: number;
}

/** Buys and pays packs with the local provider, then works on them as staff. */
describe("staff orders: search, investigation, refunds", () => {
  const mailer = memoryMailer();
  let t: TestApp;
  let staff: Record<string, string>;
  let priceId: string;
  beforeAll(async () => {
    t = await createTestApp({ mailer });
    await t.services.payments.catalog.createDefaults();
    const pack = (await t.services.payments.catalog.listActive()).find(
      (p) => p.slug === "credits-500",
    );
    priceId = pack?.prices[0]?.id ?? "";
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => t.close());

  /** A buyer with one order of the 500-credit pack ($40), paid unless told. */
  async function purchase(options: { pay?: boolean; email?: string } = {}) {
    const { user } = await createVerifiedUser(t.services.db, { email: options.email });
    const { headers } = await signIn(t, user.id);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/account/orders/create",
      headers,
      payload: { price_id: priceId },
    });
    const { order, checkout_url } = created.json<{ order: { id: string }; checkout_url: string }>();
    if (options.pay ?? true) {
      await t.app.inject({
        method: "POST",
        url: `${new URL(checkout_url).pathname}/pay`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "",
      });
    }
    return { user, orderId: order.id };
  }

  const refund = (orderId: string, payload: Record<string, unknown>) =>
    t.app.inject({
      method: "POST",
      url: `/api/admin/orders/${orderId}/refund`,
      headers: staff,
      payload,
    });

  const investigate = async (orderId: string) => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/orders/${orderId}`,
      headers: staff,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Investigation>();
  };

  it("is for staff only", async () => {
    const { orderId } = await purchase({ pay: false });
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/orders" });
    await expectStaffOnly(t, { method: "GET", url: `/api/admin/orders/${orderId}` });
    await expectStaffOnly(t, { method: "POST", url: `/api/admin/orders/${orderId}/refund` });
    await expectStaffOnly(t, { method: "POST", url: `/api/admin/orders/${orderId}/confirm` });
  });

  it("finds orders by email, receipt number, id and status, and refuses bad filters", async () => {
    const { user, orderId } = await purchase({ email: "findme.buyer@example.com" });
    const pending = await purchase({ pay: false, email: "findme.pending@example.com" });
    const search = async (query: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/orders?${query}`,
        headers: staff,
      });
      expect(response.statusCode).toBe(200);
      return response.json<{ count: number; results: AdminOrder[] }>();
    };
    const byEmail = await search("q=findme");
    expect(byEmail.results.map((o) => o.id).sort()).toEqual([orderId, pending.orderId].sort());
    expect((await search("q=findme&status=fulfilled")).results.map((o) => o.id)).toEqual([orderId]);
    const receipt = (await t.services.payments.orders.listReceipts(user.id, 1)).rows[0];
    expect((await search(`q=${receipt?.number ?? ""}`)).results.map((o) => o.id)).toEqual([
      orderId,
    ]);
    expect((await search(`q=${user.id}`)).results[0]).toMatchObject({
      id: orderId,
      user_email: "findme.buyer@example.com",
    });
    expect((await search("q=findme&kind=billing_period")).count).toBe(0);
    expect((await search("q=%25_")).count).toBe(0);
    const bad = await t.app.inject({
      method: "GET",
      url: "/api/admin/orders?from=2026-02-10&to=2026-02-01",
      headers: staff,
    });
    expectProblem(bad, 400, "validation_error");
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/admin/orders?status=lost", headers: staff }),
      400,
      "validation_error",
    );
  });

  it("shows an order's events, receipt and credit grant", async () => {
    const { orderId } = await purchase();
    const found = await investigate(orderId);
    expect(found.order.status).toBe("fulfilled");
    expect(found.events).toEqual([
      expect.objectContaining({ type: "local.checkout.paid", outcome: "applied" }),
    ]);
    expect(found.receipt?.number).toMatch(/^R-\d{4}-\d{6}$/);
    expect(found.credit_grant).toEqual(
      expect.objectContaining({ amount: 500, remaining: 500, taken_back: 0 }),
    );
    expect(found.refundable_cents).toBe(4000);
    expect(found.can_confirm).toBe(false);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/admin/orders/00000000-0000-4000-8000-000000000000",
        headers: staff,
      }),
      404,
      "order_not_found",
    );
  });

  it("refunds in parts, taking the credits back in proportion, once, audited and emailed", async () => {
    const { user, orderId } = await purchase();
    const first = await refund(orderId, { amount_cents: 1000, reason: "asked nicely" });
    expect(first.statusCode).toBe(201);
    expect(first.json<RefundJson>()).toMatchObject({
      status: "succeeded",
      amount_cents: 1000,
      credits_clawed_back: 125,
      credit_shortfall: 0,
    });
    expect(await availableCredits(t.services, user.id)).toBe(375);
    expect((await investigate(orderId)).order).toMatchObject({
      status: "partially_refunded",
      refunded_cents: 1000,
    });

    expectProblem(
      await refund(orderId, { amount_cents: 3001, reason: "too much" }),
      409,
      "refund_exceeds_payment",
    );
    const rest = await refund(orderId, { reason: "the rest" });
    expect(rest.json<RefundJson>()).toMatchObject({ amount_cents: 3000, credits_clawed_back: 375 });
    expect(await availableCredits(t.services, user.id)).toBe(0);
    const found = await investigate(orderId);
    expect(found.order).toMatchObject({ status: "refunded", refunded_cents: 4000 });
    expect(found.refundable_cents).toBe(0);
    expect(found.credit_grant).toMatchObject({ remaining: 0, taken_back: 500 });
    expect(found.ledger_entries.map((e) => [e.type, e.amount])).toEqual([
      ["grant", 500],
      ["adjust", -125],
      ["adjust", -375],
    ]);
    expectProblem(await refund(orderId, { reason: "again" }), 409, "refund_exceeds_payment");

    const audits = await t.services.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, orderId));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "orders.refund",
      "orders.refund",
      "orders.refund_applied",
      "orders.refund_applied",
    ]);
    const applied = audits.filter((a) => a.action === "orders.refund_applied");
    expect(applied.map((a) => a.details["amount_cents"]).sort()).toEqual([1000, 3000]);
    expect(applied.every((a) => a.details["via"] === "local_refund")).toBe(true);
    const notices = mailer.messages.filter(
      (m) => m.to === user.email && m.subject.includes("refund"),
    );
    expect(notices).toHaveLength(2);
  });

  it("never takes back more than is unspent: the rest is the shortfall", async () => {
    const { user, orderId } = await purchase();
    await t.services.credits.adjust({
      userId: user.id,
      amount: -400_000,
      reason: "spent",
      actor: null,
    });
    const refunded = await refund(orderId, { reason: "unhappy" });
    expect(refunded.json<RefundJson>()).toMatchObject({
      credits_clawed_back: 100,
      credit_shortfall: 400,
    });
    expect(await availableCredits(t.services, user.id)).toBe(0);
  });

  it("refunds two requests at once without exceeding the payment", async () => {
    const { orderId } = await purchase();
    const replies = await Promise.all([
      refund(orderId, { amount_cents: 3000, reason: "one" }),
      refund(orderId, { amount_cents: 3000, reason: "two" }),
    ]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await investigate(orderId)).order.refunded_cents).toBe(3000);
  });

  it("refuses to refund a payment of another provider than this server's", async () => {
    const { orderId } = await purchase();
    await t.services.db.update(orders).set({ provider: "stripe" }).where(eq(orders.id, orderId));
    expectProblem(await refund(orderId, { reason: "x" }), 409, "provider_mismatch");
  });

  it("refuses to refund an unpaid order, bad bodies, and manual confirmation when it is off", async () => {
    const { orderId } = await purchase({ pay: false });
    // Pending, but the server does not confirm by hand: the admin offers no button.
    expect((await investigate(orderId)).can_confirm).toBe(false);
    expectProblem(await refund(orderId, { reason: "x" }), 409, "invalid_transition");
    expectProblem(await refund(orderId, { reason: "" }), 400, "validation_error");
    expectProblem(
      await refund(orderId, { reason: "x", amount_cents: "ten" }),
      400,
      "validation_error",
    );
    expectProblem(
      await refund("00000000-0000-4000-8000-000000000000", { reason: "x" }),
      404,
      "order_not_found",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/admin/orders/${orderId}/confirm`,
        headers: staff,
      }),
      403,
      "manual_confirm_disabled",
    );
  });
});

describe("manual confirmation with ORDER_CONFIRM_ALLOW_MANUAL", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ORDER_CONFIRM_ALLOW_MANUAL: "true" } });
    await t.services.payments.catalog.createDefaults();
  });
  afterAll(async () => t.close());

  it("fulfils a pending order once, as a payment would, and audits it", async () => {
    const pack = (await t.services.payments.catalog.listActive())[0];
    const { user } = await createVerifiedUser(t.services.db);
    const { order } = await t.services.payments.orders.create(user.id, {
      priceId: pack?.prices[0]?.id ?? "",
      quantity: 1,
    });
    const { user: admin } = await createVerifiedUser(t.services.db, { isStaff: true });
    const { headers } = await signIn(t, admin.id);
    const confirm = () =>
      t.app.inject({ method: "POST", url: `/api/admin/orders/${order.id}/confirm`, headers });
    const canConfirm = async () => {
      const found = await t.app.inject({
        method: "GET",
        url: `/api/admin/orders/${order.id}`,
        headers,
      });
      return found.json<{ can_confirm: boolean }>().can_confirm;
    };
    expect(await canConfirm()).toBe(true);
    const confirmed = await confirm();
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "fulfilled" });
    expect(await availableCredits(t.services, user.id)).toBe((pack?.creditAmount ?? -1) / 1000);
    expectProblem(await confirm(), 409, "invalid_transition");
    expect(await canConfirm()).toBe(false);
    const audits = await t.services.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, order.id));
    expect(audits.map((a) => a.action)).toEqual(["orders.confirm"]);
  });
});
