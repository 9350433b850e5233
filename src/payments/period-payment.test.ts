import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createBillingPeriod } from "../../test/factories/usage.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";

interface Created {
  order: { id: string; status: string; amount_cents: number; billing_period_id: string };
  checkout_url: string;
}

describe("paying a postpaid billing period online (local provider)", () => {
  const mailer = memoryMailer();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ mailer });
  });
  afterAll(async () => t.close());

  async function customer() {
    const { user } = await createVerifiedUser(t.services.db);
    return { user, headers: (await signIn(t, user.id)).headers };
  }

  const pay = (periodId: string, headers: Record<string, string>) =>
    t.app.inject({
      method: "POST",
      url: `/api/customers/billing/periods/${periodId}/pay`,
      headers,
    });

  const press = (checkoutUrl: string) =>
    t.app.inject({
      method: "POST",
      url: `${new URL(checkoutUrl).pathname}/pay`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });

  const periodOf = async (periodId: string, headers: Record<string, string>) => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/customers/billing/periods/${periodId}`,
      headers,
    });
    return response.json<{ period: Record<string, unknown> }>().period;
  };

  it("marks the period paid with the amount and the payment's reference, and issues a receipt", async () => {
    const { user, headers } = await customer();
    const period = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-03",
      totalRequests: 12,
      totalCostCents: 1200,
      paymentStatus: "overdue",
    });
    const created = await pay(period.id, headers);
    expect(created.statusCode).toBe(201);
    const { order, checkout_url } = created.json<Created>();
    expect(order).toMatchObject({
      status: "pending",
      amount_cents: 1200,
      billing_period_id: period.id,
    });
    expect((await periodOf(period.id, headers))["payment_status"]).toBe("overdue");

    await press(checkout_url);
    await press(checkout_url);
    const paid = await periodOf(period.id, headers);
    expect(paid).toMatchObject({ payment_status: "paid", paid_amount_cents: 1200 });
    expect(String(paid["payment_reference"])).toMatch(/^local:lpay_/);
    const receipts = await t.services.payments.orders.listReceipts(user.id, 1);
    expect(receipts.rows.map((r) => r.amountCents)).toEqual([1200]);
    expect((await t.services.payments.orders.get(user.id, order.id)).status).toBe("fulfilled");

    expectProblem(await pay(period.id, headers), 409, "invalid_transition");
  });

  it("holds a second payment of a period settled meanwhile for staff, and never marks it twice", async () => {
    const { user, headers } = await customer();
    const period = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-04",
      totalCostCents: 500,
    });
    const first = (await pay(period.id, headers)).json<Created>();
    const second = (await pay(period.id, headers)).json<Created>();
    await press(first.checkout_url);
    await press(second.checkout_url);
    expect((await t.services.payments.orders.get(user.id, first.order.id)).status).toBe(
      "fulfilled",
    );
    expect((await t.services.payments.orders.get(user.id, second.order.id)).status).toBe("paid");
    const found = await t.services.payments.ordersAdmin.investigate(second.order.id);
    expect(found.events.map((e) => e.outcome)).toEqual(["already_settled"]);
    expect(found.refundableCents).toBe(500);
  });

  it("comes back to a return path of this server, and refuses a foreign one", async () => {
    const { user, headers } = await customer();
    const period = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-08",
      totalCostCents: 700,
    });
    const payTo = (returnPath: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/customers/billing/periods/${period.id}/pay`,
        headers,
        payload: { return_path: returnPath },
      });
    expectProblem(await payTo("https://evil.example/"), 400, "validation_error");
    expect((await t.services.payments.orders.list(user.id, 1)).count).toBe(0);

    const created = await payTo("/app/payments/{order_id}");
    expect(created.statusCode).toBe(201);
    const { order, checkout_url } = created.json<Created>();
    const url = new URL(checkout_url);
    const paid = await t.app.inject({
      method: "POST",
      url: `${url.pathname}/pay${url.search}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });
    expect(paid.headers.location).toBe(`/app/payments/${order.id}`);
    expect((await periodOf(period.id, headers))["payment_status"]).toBe("paid");
  });

  it("refuses an open, zero, waived, unknown or another user's period", async () => {
    const { user, headers } = await customer();
    const today = t.services.clock.now().toISOString().slice(0, 7);
    const open = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: today,
      totalCostCents: 300,
    });
    const zero = await createBillingPeriod(t.services.db, { userId: user.id, month: "2025-05" });
    const waived = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-06",
      totalCostCents: 300,
      paymentStatus: "waived",
    });
    for (const period of [open, zero, waived]) {
      expectProblem(await pay(period.id, headers), 409, "invalid_transition");
    }
    expectProblem(await pay("00000000-0000-4000-8000-000000000000", headers), 404, "not_found");
    const other = await customer();
    const theirs = await createBillingPeriod(t.services.db, {
      userId: other.user.id,
      month: "2025-07",
      totalCostCents: 300,
    });
    expectProblem(await pay(theirs.id, headers), 404, "not_found");
    expectProblem(await pay("not-a-uuid", headers), 400, "validation_error");
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/customers/billing/periods/${theirs.id}/pay`,
      }),
      401,
      "not_authenticated",
    );
  });
});
