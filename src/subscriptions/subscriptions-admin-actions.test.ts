import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { expectProblem } from "../../test/support/problems.js";
import { pressPay } from "../../test/support/shop.js";
import { signIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { auditLog } from "../audit/audit-log.table.js";
import { creditGrants } from "../credits/credit-grants.table.js";
import { prices, products } from "../payments/catalog.table.js";

interface DetailJson {
  subscription: { id: string; status: string; cancel_at_period_end: boolean };
  credit_grants: { source: string; amount: number; remaining: number; expired: number }[];
  audit: { action: string; actor_email: string | null; details: Record<string, unknown> }[];
}

describe("staff: cancel a subscription, grant a complimentary period", () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let staffEmail: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.payments.catalog.createDefaults();
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staffEmail = user.email;
    staff = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => t.close());

  async function subscribe(slug = "pro") {
    const { user } = await createVerifiedUser(t.services.db);
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
    const body = reply.json<{ subscription: { id: string }; checkout_url: string }>();
    expect((await pressPay(t, new URL(body.checkout_url).pathname)).statusCode).toBe(303);
    return { userId: user.id, id: body.subscription.id };
  }

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url, headers: staff, payload });

  async function balanceOf(userId: string) {
    const accountId = await t.services.credits.accountIdOf(userId);
    return t.services.db
      .select({ remaining: creditGrants.remaining })
      .from(creditGrants)
      .where(and(eq(creditGrants.accountId, accountId), eq(creditGrants.kind, "subscription")));
  }

  it("is staff only", async () => {
    const { id } = await subscribe();
    await expectStaffOnly(t, { method: "POST", url: `/api/admin/subscriptions/${id}/cancel` });
    await expectStaffOnly(t, {
      method: "POST",
      url: `/api/admin/subscriptions/${id}/complimentary-period`,
    });
  });

  it("cancels now: canceled, unspent credits expired, audited with the reason", async () => {
    const { userId, id } = await subscribe();
    const reply = await post(`/api/admin/subscriptions/${id}/cancel`, {
      at_period_end: false,
      reason: "chargeback",
    });
    expect(reply.statusCode).toBe(200);
    const detail = reply.json<DetailJson>();
    expect(detail.subscription.status).toBe("canceled");
    expect(detail.credit_grants.map((g) => [g.source, g.remaining, g.expired])).toEqual([
      ["invoice", 0, 5000],
    ]);
    expect(detail.audit).toEqual([
      expect.objectContaining({
        action: "subscriptions.cancel",
        actor_email: staffEmail,
        details: expect.objectContaining({ at_period_end: false, reason: "chargeback" }) as unknown,
      }),
    ]);
    expect(await balanceOf(userId)).toEqual([{ remaining: 0 }]);
    const status = await t.app.inject({
      method: "GET",
      url: "/api/account/subscriptions/status",
      headers: (await signIn(t, userId)).headers,
    });
    expect(status.json<{ effective_plan: string }>().effective_plan).toBe("free");
    // Ended: nothing more to cancel.
    const again = await post(`/api/admin/subscriptions/${id}/cancel`, {
      at_period_end: false,
      reason: "again",
    });
    expectProblem(again, 409, "invalid_transition");
  });

  it("cancels at the period end: credits kept until advance-subscription ends it", async () => {
    const { userId, id } = await subscribe();
    const reply = await post(`/api/admin/subscriptions/${id}/cancel`, {
      at_period_end: true,
      reason: "asked by phone",
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json<DetailJson>().subscription).toMatchObject({
      status: "active",
      cancel_at_period_end: true,
    });
    expect(await balanceOf(userId)).toEqual([{ remaining: 5_000_000 }]);
    const audited = await t.services.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audited.map((entry) => [entry.action, entry.details["at_period_end"]])).toEqual([
      ["subscriptions.cancel", true],
    ]);
    expect((await runCommand(t, ["advance-subscription", id])).code).toBe(0);
    expect(await balanceOf(userId)).toEqual([{ remaining: 0 }]);
  });

  it("grants a complimentary period once per period, audited, expiring with the period", async () => {
    const { userId, id } = await subscribe("team");
    const reply = await post(`/api/admin/subscriptions/${id}/complimentary-period`, {
      reason: "outage apology",
    });
    expect(reply.statusCode).toBe(201);
    const detail = reply.json<DetailJson>();
    expect(detail.credit_grants.map((g) => [g.source, g.amount]).sort()).toEqual([
      ["complimentary", 20000],
      ["invoice", 20000],
    ]);
    expect(detail.audit.map((entry) => [entry.action, entry.details["reason"]])).toEqual([
      ["subscriptions.complimentary_period", "outage apology"],
    ]);
    const replay = await post(`/api/admin/subscriptions/${id}/complimentary-period`, {
      reason: "outage apology",
    });
    expectProblem(replay, 409, "complimentary_exists");
    expect(await balanceOf(userId)).toHaveLength(2);
    const [grant] = await t.services.db
      .select({ expiresAt: creditGrants.expiresAt })
      .from(creditGrants)
      .where(eq(creditGrants.sourceType, "complimentary"));
    const period = await t.app.inject({
      method: "GET",
      url: `/api/admin/subscriptions/${id}`,
      headers: staff,
    });
    expect(grant?.expiresAt?.toISOString()).toBe(
      period.json<{ subscription: { current_period_end: string } }>().subscription
        .current_period_end,
    );
    // The next period may have its own; the renewal ended this one's.
    expect((await runCommand(t, ["advance-subscription", id])).code).toBe(0);
    const next = await post(`/api/admin/subscriptions/${id}/complimentary-period`, {
      reason: "second apology",
    });
    expect(next.statusCode).toBe(201);
    expect(
      next
        .json<DetailJson>()
        .credit_grants.filter((g) => g.source === "complimentary")
        .map((g) => [g.remaining, g.expired]),
    ).toEqual([
      [20000, 0],
      [0, 20000],
    ]);
  });

  it("refuses a complimentary period for an ended subscription, and unknown ids", async () => {
    const { id } = await subscribe();
    await post(`/api/admin/subscriptions/${id}/cancel`, { at_period_end: false, reason: "x" });
    expectProblem(
      await post(`/api/admin/subscriptions/${id}/complimentary-period`, { reason: "x" }),
      409,
      "invalid_transition",
    );
    const unknown = "00000000-0000-4000-8000-000000000000";
    expectProblem(
      await post(`/api/admin/subscriptions/${unknown}/complimentary-period`, { reason: "x" }),
      404,
      "subscription_not_found",
    );
    expectProblem(
      await post(`/api/admin/subscriptions/${unknown}/cancel`, {
        at_period_end: true,
        reason: "x",
      }),
      404,
      "subscription_not_found",
    );
    expectProblem(
      await post(`/api/admin/subscriptions/${id}/cancel`, { at_period_end: true }),
      400,
      "validation_error",
    );
  });
});
