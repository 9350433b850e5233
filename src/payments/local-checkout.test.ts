import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits } from "../../test/factories/credits.js";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { paymentEvents } from "./orders.table.js";

interface OrderJson {
  id: string;
  status: string;
  amount_cents: number;
  credit_amount: number | null;
}

describe("the credit-pack loop with the local provider, over HTTP", () => {
  const mailer = memoryMailer();
  let t: TestApp;
  let priceId: string;
  beforeAll(async () => {
    t = await createTestApp({ mailer });
    await t.services.payments.catalog.createDefaults();
    const products = (await t.services.payments.catalog.listActive()).find(
      (p) => p.slug === "credits-500",
    );
    priceId = products?.prices[0]?.id ?? "";
  });
  afterAll(async () => t.close());

  async function buyer() {
    const { user } = await createVerifiedUser(t.services.db);
    return { user, headers: (await signIn(t, user.id)).headers };
  }

  async function order(headers: Record<string, string>, quantity = 1) {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/account/orders/create",
      headers,
      payload: { price_id: priceId, quantity },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ order: OrderJson; checkout_url: string }>();
    return { order: body.order, path: new URL(body.checkout_url).pathname };
  }

  const press = (path: string, button: string) =>
    t.app.inject({
      method: "POST",
      url: `${path}/${button}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });

  it("grants the pack's credits, a numbered receipt and an email only once paid", async () => {
    const { user, headers } = await buyer();
    const before = await availableCredits(t.services, user.id);
    const { order: created, path } = await order(headers, 2);
    expect(created).toMatchObject({ status: "pending", amount_cents: 8000, credit_amount: 1000 });
    expect(path).toMatch(/^\/checkout\/local\/lcs_/);

    // The page shows the order and its two buttons; coming back fulfils nothing.
    const page = await t.app.inject({ method: "GET", url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-security-policy"]).not.toContain("script");
    expect(page.body).toContain("USD 80.00");
    expect(page.body).toContain(`action="${path}/pay"`);
    await t.app.inject({ method: "GET", url: `/checkout/return?order=${created.id}` });
    expect(await availableCredits(t.services, user.id)).toBe(before);

    const paid = await press(path, "pay");
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(path);
    expect((await t.app.inject({ method: "GET", url: path })).body).toContain("fulfilled");

    // A second press is a new event for the same payment: recorded, applied once.
    await press(path, "pay");
    expect(await availableCredits(t.services, user.id)).toBe(before + 1000);
    const events = await t.services.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, created.id));
    expect(events.map((e) => e.outcome).sort()).toEqual(["applied", "ignored"]);

    const fetched = await t.app.inject({
      method: "GET",
      url: `/api/account/orders/${created.id}`,
      headers,
    });
    expect(fetched.json()).toMatchObject({ status: "fulfilled", paid_amount_cents: 8000 });
    const receipts = await t.app.inject({ method: "GET", url: "/api/account/receipts", headers });
    const [receipt] = receipts.json<{ results: { id: string; number: string }[] }>().results;
    expect(receipt?.number).toMatch(/^R-\d{4}-\d{6}$/);
    const printable = await t.app.inject({
      method: "GET",
      url: `/api/account/receipts/${receipt?.id ?? ""}/receipt`,
      headers,
    });
    expect(printable.headers["content-type"]).toMatch(/^text\/html/);
    expect(printable.body).toContain(receipt?.number);
    const mail = mailer.messages.filter((m) => m.to === user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain(receipt?.number);
  });

  it("fulfils once when the payment is delivered many times at once", async () => {
    const { user, headers } = await buyer();
    const before = await availableCredits(t.services, user.id);
    const { order: created, path } = await order(headers);
    const replies = await Promise.all(Array.from({ length: 10 }, () => press(path, "pay")));
    expect(replies.every((r) => r.statusCode === 303)).toBe(true);
    expect(await availableCredits(t.services, user.id)).toBe(before + 500);
    const events = await t.services.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, created.id));
    expect(events.filter((e) => e.outcome === "applied")).toHaveLength(1);
    expect((await t.services.payments.orders.listReceipts(user.id, 1)).count).toBe(1);
  });

  it("numbers receipts without gaps", async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { user, headers } = await buyer();
      const { path } = await order(headers);
      await press(path, "pay");
      numbers.push(
        (await t.services.payments.orders.listReceipts(user.id, 1)).rows[0]?.number ?? "",
      );
    }
    const sequence = numbers.map((n) => Number(n.slice(-6)));
    expect(sequence).toEqual([sequence[0], (sequence[0] ?? 0) + 1, (sequence[0] ?? 0) + 2]);
  });

  it("cancels without charging, and a canceled order cannot be paid afterwards", async () => {
    const { user, headers } = await buyer();
    const before = await availableCredits(t.services, user.id);
    const { order: created, path } = await order(headers);
    await press(path, "cancel");
    await press(path, "pay");
    const fetched = await t.services.payments.orders.get(user.id, created.id);
    expect(fetched.status).toBe("canceled");
    expect(await availableCredits(t.services, user.id)).toBe(before);
  });

  it("sends the buyer back to a return path of this server, with the order's id in it", async () => {
    const { user, headers } = await buyer();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/account/orders/create",
      headers,
      payload: { price_id: priceId, return_path: "/app/payments/{order_id}" },
    });
    expect(response.statusCode).toBe(201);
    const { order: created, checkout_url } = response.json<{
      order: OrderJson;
      checkout_url: string;
    }>();
    const back = `/app/payments/${created.id}`;
    const url = new URL(checkout_url);
    expect(url.origin).toBe("http://localhost:8000");
    expect(url.searchParams.get("return")).toBe(back);

    const page = await t.app.inject({ method: "GET", url: url.pathname + url.search });
    expect(page.body).toContain(`action="${url.pathname}/pay?return=${encodeURIComponent(back)}"`);
    const paid = await press(url.pathname, `pay?return=${encodeURIComponent(back)}`);
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(back);
    expect((await t.services.payments.orders.get(user.id, created.id)).status).toBe("fulfilled");
  });

  it("refuses a return path that is not a path of this server, and makes no order", async () => {
    const { user, headers } = await buyer();
    for (const foreign of [
      "https://evil.example/app",
      "//evil.example/app",
      "/\\evil.example/app",
      "/app/../../x",
      "/app/payments?next=https://evil.example",
      "app/payments",
      "/app/%2F%2Fevil.example",
      `/${"a".repeat(250)}`,
    ]) {
      const refused = await t.app.inject({
        method: "POST",
        url: "/api/account/orders/create",
        headers,
        payload: { price_id: priceId, return_path: foreign },
      });
      expectProblem(refused, 400, "validation_error");
    }
    expect((await t.services.payments.orders.list(user.id, 1)).count).toBe(0);

    // The local page's own `return` (its link can be edited) is held to the same rule.
    const { path } = await order(headers);
    expectProblem(
      await t.app.inject({ method: "GET", url: `${path}?return=https://evil.example/` }),
      400,
      "validation_error",
    );
    expectProblem(
      await press(path, `pay?return=${encodeURIComponent("//evil.example/")}`),
      400,
      "validation_error",
    );
  });

  it("keeps orders and receipts to their owner, and refuses bad orders clearly", async () => {
    const owner = await buyer();
    const { order: created } = await order(owner.headers);
    const other = await buyer();
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/account/orders/${created.id}`,
        headers: other.headers,
      }),
      404,
      "order_not_found",
    );
    const list = await t.app.inject({
      method: "GET",
      url: "/api/account/orders",
      headers: other.headers,
    });
    expect(list.json<{ count: number }>().count).toBe(0);
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/account/orders/create",
        headers: other.headers,
        payload: { price_id: "00000000-0000-4000-8000-000000000000" },
      }),
      404,
      "price_not_found",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/account/orders/create",
        headers: other.headers,
        payload: { price_id: priceId, quantity: 0 },
      }),
      400,
      "validation_error",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/account/orders/create",
        payload: { price_id: priceId },
      }),
      401,
      "not_authenticated",
    );
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/checkout/local/lcs_unknownunknownunknownunknownunknown",
      }),
      404,
      "checkout_not_found",
    );
  });
});
