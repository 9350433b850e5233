import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { recordTestRequest } from "../../test/factories/usage.js";
import {
  createTestDatabase,
  EMBEDDED_ONLY,
  migratedDataDir,
  onServerPostgres,
  SERVER_ONLY,
} from "../../test/support/database.js";
import { runCliProcess } from "../../test/support/run-cli.js";
import { embeddedDatabaseDir, openDatabase, type Database } from "../platform/db/database.js";
import { monthBounds } from "./metering.js";

/**
 * The billing cron commands as cron runs them: real `tollgate` processes, on the real clock,
 * against a database this file seeds and inspects between the runs.
 */

/** Runs `fn` with the database the commands use; the embedded one must be closed between runs. */
type WithDatabase = <T>(fn: (database: Database) => Promise<T>) => Promise<T>;

/** 'YYYY-MM' of now (UTC). */
function thisMonth(): string {
  return monthBounds(new Date()).periodStart.slice(0, 7);
}

async function cronScenario(env: Record<string, string>, withDatabase: WithDatabase) {
  const { owing, idle } = await withDatabase(async (database) => {
    const owing = await createUser(database.db);
    const idle = await createUser(database.db);
    // Ten years and more ago: the one that cost something is late for any grace up to 3650 days.
    await recordTestRequest(database.db, {
      userId: owing.id,
      requestTs: new Date("2015-01-10T00:00:00Z"),
    });
    await recordTestRequest(database.db, {
      userId: idle.id,
      requestTs: new Date("2015-01-10T00:00:00Z"),
      status: "error",
      errorCode: "openai_error",
    });
    // Last year: within 3650 days.
    await recordTestRequest(database.db, {
      userId: owing.id,
      requestTs: new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 10)),
    });
    return { owing, idle };
  });
  const run = (...args: string[]) => runCliProcess(args, env);

  // Read before and after the run, so a run at the turn of a month matches either month.
  const months = [thisMonth()];
  const created = await run("create-billing-periods");
  months.push(thisMonth());
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  expect(months.map((m) => `Created 2 billing period(s) for ${m}; 0 already existed.\n`)).toContain(
    created.stdout,
  );
  // The contract's (Django's) spelling of the same command.
  const again = await run("create_billing_periods");
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(
    /^Created 0 billing period\(s\) for \d{4}-\d{2}; 2 already existed\.$/m,
  );

  const marked = await run("mark-overdue-periods", "--grace-days", "3650");
  expect(marked.stderr).toBe("");
  expect(marked.code).toBe(0);
  expect(marked.stdout).toMatch(
    /^Marked 1 billing period\(s\) overdue \(.*; grace 3650 day\(s\)\)\.$/m,
  );
  const clean = await run("reconcile");
  expect(clean.stderr).toBe("");
  expect(clean.stdout).toMatch(
    /^Reconciled 5 billing period\(s\) and 3 request log\(s\): no mismatches\.$/m,
  );
  expect(clean.code).toBe(0);

  const statuses = await withDatabase(async (database) => {
    const rows = await database.query<{ user_id: string; payment_status: string }>(
      `select user_id::text, payment_status::text from billing_periods
       where period_start = '2015-01-01'`,
    );
    // Then break a total, for the second reconcile.
    await database.query(
      `update billing_periods set total_cost_cents = total_cost_cents + 1
       where user_id = $1 and period_start = '2015-01-01'`,
      [owing.id],
    );
    return rows;
  });
  expect(statuses.map((r) => [r.user_id, r.payment_status]).sort()).toEqual(
    [
      [owing.id, "overdue"],
      [idle.id, "pending"],
    ].sort(),
  );
  const corrupt = await run("reconcile");
  expect(corrupt.code).toBe(1);
  expect(corrupt.stderr).toContain(
    "totals 1 request(s) / 101 cents, successful logs 1 request(s) / 100 cents",
  );
  expect(corrupt.stderr).toContain(
    "Found 1 period(s) with wrong totals and 0 misplaced request log(s).",
  );
}

describe.skipIf(onServerPostgres)(
  `billing cron commands as processes on the embedded database (DATA_DIR) (${EMBEDDED_ONLY})`,
  () => {
    it("create periods idempotently, mark overdue with --grace-days, and reconcile (exit 0, then 1)", async () => {
      const dataDir = migratedDataDir("tollgate-billing-cli-");
      try {
        await cronScenario({ DATA_DIR: dataDir }, async (fn) => {
          const database = await openDatabase({ pgliteDir: embeddedDatabaseDir(dataDir) });
          try {
            return await fn(database);
          } finally {
            await database.close();
          }
        });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 180_000);
  },
);

describe.runIf(onServerPostgres)(
  `billing cron commands as processes on server Postgres (${SERVER_ONLY})`,
  () => {
    it("create periods idempotently, mark overdue with --grace-days, and reconcile (exit 0, then 1)", async () => {
      const database = await createTestDatabase({ poolSize: 2 });
      const dataDir = mkdtempSync(join(tmpdir(), "tollgate-billing-cli-"));
      try {
        await cronScenario({ DATABASE_URL: database.url!, DATA_DIR: dataDir }, (fn) =>
          fn(database),
        );
      } finally {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 180_000);
  },
);
