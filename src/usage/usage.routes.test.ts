import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { recordTestRequest } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { signIn } from "../../test/support/sessions.js";
import { apiTokens } from "../customers/api-tokens.table.js";
import { fixedClock } from "../platform/clock.js";
import { requestLogs } from "./request-logs.table.js";
import { eq } from "drizzle-orm";

const BASE = "http://localhost:8000";

describe("usage routes", () => {
  let t: TestApp;
  const clock = fixedClock("2025-03-01T10:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function customer() {
    const user = await createUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    return { user, headers };
  }

  async function get(url: string, headers: Record<string, string>) {
    const response = await t.app.inject({ method: "GET", url, headers });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  describe("GET /api/customers/usage/summary", () => {
    it("computes Today, Yesterday, Last 7 Days and This Month in UTC across the month boundary", async () => {
      const { user, headers } = await customer();
      const other = await createUser(t.services.db);
      const at = (iso: string, costCents: number, status: "success" | "error" = "success") =>
        recordTestRequest(t.services.db, {
          userId: user.id,
          requestTs: new Date(iso),
          costCents,
          status,
          ...(status === "error" ? { errorCode: "openai_error" } : {}),
        });
      await at("2025-03-01T00:00:00.000Z", 100); // today's first instant
      await at("2025-03-01T09:59:59.000Z", 100, "error"); // counted, costs 0
      await at("2025-02-28T23:59:59.999Z", 200); // yesterday's last instant
      await at("2025-02-28T00:00:00.000Z", 300); // yesterday's first instant
      await at("2025-02-23T00:00:00.000Z", 400); // the sixth day before today: in Last 7 Days
      await at("2025-02-22T23:59:59.999Z", 500); // one instant too early for Last 7 Days
      await at("2025-03-02T00:00:00.000Z", 1000); // tomorrow: This Month, not Today
      await recordTestRequest(t.services.db, {
        userId: other.id,
        requestTs: new Date("2025-03-01T01:00:00Z"),
        costCents: 9999,
      });

      const { status, body } = await get("/api/customers/usage/summary", headers);
      expect(status).toBe(200);
      // total_requests and count are every logged call; a period's total_requests, only the
      // successful ones.
      const window = (title: string, count: number, failed: number, cost: number) => ({
        title,
        count,
        successful_requests: count - failed,
        failed_requests: failed,
        cost_cents: cost,
      });
      expect(body).toEqual({
        total_requests: 7,
        successful_requests: 6,
        failed_requests: 1,
        total_cost_cents: 2500,
        by_period: [
          window("Today", 2, 1, 100),
          window("Yesterday", 2, 0, 500),
          window("Last 7 Days", 5, 1, 1000),
          window("This Month", 3, 1, 1100),
        ],
      });
    });

    it("moves the windows with the clock: the last second of a month, then the next day", async () => {
      // Sessions expire by the same clock: sign in at the time of the requests.
      clock.set("2025-05-31T23:59:59Z");
      const { user, headers } = await customer();
      for (const iso of ["2025-05-01T00:00:00Z", "2025-05-31T23:59:59Z", "2025-05-31T00:00:00Z"]) {
        await recordTestRequest(t.services.db, {
          userId: user.id,
          requestTs: new Date(iso),
          costCents: 10,
        });
      }
      try {
        let { body } = await get("/api/customers/usage/summary", headers);
        expect(body["by_period"]).toMatchObject([
          { title: "Today", count: 2, cost_cents: 20 },
          { title: "Yesterday", count: 0, cost_cents: 0 },
          { title: "Last 7 Days", count: 2, cost_cents: 20 },
          { title: "This Month", count: 3, cost_cents: 30 },
        ]);
        clock.set("2025-06-01T00:00:00Z");
        ({ body } = await get("/api/customers/usage/summary", headers));
        expect(body["by_period"]).toMatchObject([
          { title: "Today", count: 0, cost_cents: 0 },
          { title: "Yesterday", count: 2, cost_cents: 20 },
          { title: "Last 7 Days", count: 2, cost_cents: 20 },
          { title: "This Month", count: 0, cost_cents: 0 },
        ]);
        expect(body).toMatchObject({ total_requests: 3, total_cost_cents: 30 });
      } finally {
        clock.set("2025-03-01T10:00:00Z");
      }
    });

    it("keeps the windows in the right year across Dec 31 / Jan 1 (UTC)", async () => {
      clock.set("2025-12-31T23:59:59Z");
      const { user, headers } = await customer();
      const at = (iso: string, costCents: number) =>
        recordTestRequest(t.services.db, { userId: user.id, requestTs: new Date(iso), costCents });
      await at("2024-12-31T12:00:00Z", 1); // a year earlier, same day: no window
      await at("2025-12-01T00:00:00Z", 10); // December's first instant
      await at("2025-12-24T23:59:59Z", 100); // the seventh day before Dec 31: not in 7 days
      await at("2025-12-25T00:00:00Z", 1000); // the sixth day before Dec 31, not before Jan 1
      await at("2025-12-30T12:00:00Z", 10000); // Dec 30
      await at("2025-12-31T23:59:59Z", 100000); // the year's last second
      await at("2026-01-01T00:00:00Z", 1000000); // the next year's first instant
      try {
        let { body } = await get("/api/customers/usage/summary", headers);
        expect(body["by_period"]).toMatchObject([
          { title: "Today", count: 1, cost_cents: 100000 },
          { title: "Yesterday", count: 1, cost_cents: 10000 },
          { title: "Last 7 Days", count: 3, cost_cents: 111000 },
          { title: "This Month", count: 5, cost_cents: 111110 },
        ]);
        clock.set("2026-01-01T00:00:00Z");
        ({ body } = await get("/api/customers/usage/summary", headers));
        expect(body["by_period"]).toMatchObject([
          { title: "Today", count: 1, cost_cents: 1000000 },
          { title: "Yesterday", count: 1, cost_cents: 100000 },
          // Dec 26 .. Jan 1.
          { title: "Last 7 Days", count: 3, cost_cents: 1110000 },
          { title: "This Month", count: 1, cost_cents: 1000000 },
        ]);
        expect(body).toMatchObject({ total_requests: 7, total_cost_cents: 1111111 });
      } finally {
        clock.set("2025-03-01T10:00:00Z");
      }
    });

    it("answers zeros for a user without requests", async () => {
      const { headers } = await customer();
      const { body } = await get("/api/customers/usage/summary", headers);
      expect(body).toMatchObject({
        total_requests: 0,
        successful_requests: 0,
        failed_requests: 0,
        total_cost_cents: 0,
      });
      expect(body["by_period"]).toHaveLength(4);
    });

    it("counts failed calls in total_requests, while the billing period counts only successful ones", async () => {
      const { user, headers } = await customer();
      for (const status of ["success", "success", "error"] as const) {
        await recordTestRequest(t.services.db, {
          userId: user.id,
          requestTs: new Date("2025-03-01T09:00:00Z"),
          status,
          errorCode: status === "error" ? "openai_timeout" : null,
        });
      }
      const summary = await get("/api/customers/usage/summary", headers);
      expect(summary.body).toMatchObject({
        total_requests: 3,
        successful_requests: 2,
        failed_requests: 1,
        total_cost_cents: 200,
      });
      const period = await get("/api/customers/billing/current", headers);
      expect(period.body).toMatchObject({ total_requests: 2, total_cost_cents: 200 });
    });

    it("requires a session", async () => {
      const { status, body } = await get("/api/customers/usage/summary", {});
      expect(status).toBe(401);
      expect(body["code"]).toBe("not_authenticated");
    });
  });

  describe("GET /api/customers/usage/daily", () => {
    it("answers the last 30 UTC days, quiet ones included, with requests and credits by service", async () => {
      const { user, headers } = await customer();
      const other = await createUser(t.services.db);
      const log = (iso: string, service: string, userId = user.id) =>
        recordTestRequest(t.services.db, { userId, requestTs: new Date(iso), service });
      await log("2025-03-01T00:00:00Z", "text_sentiment_analysis");
      const charged = await log("2025-03-01T09:59:59Z", "text_sentiment_analysis");
      await log("2025-03-01T09:00:00Z", "demo_free_service");
      await log("2025-02-28T23:59:59Z", "demo_free_service");
      await log("2025-01-30T23:59:59Z", "demo_free_service"); // 31 days ago: outside
      await log("2025-03-01T08:00:00Z", "demo_free_service", other.id);
      await t.services.db
        .update(requestLogs)
        .set({ creditsChargedMilli: 1500 })
        .where(eq(requestLogs.id, charged.requestLogId));

      const { status, body } = await get("/api/customers/usage/daily", headers);
      expect(status).toBe(200);
      const days = body["days"] as {
        day: string;
        requests: number;
        credits: number;
        by_service: { service: string; requests: number; credits: number }[];
      }[];
      expect(days).toHaveLength(30);
      expect(days[0]!.day).toBe("2025-01-31");
      expect(days.at(-1)).toEqual({
        day: "2025-03-01",
        requests: 3,
        credits: 1.5,
        by_service: [
          { service: "demo_free_service", requests: 1, credits: 0 },
          { service: "text_sentiment_analysis", requests: 2, credits: 1.5 },
        ],
      });
      expect(days.at(-2)).toMatchObject({ day: "2025-02-28", requests: 1, credits: 0 });
      expect(days[0]).toEqual({ day: "2025-01-31", requests: 0, credits: 0, by_service: [] });
      expect(days.reduce((sum, day) => sum + day.requests, 0)).toBe(4);
    });

    it("requires a session or a token", async () => {
      const { status, body } = await get("/api/customers/usage/daily", {});
      expect(status).toBe(401);
      expect(body["code"]).toBe("not_authenticated");
    });
  });

  describe("GET /api/customers/usage/requests", () => {
    it("lists exactly the contract's fields, with the token prefix and cost", async () => {
      const { user, headers } = await customer();
      const [token] = await t.services.db
        .insert(apiTokens)
        .values({ userId: user.id, name: "CLI", tokenPrefix: "ab12cd34", tokenHash: "x" })
        .returning();
      const { requestLogId } = await recordTestRequest(t.services.db, {
        userId: user.id,
        tokenId: token!.id,
        requestTs: new Date("2025-02-11T12:34:56Z"),
        requestId: "3a1e0000-0000-4000-8000-000000000001",
        durationMs: 412,
        requestBytes: 58213,
        responseBytes: 987,
        costCents: 100,
      });
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: new Date("2025-02-11T12:35:00Z"),
        status: "error",
        errorCode: "openai_timeout",
      });
      const { status, body } = await get("/api/customers/usage/requests", headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({ count: 2, next: null, previous: null });
      const results = body["results"] as Record<string, unknown>[];
      expect(results[0]).toMatchObject({
        status: "error",
        error_code: "openai_timeout",
        cost_cents: 0,
        token_prefix: null,
      });
      expect(results[1]).toEqual({
        id: requestLogId,
        request_ts: "2025-02-11T12:34:56.000Z",
        service: "core.image_solve",
        status: "success",
        duration_ms: 412,
        request_bytes: 58213,
        response_bytes: 987,
        request_id: "3a1e0000-0000-4000-8000-000000000001",
        token_prefix: "tok_ab12cd34",
        cost_cents: 100,
        error_code: null,
      });
    });

    it("paginates 25 a page, newest first, with links that keep the filters", async () => {
      const { user, headers } = await customer();
      for (let i = 0; i < 30; i++) {
        await recordTestRequest(t.services.db, {
          userId: user.id,
          requestTs: new Date(Date.UTC(2025, 1, 1, 0, i)),
        });
      }
      const first = await get("/api/customers/usage/requests?from=2025-02-01", headers);
      expect(first.body).toMatchObject({
        count: 30,
        previous: null,
        next: `${BASE}/api/customers/usage/requests?from=2025-02-01&page=2`,
      });
      const firstResults = first.body["results"] as { request_ts: string }[];
      expect(firstResults).toHaveLength(25);
      expect(firstResults[0]?.request_ts).toBe("2025-02-01T00:29:00.000Z");
      const second = await get("/api/customers/usage/requests?from=2025-02-01&page=2", headers);
      expect(second.body).toMatchObject({
        count: 30,
        next: null,
        previous: `${BASE}/api/customers/usage/requests?from=2025-02-01`,
      });
      const secondResults = second.body["results"] as { request_ts: string }[];
      expect(secondResults.map((r) => r.request_ts).at(-1)).toBe("2025-02-01T00:00:00.000Z");
      expect(secondResults).toHaveLength(5);
    });

    it("filters by from/to: a date is the whole UTC day, a datetime is exact", async () => {
      const { user, headers } = await customer();
      for (const iso of [
        "2025-01-09T23:59:59.999Z",
        "2025-01-10T00:00:00.000Z",
        "2025-01-10T12:00:00.000Z",
        "2025-01-11T23:59:59.999Z",
        "2025-01-12T00:00:00.000Z",
      ]) {
        await recordTestRequest(t.services.db, { userId: user.id, requestTs: new Date(iso) });
      }
      const times = async (query: string) => {
        const { status, body } = await get(`/api/customers/usage/requests?${query}`, headers);
        expect(status).toBe(200);
        return (body["results"] as { request_ts: string }[]).map((r) => r.request_ts).reverse();
      };
      expect(await times("from=2025-01-10&to=2025-01-11")).toEqual([
        "2025-01-10T00:00:00.000Z",
        "2025-01-10T12:00:00.000Z",
        "2025-01-11T23:59:59.999Z",
      ]);
      expect(await times("from=2025-01-10T12:00:00Z&to=2025-01-12T00:00:00Z")).toEqual([
        "2025-01-10T12:00:00.000Z",
        "2025-01-11T23:59:59.999Z",
        "2025-01-12T00:00:00.000Z",
      ]);
      // An offset is honoured (encoded '+'), and no offset means UTC.
      expect(await times("to=2025-01-10T01:00:00%2B01:00")).toEqual([
        "2025-01-09T23:59:59.999Z",
        "2025-01-10T00:00:00.000Z",
      ]);
      expect(await times("from=2025-01-12T00:00")).toEqual(["2025-01-12T00:00:00.000Z"]);
    });

    it("filters by service and status, each matching exactly", async () => {
      const { user, headers } = await customer();
      const at = new Date("2025-02-20T10:00:00Z");
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: at,
        service: "a_service",
      });
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: at,
        service: "a_service",
        status: "error",
        errorCode: "openai_error",
        costCents: 0,
      });
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: at,
        service: "b_service",
      });
      const listed = async (query: string) => {
        const { status, body } = await get(`/api/customers/usage/requests?${query}`, headers);
        expect(status).toBe(200);
        return (body["results"] as { service: string; status: string }[]).map(
          (log) => `${log.service}/${log.status}`,
        );
      };
      expect((await listed("service=a_service")).sort()).toEqual([
        "a_service/error",
        "a_service/success",
      ]);
      expect(await listed("service=a_service&status=error")).toEqual(["a_service/error"]);
      expect(await listed("status=success&service=b_service")).toEqual(["b_service/success"]);
      expect(await listed("service=a_serv")).toEqual([]);
      const bad = await get("/api/customers/usage/requests?status=failed", headers);
      expect(bad.status).toBe(400);
      expect(bad.body["code"]).toBe("validation_error");
    });

    it("refuses a bad from, to or page with 400 validation_error naming the field", async () => {
      const { headers } = await customer();
      const cases: [string, string, string][] = [
        ["from=yesterday", "from", "invalid_format"],
        ["to=2025-02-30", "to", "invalid_format"],
        ["from=2025-01-10T25:00:00Z", "from", "invalid_format"],
        ["from=2025-01-10&to=2025-01-09", "to", "invalid_range"],
        ["page=0", "page", "out_of_range"],
        ["page=two", "page", "invalid_type"],
        ["page=1000000000000000000", "page", "out_of_range"],
        // Plain decimal only: Number() would read these as 16, 10 and 1.
        ["page=0x10", "page", "invalid_type"],
        ["page=1e1", "page", "invalid_type"],
        ["page=%201", "page", "invalid_type"],
        ["page=1.0", "page", "invalid_type"],
        ["to=9999-12-31", "to", "invalid_format"],
        ["from=9999-12-31T23:59:59-23:59", "from", "invalid_format"],
      ];
      for (const [query, field, code] of cases) {
        const { status, body } = await get(`/api/customers/usage/requests?${query}`, headers);
        expect(status, query).toBe(400);
        expect(body["code"], query).toBe("validation_error");
        expect(body["errors"], query).toContainEqual(expect.objectContaining({ field, code }));
      }
      // One error for a value no accepted format matches, saying what the formats are.
      const { body } = await get("/api/customers/usage/requests?from=yesterday", headers);
      expect(body["errors"]).toEqual([
        {
          field: "from",
          code: "invalid_format",
          message: expect.stringMatching(
            /^Expected an ISO 8601 date \(YYYY-MM-DD.* or date-time/,
          ) as string,
        },
      ]);
    });

    it("never shows another user's requests", async () => {
      const { headers } = await customer();
      const other = await createUser(t.services.db);
      await recordTestRequest(t.services.db, {
        userId: other.id,
        requestTs: new Date("2025-02-01T00:00:00Z"),
      });
      const { body } = await get("/api/customers/usage/requests", headers);
      expect(body).toMatchObject({ count: 0, results: [] });
    });

    it("requires a session", async () => {
      const { status } = await get("/api/customers/usage/requests", {});
      expect(status).toBe(401);
    });
  });
});
