import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantCredits } from "../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createBillingPeriod, recordTestRequest } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { scriptedService } from "../../test/support/scripted-service.js";
import { signIn, type SignedIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { addUtcDays, startOfUtcDay, utcDateString } from "../usage/usage.time.js";

interface Totals {
  from: string;
  to: string;
  requests: number;
  errors: number;
  error_rate: number | null;
  revenue_cents: number;
  credits_granted: number;
  credits_consumed: number;
  active_users: number;
}
interface Stats {
  window: Totals;
  today: Totals;
  open_overdue_periods: number;
  series: {
    from: string;
    to: string;
    days: {
      day: string;
      requests: number;
      requests_by_service: Record<string, number>;
      revenue_cents: number;
    }[];
  };
  latest_errors: { id: string; request_id: string; error_code: string | null }[];
}

// The test's own database holds only what this file makes; "today" is the real UTC day, since
// the journal and the paid mark are dated by the database's clock.
describe("staff dashboard figures: GET /api/admin/stats", () => {
  let t: TestApp;
  let staff: SignedIn;
  const today = startOfUtcDay(new Date());
  const day = (offset: number) => utcDateString(addUtcDays(today, offset));
  const failedRequestId = randomUUID();

  beforeAll(async () => {
    const paid = scriptedService({ name: "test.paid", creditCost: 2.5 });
    t = await createTestApp({ aiServices: [paid] });
    const db = t.services.db;
    staff = await signIn(t, (await createVerifiedUser(db, { isStaff: true })).user.id);
    const alice = (await createVerifiedUser(db)).user;
    const bob = (await createVerifiedUser(db)).user;

    // Today: alice is granted 10 credits, spends 2 × 2.5 of them, and one call of hers fails.
    await grantCredits(t.services, alice.id, 10);
    const { token } = await createApiToken(t, alice.id);
    for (let n = 0; n < 2; n += 1) {
      const run = await t.app.inject({
        method: "POST",
        url: "/api/services/test.paid/run",
        headers: { authorization: `Bearer ${token}` },
        payload: { input: { n } },
      });
      expect(run.statusCode).toBe(200);
    }
    await recordTestRequest(db, {
      userId: alice.id,
      requestTs: new Date(today.getTime() + 1000),
      status: "error",
      errorCode: "openai_timeout",
      costCents: 0,
      requestId: failedRequestId,
    });
    // Bob: a call 10 days ago, and one 40 days ago, outside the 30-day series.
    await recordTestRequest(db, { userId: bob.id, requestTs: addUtcDays(today, -10) });
    await recordTestRequest(db, { userId: bob.id, requestTs: addUtcDays(today, -40) });

    // Paid today through the API (300), paid 5 days ago (700), and one period overdue.
    const pending = await createBillingPeriod(db, {
      userId: alice.id,
      month: "2025-01",
      totalRequests: 3,
      totalCostCents: 300,
    });
    const marked = await t.app.inject({
      method: "POST",
      url: `/api/admin/billing/periods/${pending.id}/mark-paid`,
      headers: staff.headers,
    });
    expect(marked.statusCode).toBe(200);
    await createBillingPeriod(db, {
      userId: bob.id,
      month: "2025-02",
      paymentStatus: "paid",
      paidAt: new Date(addUtcDays(today, -5).getTime() + 3_600_000),
      paidAmountCents: 700,
    });
    await createBillingPeriod(db, { userId: bob.id, month: "2025-03", paymentStatus: "overdue" });
  });
  afterAll(async () => t.close());

  async function stats(query = ""): Promise<Stats> {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/stats${query}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Stats>();
  }

  it("totals today's requests, errors, revenue, credits and active users", async () => {
    const figures = await stats(`?from=${day(0)}&to=${day(0)}`);
    const expected: Totals = {
      from: day(0),
      to: day(0),
      requests: 3,
      errors: 1,
      error_rate: 1 / 3,
      revenue_cents: 300,
      credits_granted: 10,
      credits_consumed: 5,
      active_users: 1,
    };
    expect(figures.window).toEqual(expected);
    expect(figures.today).toEqual(expected);
    expect(figures.open_overdue_periods).toBe(1);
    expect(figures.latest_errors).toEqual([
      expect.objectContaining({ request_id: failedRequestId, error_code: "openai_timeout" }),
    ]);
  });

  it("totals a longer window, and defaults to this month so far", async () => {
    expect((await stats(`?from=${day(-10)}&to=${day(0)}`)).window).toMatchObject({
      requests: 4,
      errors: 1,
      active_users: 2,
      revenue_cents: 1000,
    });
    const byDefault = await stats();
    expect(byDefault.window).toMatchObject({ from: `${day(0).slice(0, 8)}01`, to: day(0) });
    expect(byDefault.window.requests).toBeGreaterThanOrEqual(3);
    expect(byDefault.today.requests).toBe(3);
    // A window with nothing in it has no error rate rather than a division by zero.
    expect((await stats("?from=2020-01-01&to=2020-01-31")).window).toMatchObject({
      requests: 0,
      error_rate: null,
      revenue_cents: 0,
      credits_granted: 0,
    });
  });

  it("gives the last 30 days one entry a day, requests by service and revenue", async () => {
    const { series } = await stats(`?from=2020-01-01&to=2020-01-01`);
    expect(series.from).toBe(day(-29));
    expect(series.to).toBe(day(0));
    expect(series.days.map((d) => d.day)).toEqual(
      Array.from({ length: 30 }, (_, i) => day(i - 29)),
    );
    const at = (offset: number) => series.days.find((d) => d.day === day(offset));
    expect(at(0)).toEqual({
      day: day(0),
      requests: 3,
      requests_by_service: { "test.paid": 2, "core.image_solve": 1 },
      revenue_cents: 300,
    });
    expect(at(-10)).toMatchObject({ requests: 1, requests_by_service: { "core.image_solve": 1 } });
    expect(at(-5)).toMatchObject({ requests: 0, requests_by_service: {}, revenue_cents: 700 });
    expect(series.days.reduce((sum, d) => sum + d.requests, 0)).toBe(4);
  });

  it("refuses a malformed, reversed, one-sided or too long window with the field named", async () => {
    for (const [query, field, code] of [
      ["from=2025-01-01", "to", "required"],
      ["to=2025-01-01", "from", "required"],
      ["from=2025-02-30&to=2025-03-01", "from", "invalid_format"],
      ["from=0000-01-01&to=0000-01-02", "from", "invalid_format"],
      ["from=2025-03-02&to=2025-03-01", "to", "invalid_range"],
      ["from=2024-01-01&to=2025-01-01", "to", "out_of_range"],
    ] as const) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/stats?${query}`,
        headers: staff.headers,
      });
      const body = expectProblem(response, 400, "validation_error");
      expect(
        body.errors?.map((error) => [error.field, error.code]),
        query,
      ).toContainEqual([field, code]);
    }
    // 366 days (a leap year) is the longest window.
    expect((await stats("?from=2024-01-01&to=2024-12-31")).window.from).toBe("2024-01-01");
  });

  it("is for staff only", async () => {
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/stats" });
  });
});
