import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantCredits } from "../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { fixedClock } from "../platform/clock.js";

const clock = fixedClock("2026-05-20T08:00:00Z");

interface Page<T> {
  count: number;
  results: T[];
}

interface Transaction {
  type: string;
  amount: number;
  balance_after: number;
  service: string | null;
  reason: string | null;
}

describe("credits over HTTP", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function customer() {
    const { user } = await createVerifiedUser(t.services.db);
    const token = await createApiToken(t, user.id);
    return { user, bearer: { authorization: `Bearer ${token.token}` } };
  }

  async function staffHeaders() {
    const staff = await createVerifiedUser(t.services.db, { isStaff: true });
    return { staff: staff.user, headers: (await signIn(t, staff.user.id)).headers };
  }

  describe("the balance", () => {
    it("shows credits by kind, the total available, reservations and the next expiry", async () => {
      const { user, bearer } = await customer();
      await grantCredits(t.services, user.id, 10, { kind: "trial" });
      await grantCredits(t.services, user.id, 2.5, {
        kind: "subscription",
        expiresAt: new Date("2026-06-01T00:00:00Z"),
      });
      await grantCredits(t.services, user.id, 1.25, {
        kind: "subscription",
        expiresAt: new Date("2026-07-01T00:00:00Z"),
      });
      await grantCredits(t.services, user.id, 100);
      await grantCredits(t.services, user.id, 9, {
        kind: "payg",
        expiresAt: new Date("2026-05-01T00:00:00Z"),
      });
      await t.services.credits.reserve({
        accountId: await t.services.credits.accountIdOf(user.id),
        requestId: crypto.randomUUID(),
        service: "test",
        amount: 3000,
      });
      const response = await t.app.inject({
        method: "GET",
        url: "/api/credits/balance",
        headers: bearer,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        total_available: 110.75,
        trial_credits: 7,
        subscription_credits: 3.75,
        payg_credits: 100,
        adjustment_credits: 0,
        reserved: 3,
        next_expiry: { credits: 2.5, expires_at: "2026-06-01T00:00:00.000Z" },
      });
    });

    it("is zero for a new account, by session too, and refuses anonymous callers", async () => {
      const { user } = await customer();
      const response = await t.app.inject({
        method: "GET",
        url: "/api/credits/balance",
        headers: (await signIn(t, user.id)).headers,
      });
      expect(response.json()).toMatchObject({ total_available: 0, next_expiry: null });
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/credits/balance" }),
        401,
        "not_authenticated",
      );
    });
  });

  describe("the transactions", () => {
    it("list the caller's journal newest first, filtered by type, never another account's", async () => {
      const { user, bearer } = await customer();
      const other = await customer();
      await grantCredits(t.services, user.id, 5);
      await grantCredits(t.services, other.user.id, 50);
      const run = await t.app.inject({
        method: "POST",
        url: "/api/services/text_sentiment_analysis/run",
        headers: bearer,
        payload: { input: { text: "good" } },
      });
      expect(run.statusCode).toBe(200);

      const all = await t.app.inject({
        method: "GET",
        url: "/api/credits/transactions",
        headers: bearer,
      });
      const page = all.json<Page<Transaction>>();
      expect(page.count).toBe(3);
      expect(page.results.map((e) => [e.type, e.amount, e.balance_after, e.service])).toEqual([
        ["settle", 0, 4, "text_sentiment_analysis"],
        ["reserve", -1, 4, "text_sentiment_analysis"],
        ["grant", 5, 5, null],
      ]);
      const grants = await t.app.inject({
        method: "GET",
        url: "/api/credits/transactions?type=grant",
        headers: bearer,
      });
      expect(grants.json<Page<Transaction>>().results.map((e) => e.amount)).toEqual([5]);
      expectProblem(
        await t.app.inject({
          method: "GET",
          url: "/api/credits/transactions?type=steal",
          headers: bearer,
        }),
        400,
        "validation_error",
      );
    });
  });

  describe("staff adjustments", () => {
    it("grant credits with a reason, recorded in the journal and the audit log", async () => {
      const { user, bearer } = await customer();
      const { staff, headers } = await staffHeaders();
      const response = await t.app.inject({
        method: "POST",
        url: `/api/admin/users/${user.id}/credits`,
        headers,
        payload: { amount: 12.5, reason: "goodwill for the outage", kind: "payg" },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        user_id: user.id,
        amount: 12.5,
        balance: { total_available: 12.5, payg_credits: 12.5 },
      });
      const journal = await t.app.inject({
        method: "GET",
        url: "/api/credits/transactions",
        headers: bearer,
      });
      expect(journal.json<Page<Transaction>>().results).toEqual([
        expect.objectContaining({
          type: "adjust",
          amount: 12.5,
          balance_after: 12.5,
          reason: "goodwill for the outage",
        }),
      ]);
      const audit = await t.app.inject({
        method: "GET",
        url: `/api/admin/audit-log?action=credits.adjust&target_id=${user.id}`,
        headers,
      });
      expect(audit.json<Page<unknown>>().results).toEqual([
        expect.objectContaining({
          actor: { id: staff.id, email: staff.email },
          action: "credits.adjust",
          target_type: "user",
          target_id: user.id,
          details: { amount: 12.5, reason: "goodwill for the outage", kind: "payg" },
          request_id: response.headers["x-request-id"],
        }),
      ]);
    });

    it("take credits away in spend order, refusing more than is available with 409", async () => {
      const { user } = await customer();
      const { headers } = await staffHeaders();
      await grantCredits(t.services, user.id, 3, { kind: "trial" });
      await grantCredits(t.services, user.id, 4);
      const adjust = (amount: number, reason = "correction") =>
        t.app.inject({
          method: "POST",
          url: `/api/admin/users/${user.id}/credits`,
          headers,
          payload: { amount, reason },
        });
      const refused = expectProblem(await adjust(-7.001), 409, "insufficient_credits");
      expect(refused).toMatchObject({ required: 7.001, available: 7 });
      const debited = await adjust(-5);
      expect(debited.statusCode).toBe(201);
      expect(debited.json()).toMatchObject({
        balance: { total_available: 2, trial_credits: 0, payg_credits: 2 },
      });
      const admin = await t.app.inject({
        method: "GET",
        url: `/api/admin/credits/transactions?user=${user.id}&type=adjust`,
        headers,
      });
      expect(
        admin
          .json<Page<Transaction & { user: { id: string } }>>()
          .results.map((e) => [e.amount, e.balance_after, e.user.id]),
      ).toEqual([
        [-2, 2, user.id],
        [-3, 4, user.id],
      ]);
      expect((await t.services.credits.reconcile()).problems).toEqual([]);
    });

    it("refuse a missing reason, too many decimals, zero, a past expiry and an unknown user", async () => {
      const { user } = await customer();
      const { headers } = await staffHeaders();
      const adjust = (id: string, payload: object) =>
        t.app.inject({ method: "POST", url: `/api/admin/users/${id}/credits`, headers, payload });
      expectProblem(await adjust(user.id, { amount: 1 }), 400, "validation_error");
      expectProblem(await adjust(user.id, { amount: 1, reason: "  " }), 400, "validation_error");
      expect(
        expectProblem(
          await adjust(user.id, { amount: 0.0005, reason: "x" }),
          400,
          "validation_error",
        ).errors,
      ).toEqual([expect.objectContaining({ field: "amount", code: "too_precise" })]);
      expectProblem(await adjust(user.id, { amount: 0, reason: "x" }), 400, "validation_error");
      expectProblem(
        await adjust(user.id, { amount: 1, reason: "x", expires_at: "2020-01-01T00:00:00Z" }),
        400,
        "validation_error",
      );
      expectProblem(
        await adjust(user.id, { amount: -1, reason: "x", kind: "payg" }),
        400,
        "validation_error",
      );
      expectProblem(
        await adjust("00000000-0000-4000-8000-000000000000", { amount: 1, reason: "x" }),
        404,
        "not_found",
      );
    });

    it("show staff any user's balance by kind; 404 for an unknown user; staff only", async () => {
      const { user, bearer } = await customer();
      const { headers } = await staffHeaders();
      await grantCredits(t.services, user.id, 4, { kind: "trial" });
      await grantCredits(t.services, user.id, 2.5, { kind: "payg" });
      const url = `/api/admin/users/${user.id}/credits`;
      const response = await t.app.inject({ method: "GET", url, headers });
      expect(response.statusCode).toBe(200);
      const own = await t.app.inject({
        method: "GET",
        url: "/api/credits/balance",
        headers: bearer,
      });
      expect(response.json()).toEqual(own.json());
      expect(response.json()).toMatchObject({
        total_available: 6.5,
        trial_credits: 4,
        payg_credits: 2.5,
      });
      expectProblem(
        await t.app.inject({
          method: "GET",
          url: "/api/admin/users/00000000-0000-4000-8000-000000000000/credits",
          headers,
        }),
        404,
        "not_found",
      );
      await expectStaffOnly(t, { method: "GET", url });
    });

    it("are for staff only", async () => {
      const { user, bearer } = await customer();
      expectProblem(
        await t.app.inject({
          method: "POST",
          url: `/api/admin/users/${user.id}/credits`,
          headers: (await signIn(t, user.id)).headers,
          payload: { amount: 100, reason: "me" },
        }),
        403,
        "permission_denied",
      );
      expectProblem(
        await t.app.inject({
          method: "GET",
          url: "/api/admin/credits/transactions",
          headers: bearer,
        }),
        401,
        "not_authenticated",
      );
    });
  });
});
