import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { createBillingPeriod, recordTestRequest } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { signIn, withoutCsrfHeader } from "../../test/support/sessions.js";
import { fixedClock } from "../platform/clock.js";
import { billingPeriods } from "./billing-periods.table.js";

const BASE = "http://localhost:8000";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

describe("billing routes", () => {
  let t: TestApp;
  const clock = fixedClock("2025-03-10T12:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function signedIn(isStaff = false) {
    const user = await createUser(t.services.db, { isStaff });
    const session = await signIn(t, user.id);
    return { user, headers: session.headers, session };
  }

  async function call(
    method: "GET" | "POST",
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) {
    const response = await t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  async function paymentStatusOf(periodId: string) {
    const [row] = await t.services.db
      .select({ status: billingPeriods.paymentStatus })
      .from(billingPeriods)
      .where(eq(billingPeriods.id, periodId));
    return row?.status;
  }

  describe("GET /api/customers/billing/current", () => {
    it("creates this month's period on first call and returns the same one afterwards", async () => {
      const { headers } = await signedIn();
      const first = await call("GET", "/api/customers/billing/current", headers);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        id: expect.any(String) as string,
        period_start: "2025-03-01",
        period_end: "2025-03-31",
        total_requests: 0,
        total_cost_cents: 0,
        is_current: true,
        payment_status: "pending",
        paid_at: null,
        paid_amount_cents: null,
        payment_reference: null,
        created_at: expect.stringMatching(/Z$/) as string,
      });
      const second = await call("GET", "/api/customers/billing/current", headers);
      expect(second.body["id"]).toBe(first.body["id"]);
    });

    it("shows the totals metered so far this month", async () => {
      const { user, headers } = await signedIn();
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: new Date("2025-03-01T00:00:00Z"),
        costCents: 120,
      });
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: new Date("2025-02-28T23:59:59Z"),
        costCents: 999,
      });
      const { body } = await call("GET", "/api/customers/billing/current", headers);
      expect(body).toMatchObject({
        period_start: "2025-03-01",
        total_requests: 1,
        total_cost_cents: 120,
      });
    });

    it("requires a session", async () => {
      expect((await call("GET", "/api/customers/billing/current", {})).status).toBe(401);
    });
  });

  describe("GET /api/customers/billing/periods", () => {
    it("lists my periods newest first, filtered by status", async () => {
      const { user, headers } = await signedIn();
      const other = await createUser(t.services.db);
      await createBillingPeriod(t.services.db, { userId: other.id, month: "2025-01" });
      const jan = await createBillingPeriod(t.services.db, { userId: user.id, month: "2025-01" });
      const feb = await createBillingPeriod(t.services.db, {
        userId: user.id,
        month: "2025-02",
        paymentStatus: "overdue",
      });
      const all = await call("GET", "/api/customers/billing/periods", headers);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ count: 2, next: null, previous: null });
      expect((all.body["results"] as { id: string }[]).map((p) => p.id)).toEqual([feb.id, jan.id]);

      const overdue = await call("GET", "/api/customers/billing/periods?status=overdue", headers);
      expect((overdue.body["results"] as { id: string }[]).map((p) => p.id)).toEqual([feb.id]);
      const paid = await call("GET", "/api/customers/billing/periods?status=paid", headers);
      expect(paid.body).toMatchObject({ count: 0, results: [] });
    });

    it("refuses an unknown status with 400 validation_error", async () => {
      const { headers } = await signedIn();
      const { status, body } = await call(
        "GET",
        "/api/customers/billing/periods?status=refunded",
        headers,
      );
      expect(status).toBe(400);
      expect(body["code"]).toBe("validation_error");
      expect(body["errors"]).toEqual([
        expect.objectContaining({ field: "status", code: "invalid_choice" }),
      ]);
    });

    it("paginates with DRF links", async () => {
      const { user, headers } = await signedIn();
      for (let month = 1; month <= 12; month++) {
        for (const year of [2023, 2024, 2025]) {
          if (year === 2025 && month > 2) continue;
          await createBillingPeriod(t.services.db, {
            userId: user.id,
            month: `${year}-${String(month).padStart(2, "0")}`,
          });
        }
      }
      const first = await call("GET", "/api/customers/billing/periods", headers);
      expect(first.body).toMatchObject({
        count: 26,
        previous: null,
        next: `${BASE}/api/customers/billing/periods?page=2`,
      });
      expect((first.body["results"] as { period_start: string }[])[0]?.period_start).toBe(
        "2025-02-01",
      );
      const second = await call("GET", "/api/customers/billing/periods?page=2", headers);
      expect(second.body).toMatchObject({
        count: 26,
        next: null,
        previous: `${BASE}/api/customers/billing/periods`,
      });
      expect(second.body["results"]).toEqual([
        expect.objectContaining({ period_start: "2023-01-01" }),
      ]);
    });
  });

  describe("GET /api/customers/billing/periods/{id}", () => {
    it("returns the period and its requests, paginated, newest first", async () => {
      const { user, headers } = await signedIn();
      const ids: string[] = [];
      for (let i = 0; i < 27; i++) {
        const { billingPeriodId } = await recordTestRequest(t.services.db, {
          userId: user.id,
          requestTs: new Date(Date.UTC(2025, 1, 1 + i)),
          costCents: 10,
        });
        ids.push(billingPeriodId);
      }
      // A March request belongs to another period.
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: new Date("2025-03-01T00:00:00Z"),
      });
      const periodId = ids[0]!;
      const url = `/api/customers/billing/periods/${periodId}`;
      const { status, body } = await call("GET", url, headers);
      expect(status).toBe(200);
      expect(body["period"]).toMatchObject({
        id: periodId,
        period_start: "2025-02-01",
        period_end: "2025-02-28",
        total_requests: 27,
        total_cost_cents: 270,
        is_current: false,
      });
      const requests = body["requests"] as Record<string, unknown>;
      expect(requests).toMatchObject({ count: 27, previous: null, next: `${BASE}${url}?page=2` });
      const results = requests["results"] as { request_ts: string }[];
      expect(results).toHaveLength(25);
      expect(results[0]?.request_ts).toBe("2025-02-27T00:00:00.000Z");
      const page2 = await call("GET", `${url}?page=2`, headers);
      expect((page2.body["requests"] as { results: unknown[] }).results).toHaveLength(2);
    });

    it("answers another user's period with 404 not_found, never 403", async () => {
      const { headers } = await signedIn();
      const other = await createUser(t.services.db);
      const theirs = await createBillingPeriod(t.services.db, { userId: other.id });
      const { status, body } = await call(
        "GET",
        `/api/customers/billing/periods/${theirs.id}`,
        headers,
      );
      expect(status).toBe(404);
      expect(body["code"]).toBe("not_found");
      const unknown = await call("GET", `/api/customers/billing/periods/${UNKNOWN_ID}`, headers);
      expect(unknown.status).toBe(404);
    });

    it("refuses a malformed id with 400 validation_error", async () => {
      const { headers } = await signedIn();
      const { status, body } = await call("GET", "/api/customers/billing/periods/42", headers);
      expect(status).toBe(400);
      expect(body["errors"]).toEqual([
        expect.objectContaining({ field: "id", code: "invalid_format" }),
      ]);
    });
  });

  describe("staff API /api/admin/billing/periods", () => {
    it("refuses customers with 403 and anonymous callers with 401", async () => {
      const { headers } = await signedIn(false);
      expect((await call("GET", "/api/admin/billing/periods", headers)).status).toBe(403);
      expect((await call("GET", "/api/admin/billing/periods", {})).status).toBe(401);
    });

    it.each(["mark-paid", "mark-overdue", "mark-waived"])(
      "refuses %s to a customer session with 403 permission_denied, changing nothing",
      async (action) => {
        const { headers } = await signedIn(false);
        const period = await createBillingPeriod(t.services.db, {
          userId: (await createUser(t.services.db)).id,
        });
        const mark = await call(
          "POST",
          `/api/admin/billing/periods/${period.id}/${action}`,
          headers,
          {},
        );
        expect(mark.status).toBe(403);
        expect(mark.body["code"]).toBe("permission_denied");
        expect(await paymentStatusOf(period.id)).toBe("pending");
      },
    );

    it("lists every user's periods with email, status and month filters", async () => {
      const { headers } = await signedIn(true);
      const alice = await createUser(t.services.db, { email: "alice-billing@example.com" });
      const bob = await createUser(t.services.db, { email: "bob-billing@example.com" });
      const aliceJan = await createBillingPeriod(t.services.db, {
        userId: alice.id,
        month: "2024-01",
        totalCostCents: 700,
        totalRequests: 7,
      });
      const aliceFeb = await createBillingPeriod(t.services.db, {
        userId: alice.id,
        month: "2024-02",
        paymentStatus: "overdue",
      });
      const bobJan = await createBillingPeriod(t.services.db, { userId: bob.id, month: "2024-01" });

      const ids = async (query: string) => {
        const { status, body } = await call("GET", `/api/admin/billing/periods?${query}`, headers);
        expect(status, query).toBe(200);
        return (body["results"] as { id: string }[]).map((p) => p.id);
      };
      expect(await ids("email=ALICE-billing")).toEqual([aliceFeb.id, aliceJan.id]);
      expect(await ids("month=2024-01&email=-billing@")).toEqual([aliceJan.id, bobJan.id]);
      expect(await ids("status=overdue&email=-billing@")).toEqual([aliceFeb.id]);
      expect(await ids("email=%25")).toEqual([]);
      expect(await ids(`user=${alice.id.toUpperCase()}`)).toEqual([aliceFeb.id, aliceJan.id]);
      expect(await ids(`user=${bob.id}&month=2024-01`)).toEqual([bobJan.id]);

      const { body } = await call(
        "GET",
        "/api/admin/billing/periods?email=alice-b&month=2024-01",
        headers,
      );
      expect((body["results"] as unknown[])[0]).toEqual({
        id: aliceJan.id,
        user_id: alice.id,
        user_email: "alice-billing@example.com",
        period_start: "2024-01-01",
        period_end: "2024-01-31",
        total_requests: 7,
        total_cost_cents: 700,
        is_current: false,
        payment_status: "pending",
        paid_at: null,
        paid_amount_cents: null,
        payment_reference: null,
        payment_notes: null,
        created_at: expect.stringMatching(/Z$/) as string,
      });
    });

    it("refuses a bad month or status with 400 validation_error", async () => {
      const { headers } = await signedIn(true);
      for (const [query, field] of [
        ["month=2024-13", "month"],
        ["month=2024-1", "month"],
        ["status=unpaid", "status"],
        ["user=alice", "user"],
        ["page=-1", "page"],
      ]) {
        const { status, body } = await call("GET", `/api/admin/billing/periods?${query}`, headers);
        expect(status, query).toBe(400);
        expect(body["errors"], query).toContainEqual(expect.objectContaining({ field }));
      }
    });

    it("marks a period paid with amount, reference and notes", async () => {
      const { headers } = await signedIn(true);
      const user = await createUser(t.services.db);
      const period = await createBillingPeriod(t.services.db, {
        userId: user.id,
        totalCostCents: 4200,
      });
      const { status, body } = await call(
        "POST",
        `/api/admin/billing/periods/${period.id}/mark-paid`,
        headers,
        { amount_cents: 4000, reference: "SEPA-123", notes: "200 cents discount" },
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: period.id,
        payment_status: "paid",
        paid_at: "2025-03-10T12:00:00.000Z",
        paid_amount_cents: 4000,
        payment_reference: "SEPA-123",
        payment_notes: "200 cents discount",
      });
    });

    it("marks a period paid without a body, defaulting the amount to the total", async () => {
      const { headers } = await signedIn(true);
      const user = await createUser(t.services.db);
      const period = await createBillingPeriod(t.services.db, {
        userId: user.id,
        totalCostCents: 4200,
      });
      const url = `/api/admin/billing/periods/${period.id}/mark-paid`;
      const { status, body } = await call("POST", url, headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({ payment_status: "paid", paid_amount_cents: 4200 });

      const again = await call("POST", url, headers, {});
      expect(again.status).toBe(409);
      expect(again.body["code"]).toBe("invalid_transition");
    });

    it("marks overdue, then waived with notes; a waived period is final", async () => {
      const { headers } = await signedIn(true);
      const user = await createUser(t.services.db);
      const period = await createBillingPeriod(t.services.db, { userId: user.id });
      const base = `/api/admin/billing/periods/${period.id}`;
      const overdue = await call("POST", `${base}/mark-overdue`, headers);
      expect(overdue.status).toBe(200);
      expect(overdue.body["payment_status"]).toBe("overdue");
      expect((await call("POST", `${base}/mark-overdue`, headers)).status).toBe(409);
      const waived = await call("POST", `${base}/mark-waived`, headers, { notes: "goodwill" });
      expect(waived.body).toMatchObject({ payment_status: "waived", payment_notes: "goodwill" });
      for (const action of ["mark-paid", "mark-overdue", "mark-waived"]) {
        const refused = await call("POST", `${base}/${action}`, headers, {});
        expect(refused.status, action).toBe(409);
        expect(refused.body["code"]).toBe("invalid_transition");
      }
    });

    it("answers an unknown period with 404 and a bad body with 400", async () => {
      const { headers } = await signedIn(true);
      const unknown = await call(
        "POST",
        `/api/admin/billing/periods/${UNKNOWN_ID}/mark-waived`,
        headers,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body["code"]).toBe("not_found");
      const period = await createBillingPeriod(t.services.db, {
        userId: (await createUser(t.services.db)).id,
      });
      const bad = await call("POST", `/api/admin/billing/periods/${period.id}/mark-paid`, headers, {
        amount_cents: -5,
        surprise: true,
      });
      expect(bad.status).toBe(400);
      expect(bad.body["errors"]).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: "amount_cents", code: "out_of_range" }),
          expect.objectContaining({ field: "surprise", code: "unknown_field" }),
        ]),
      );
      const huge = await call(
        "POST",
        `/api/admin/billing/periods/${period.id}/mark-paid`,
        headers,
        {
          amount_cents: 1e19,
        },
      );
      expect(huge.status).toBe(400);
      expect(huge.body["errors"]).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: "amount_cents", code: "out_of_range" }),
        ]),
      );
    });

    it.each(["mark-paid", "mark-overdue", "mark-waived"])(
      "needs the CSRF header on %s: 403 csrf_failed, changing nothing",
      async (action) => {
        const { session } = await signedIn(true);
        const period = await createBillingPeriod(t.services.db, {
          userId: (await createUser(t.services.db)).id,
        });
        const { status, body } = await call(
          "POST",
          `/api/admin/billing/periods/${period.id}/${action}`,
          withoutCsrfHeader(session),
          {},
        );
        expect(status).toBe(403);
        expect(body["code"]).toBe("csrf_failed");
        expect(await paymentStatusOf(period.id)).toBe("pending");
      },
    );
  });
});
