import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { createBillingPeriod, recordTestRequest } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { allCommands } from "../commands.js";
import { loadConfig } from "../config.js";
import { users } from "../customers/users.table.js";
import { runCommandLine, type CommandIo } from "../platform/cli.js";
import { fixedClock } from "../platform/clock.js";
import { billingPeriods } from "./billing-periods.table.js";
import { requestLogs } from "./request-logs.table.js";

describe("usage management commands", () => {
  let t: TestApp;
  const clock = fixedClock("2025-04-05T09:00:00Z");
  let out: string[];
  let err: string[];
  const io: CommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { PAYMENT_GRACE_DAYS: "3" } });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    out = [];
    err = [];
    // Each test starts from no usage data; users of earlier tests are deactivated.
    await t.services.db.delete(requestLogs);
    await t.services.db.delete(billingPeriods);
    await t.services.db.update(users).set({ isActive: false });
  });

  function run(...argv: string[]) {
    return runCommandLine(argv, allCommands(t.config), { io, services: async () => t.services });
  }

  describe("create-billing-periods", () => {
    it("creates this month's period for every active user, once", async () => {
      const a = await createUser(t.services.db);
      const b = await createUser(t.services.db);
      await createUser(t.services.db, { isActive: false });
      // b already has one (made by a request this month).
      await recordTestRequest(t.services.db, { userId: b.id, requestTs: clock.now() });

      expect(await run("create-billing-periods")).toBe(0);
      expect(out.join("\n")).toBe("Created 1 billing period(s) for 2025-04; 1 already existed.");
      const rows = await t.services.db.select().from(billingPeriods);
      expect(rows.map((r) => [r.userId, r.periodStart, r.periodEnd, r.isCurrent]).sort()).toEqual(
        [
          [a.id, "2025-04-01", "2025-04-30", true],
          [b.id, "2025-04-01", "2025-04-30", true],
        ].sort(),
      );

      out = [];
      expect(await run("create-billing-periods")).toBe(0);
      expect(out.join("\n")).toBe("Created 0 billing period(s) for 2025-04; 2 already existed.");
    });

    it("moves is_current from last month's period to the new one", async () => {
      const user = await createUser(t.services.db);
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: new Date("2025-03-31T12:00:00Z"),
      });
      expect(await run("create-billing-periods")).toBe(0);
      const rows = await t.services.db
        .select()
        .from(billingPeriods)
        .where(eq(billingPeriods.userId, user.id))
        .orderBy(billingPeriods.periodStart);
      expect(rows.map((r) => [r.periodStart, r.isCurrent])).toEqual([
        ["2025-03-01", false],
        ["2025-04-01", true],
      ]);
    });
  });

  describe("mark-overdue-periods", () => {
    async function periodEnding(month: string, totalCostCents = 500, status = "pending" as const) {
      const user = await createUser(t.services.db);
      return createBillingPeriod(t.services.db, {
        userId: user.id,
        month,
        totalCostCents,
        totalRequests: 5,
        paymentStatus: status,
      });
    }

    async function statusOf(id: string) {
      const [row] = await t.services.db
        .select({ s: billingPeriods.paymentStatus })
        .from(billingPeriods)
        .where(eq(billingPeriods.id, id));
      return row?.s;
    }

    it("uses PAYMENT_GRACE_DAYS by default: a period ending more than 3 days ago is overdue", async () => {
      // Today is 2025-04-05: March ended 5 days ago (Mar 31), so it is overdue with 3 grace days.
      const march = await periodEnding("2025-03");
      const april = await periodEnding("2025-04");
      const paid = await periodEnding("2025-02", 500, "pending");
      await t.services.usage.markPeriodPaid(paid.id, {}, null);
      const unused = await periodEnding("2025-02", 0);

      expect(await run("mark-overdue-periods")).toBe(0);
      expect(out.join("\n")).toBe(
        "Marked 1 billing period(s) overdue (pending, last day before 2025-04-02; grace 3 day(s)).",
      );
      expect(await statusOf(march.id)).toBe("overdue");
      expect(await statusOf(april.id)).toBe("pending");
      expect(await statusOf(paid.id)).toBe("paid");
      // Nothing is owed for a period that cost nothing, so it is never late.
      expect(await statusOf(unused.id)).toBe("pending");

      out = [];
      expect(await run("mark-overdue-periods")).toBe(0);
      expect(out.join("\n")).toMatch(/^Marked 0 billing period\(s\) overdue/);
    });

    it("defaults to 0 grace days when PAYMENT_GRACE_DAYS is unset", async () => {
      const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "tollgate-grace-")) });
      expect(config.paymentGraceDays).toBe(0);
      const march = await periodEnding("2025-03");
      // Two days after March: overdue with no grace, still pending with this app's 3 days.
      clock.set("2025-04-02T09:00:00Z");
      try {
        const code = await runCommandLine(["mark-overdue-periods"], allCommands(config), {
          io,
          services: async () => ({ ...t.services, config }),
        });
        expect(code).toBe(0);
      } finally {
        clock.set("2025-04-05T09:00:00Z");
      }
      expect(out.join("\n")).toBe(
        "Marked 1 billing period(s) overdue (pending, last day before 2025-04-02; grace 0 day(s)).",
      );
      expect(await statusOf(march.id)).toBe("overdue");
    });

    it("takes --grace-days and counts whole days after the period's last day", async () => {
      const march = await periodEnding("2025-03");
      // Mar 31 is 5 days before Apr 5: not more than 5 days ago …
      expect(await run("mark-overdue-periods", "--grace-days", "5")).toBe(0);
      expect(await statusOf(march.id)).toBe("pending");
      // … but more than 4.
      expect(await run("mark-overdue-periods", "--grace-days", "4")).toBe(0);
      expect(await statusOf(march.id)).toBe("overdue");
    });

    it("marks last month overdue on the first day of the month with 0 grace days", async () => {
      const march = await periodEnding("2025-03");
      clock.set("2025-04-01T00:00:00Z");
      try {
        expect(await run("mark-overdue-periods", "--grace-days", "0")).toBe(0);
      } finally {
        clock.set("2025-04-05T09:00:00Z");
      }
      expect(await statusOf(march.id)).toBe("overdue");
    });

    it("refuses a grace that is not a whole number", async () => {
      expect(await run("mark-overdue-periods", "--grace-days", "two")).toBe(2);
      expect(err.join("\n")).toContain("--grace-days expects a whole number");
      expect(await run("mark-overdue-periods", "--grace-days", "100000000")).toBe(2);
      expect(err.join("\n")).toContain("--grace-days expects a whole number from 0 to 3650");
    });

    it("refuses a negative grace with the allowed range, not a parser message", async () => {
      expect(await run("mark-overdue-periods", "--grace-days", "-1")).toBe(2);
      expect(err.join("\n")).toContain("--grace-days expects a whole number from 0 to 3650");
      expect(err.join("\n")).not.toContain("ambiguous");
    });
  });

  describe("reconcile", () => {
    it("reports a clean database and exits 0", async () => {
      const user = await createUser(t.services.db);
      await recordTestRequest(t.services.db, { userId: user.id, requestTs: clock.now() });
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: clock.now(),
        status: "error",
        errorCode: "openai_error",
      });
      expect(await run("reconcile")).toBe(0);
      expect(out).toEqual([
        "Reconciled 0 credit grant(s), 0 hold(s) and 0 journal entries: no mismatches.",
        "Reconciled 1 billing period(s) and 2 request log(s): no mismatches.",
      ]);
      expect(err).toEqual([]);
    });

    it("exits 1 and prints a period whose totals differ from its logs", async () => {
      const user = await createUser(t.services.db);
      const { billingPeriodId } = await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: clock.now(),
        costCents: 100,
      });
      await t.services.db
        .update(billingPeriods)
        .set({ totalCostCents: sql`${billingPeriods.totalCostCents} + 1` })
        .where(eq(billingPeriods.id, billingPeriodId));
      expect(await run("reconcile")).toBe(1);
      const text = err.join("\n");
      expect(text).toContain(
        `period ${billingPeriodId} (${user.email}, 2025-04-01): totals 1 request(s) / 101 cents, successful logs 1 request(s) / 100 cents`,
      );
      expect(text).toContain("Found 1 period(s) with wrong totals and 0 misplaced request log(s).");
    });

    it("exits 1 when a log points to another user's period (on a database without the foreign key)", async () => {
      // The composite foreign key refuses such a log; reconcile still checks for one, e.g. in a
      // database restored without its constraints. Dropped here and restored below.
      await t.services.db.execute(
        sql`alter table request_logs drop constraint request_logs_billing_period_user_fk`,
      );
      const alice = await createUser(t.services.db);
      const bob = await createUser(t.services.db);
      const { billingPeriodId } = await recordTestRequest(t.services.db, {
        userId: alice.id,
        requestTs: clock.now(),
        status: "error",
        errorCode: "openai_error",
      });
      const { requestLogId } = await recordTestRequest(t.services.db, {
        userId: bob.id,
        requestTs: clock.now(),
        status: "error",
        errorCode: "openai_error",
      });
      await t.services.db
        .update(requestLogs)
        .set({ billingPeriodId })
        .where(eq(requestLogs.id, requestLogId));
      expect(await run("reconcile")).toBe(1);
      expect(err.join("\n")).toContain(
        `request log ${requestLogId} points to another user's billing period (${billingPeriodId})`,
      );
      await t.services.db.delete(requestLogs).where(eq(requestLogs.id, requestLogId));
      await t.services.db.execute(
        sql`alter table request_logs add constraint request_logs_billing_period_user_fk
            foreign key (billing_period_id, user_id) references billing_periods (id, user_id)
            on delete restrict`,
      );
    });

    it("exits 1 when a successful log has no billing period, so it was never charged", async () => {
      const user = await createUser(t.services.db);
      const [log] = await t.services.db
        .insert(requestLogs)
        .values({
          userId: user.id,
          service: "core.image_solve",
          requestTs: clock.now(),
          durationMs: 1,
          requestBytes: 1,
          responseBytes: 1,
          status: "success",
          requestId: randomUUID(),
          costCents: 100,
        })
        .returning();
      expect(await run("reconcile")).toBe(1);
      const text = err.join("\n");
      expect(text).toContain(
        `request log ${log!.id} has no billing period, so it was never charged`,
      );
      expect(text).toContain("Found 0 period(s) with wrong totals and 1 misplaced request log(s).");
    });

    it("counts every mismatch in the summary while listing at most 1000 of each", async () => {
      const user = await createUser(t.services.db);
      await t.services.db.execute(sql`
        insert into request_logs (user_id, service, request_ts, duration_ms, request_bytes,
          response_bytes, status, request_id, cost_cents)
        select ${user.id}::uuid, 'core.image_solve', ${clock.now().toISOString()}::timestamptz,
          1, 1, 1, 'success', gen_random_uuid(), 100
        from generate_series(1, 1001)`);
      const { billingPeriodId } = await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: clock.now(),
      });
      await t.services.db
        .update(billingPeriods)
        .set({ totalRequests: sql`${billingPeriods.totalRequests} + 1` })
        .where(eq(billingPeriods.id, billingPeriodId));

      expect(await run("reconcile")).toBe(1);
      expect(err.filter((line) => line.startsWith("request log "))).toHaveLength(1000);
      expect(err.filter((line) => line.startsWith("period "))).toHaveLength(1);
      expect(err.at(-1)).toBe(
        "Found 1 period(s) with wrong totals and 1001 misplaced request log(s). Only the first 1000 of each are listed.",
      );
    });

    it("exits 1 when a log lies outside its period's month", async () => {
      const user = await createUser(t.services.db);
      const { requestLogId } = await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: clock.now(),
        status: "error",
        errorCode: "openai_error",
      });
      await t.services.db
        .update(requestLogs)
        .set({ requestTs: new Date("2025-05-01T00:00:00Z") })
        .where(eq(requestLogs.id, requestLogId));
      expect(await run("reconcile")).toBe(1);
      expect(err.join("\n")).toContain(
        `request log ${requestLogId} is outside its billing period's month`,
      );
    });
  });
});
