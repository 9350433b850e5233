import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, uniqueEmail } from "../../test/factories/users.js";
import { createBillingPeriod, recordTestRequest } from "../../test/factories/usage.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { migrationsFolder } from "../platform/db/migrate.js";
import { billingPeriods } from "./billing-periods.table.js";
import { getOrCreateCurrentBillingPeriod } from "./metering.js";
import { requestLogs } from "./request-logs.table.js";

/** The name of the constraint a statement was refused by (Drizzle wraps the driver's error). */
async function refusedBy(statement: PromiseLike<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (error) {
    for (let e: unknown = error; typeof e === "object" && e !== null;) {
      const constraint = (e as { constraint?: unknown }).constraint;
      if (typeof constraint === "string") return constraint;
      e = (e as { cause?: unknown }).cause;
    }
    throw error;
  }
  return undefined;
}

describe("database constraints behind the billing invariants", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  async function logRow(overrides: Partial<typeof requestLogs.$inferInsert> = {}) {
    const user = await createUser(database.db);
    const period = await getOrCreateCurrentBillingPeriod(
      database.db,
      user.id,
      new Date("2025-03-10T00:00:00Z"),
    );
    return {
      userId: user.id,
      billingPeriodId: period.id,
      service: "core.image_solve",
      requestTs: new Date("2025-03-10T00:00:00Z"),
      durationMs: 5,
      requestBytes: 10,
      responseBytes: 10,
      status: "success" as const,
      requestId: randomUUID(),
      costCents: 100,
      ...overrides,
    };
  }

  it("accepts a well-formed log, so the refusals below are about the one bad value", async () => {
    const row = await logRow();
    expect(await refusedBy(database.db.insert(requestLogs).values(row))).toBeUndefined();
    const error = await logRow({ status: "error", errorCode: "openai_error", costCents: 0 });
    expect(await refusedBy(database.db.insert(requestLogs).values(error))).toBeUndefined();
  });

  it.each([
    ["a negative cost", { costCents: -1 }, "request_logs_cost_cents_check"],
    [
      "a failed request with a cost",
      { status: "error", costCents: 1 },
      "request_logs_error_cost_check",
    ],
    ["a negative duration", { durationMs: -1 }, "request_logs_duration_ms_check"],
    ["negative request bytes", { requestBytes: -1 }, "request_logs_request_bytes_check"],
    ["negative response bytes", { responseBytes: -1 }, "request_logs_response_bytes_check"],
  ] as const)("refuses a request log with %s", async (_, bad, constraint) => {
    const row = await logRow(bad);
    expect(await refusedBy(database.db.insert(requestLogs).values(row))).toBe(constraint);
  });

  it("refuses a log, inserted or moved, that points to another user's period", async () => {
    const row = await logRow();
    const other = await logRow();
    expect(
      await refusedBy(
        database.db.insert(requestLogs).values({ ...row, billingPeriodId: other.billingPeriodId }),
      ),
    ).toBe("request_logs_billing_period_user_fk");

    const { requestLogId } = await recordTestRequest(database.db, {
      userId: row.userId,
      requestTs: row.requestTs,
    });
    expect(
      await refusedBy(
        database.db
          .update(requestLogs)
          .set({ billingPeriodId: other.billingPeriodId })
          .where(eq(requestLogs.id, requestLogId)),
      ),
    ).toBe("request_logs_billing_period_user_fk");
  });

  it.each([
    ["negative request totals", { totalRequests: -1 }, "billing_periods_total_requests_check"],
    ["a negative cost total", { totalCostCents: -1 }, "billing_periods_total_cost_cents_check"],
    [
      "a last day before its first",
      { periodStart: "2025-03-01", periodEnd: "2025-02-28" },
      "billing_periods_period_end_check",
    ],
    ["a negative amount paid", { paidAmountCents: -1 }, "billing_periods_paid_amount_cents_check"],
  ] as const)("refuses a billing period with %s", async (_, bad, constraint) => {
    const user = await createUser(database.db);
    expect(await refusedBy(createBillingPeriod(database.db, { userId: user.id, ...bad }))).toBe(
      constraint,
    );
  });

  it("refuses a charge that would take a period's totals below zero", async () => {
    const user = await createUser(database.db);
    const period = await createBillingPeriod(database.db, { userId: user.id, totalCostCents: 5 });
    expect(
      await refusedBy(
        database.db
          .update(billingPeriods)
          .set({ totalCostCents: sql`${billingPeriods.totalCostCents} - 10` })
          .where(eq(billingPeriods.id, period.id)),
      ),
    ).toBe("billing_periods_total_cost_cents_check");
  });

  it("makes a period inserted without is_current not current, next to the user's current one", async () => {
    const user = await createUser(database.db);
    const current = await getOrCreateCurrentBillingPeriod(
      database.db,
      user.id,
      new Date("2025-03-10T00:00:00Z"),
    );
    const [older] = await database.db
      .insert(billingPeriods)
      .values({ userId: user.id, periodStart: "2025-01-01", periodEnd: "2025-01-31" })
      .returning();
    expect(older?.isCurrent).toBe(false);
    const [still] = await database.db
      .select()
      .from(billingPeriods)
      .where(eq(billingPeriods.id, current.id));
    expect(still?.isCurrent).toBe(true);
  });
});

describe("the migrations after 0001", () => {
  it("apply to a database that already holds users and metered usage from before them", async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      // Bring the empty database to the migration before (0001) by hand, as the migrator would
      // have, so the real migrator then applies only the constraints on top of existing rows.
      const folder = migrationsFolder();
      const journal = JSON.parse(await readFile(join(folder, "meta", "_journal.json"), "utf8")) as {
        entries: { tag: string; when: number }[];
      };
      const before = journal.entries.slice(0, 2);
      expect(before.map((e) => e.tag)).toEqual(["0000_initial", "0001_auth_throttle"]);
      for (const entry of before) {
        const text = await readFile(join(folder, `${entry.tag}.sql`), "utf8");
        for (const statement of text.split("--> statement-breakpoint")) {
          if (statement.trim() !== "") await database.query(statement);
        }
      }
      await database.query("create schema drizzle");
      await database.query(
        "create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)",
      );
      await database.query(
        `insert into drizzle.__drizzle_migrations (hash, created_at) values ('0001', ${String(before[1]!.when)})`,
      );
      // Written with the schema of the time (later migrations add columns the code now writes).
      const [user] = await database.query<{ id: string }>(
        `insert into users (email, password, email_verified_at) values ($1, 'x', now()) returning id`,
        [uniqueEmail()],
      );
      const [inserted] = await database.query<{ id: string }>(
        `insert into billing_periods (user_id, period_start, period_end, total_requests, total_cost_cents, is_current)
         values ($1, '2025-03-01', '2025-03-31', 1, 100, true) returning id`,
        [user!.id],
      );
      const billingPeriodId = inserted!.id;
      for (const [status, cost, code] of [
        ["success", 100, null],
        ["error", 0, "openai_error"],
      ] as const) {
        await database.query(
          `insert into request_logs (user_id, billing_period_id, service, request_ts, duration_ms,
             request_bytes, response_bytes, status, error_code, request_id, cost_cents)
           values ($1, $2, 'core.image_solve', '2025-03-10T00:00:00Z', 120, 2048, 64, $3, $4,
             gen_random_uuid(), $5)`,
          [user!.id, billingPeriodId, status, code, cost],
        );
      }

      await database.migrate();

      const [period] = await database.db
        .select()
        .from(billingPeriods)
        .where(eq(billingPeriods.id, billingPeriodId));
      expect(period).toMatchObject({ totalRequests: 1, totalCostCents: 100, isCurrent: true });
      const constraints = await database.query<{ name: string }>(
        "select conname as name from pg_constraint where conname = 'request_logs_billing_period_user_fk'",
      );
      expect(constraints).toEqual([{ name: "request_logs_billing_period_user_fk" }]);
      // The ledger's migration gave the existing user its billing account, and new users get
      // theirs from the trigger.
      const accounts = await database.query<{ user_id: string; credits: string }>(
        `select a.user_id, (select count(*) from credit_grants g where g.account_id = a.id)::text as credits
         from billing_accounts a`,
      );
      expect(accounts).toEqual([{ user_id: user!.id, credits: "0" }]);
      const later = await createUser(database.db);
      const [account] = await database.query<{ n: number }>(
        "select count(*)::int as n from billing_accounts where user_id = $1",
        [later.id],
      );
      expect(account?.n).toBe(1);
    } finally {
      await database.close();
    }
  });
});
