import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { periodTotals, recordThroughMeter } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import {
  createTestDatabase,
  onServerPostgres,
  SERVER_ONLY,
  type TestDatabase,
} from "../../test/support/database.js";
import { allCommands } from "../commands.js";
import { runCommandLine } from "../platform/cli.js";
import { fixedClock } from "../platform/clock.js";
import { openDatabase } from "../platform/db/database.js";
import { createRequestMeter } from "./batched-metering.js";
import { billingPeriods } from "./billing-periods.table.js";
import { getOrCreateCurrentBillingPeriod, recordRequest } from "./metering.js";

describe.runIf(onServerPostgres)(`metering under concurrency (${SERVER_ONLY})`, () => {
  let database: TestDatabase;
  let t: TestApp;
  const clock = fixedClock("2025-01-31T23:59:59.990Z");

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 20 });
    t = await createTestApp({ database, clock });
  });
  afterAll(async () => {
    await t.close();
    await database.close();
  });

  /** [count, cost in cents] of the successful calls among `calls`. */
  function chargedTotals(calls: readonly { status: string; costCents: number }[]) {
    const charged = calls.filter((c) => c.status === "success");
    return [charged.length, charged.reduce((sum, c) => sum + c.costCents, 0)];
  }

  async function expectReconciled(): Promise<void> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommandLine(["reconcile"], allCommands(t.config), {
      io: { out: (line) => out.push(line), err: (line) => err.push(line) },
      services: async () => t.services,
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join("\n")).toContain("no mismatches");
  }

  it("creates one period when 40 callers ask for a user's current period at once", async () => {
    const user = await createUser(database.db);
    const now = new Date("2025-07-15T12:00:00Z");
    const periods = await Promise.all(
      Array.from({ length: 40 }, () => getOrCreateCurrentBillingPeriod(database.db, user.id, now)),
    );
    expect(new Set(periods.map((p) => p.id)).size).toBe(1);
    const rows = await database.db
      .select()
      .from(billingPeriods)
      .where(eq(billingPeriods.userId, user.id));
    expect(rows.map((r) => [r.id, r.periodStart, r.isCurrent])).toEqual([
      [periods[0]!.id, "2025-07-01", true],
    ]);
  });

  it("meters 500 requests of one user from 20 connections across a month boundary exactly", async () => {
    const user = await createUser(database.db);
    const calls = Array.from({ length: 500 }, (_, i) => ({
      // Interleaved so that January's stragglers race February's first requests.
      requestTs: new Date(
        i % 2 === 0
          ? Date.parse("2025-01-31T23:59:59.990Z") + (i % 10)
          : Date.parse("2025-02-01T00:00:00Z") + i,
      ),
      status: i % 7 === 0 ? ("error" as const) : ("success" as const),
      costCents: 1 + (i % 5) * 25,
    }));

    const results = await Promise.allSettled(
      calls.map((call) =>
        database.db.transaction((tx) =>
          recordRequest(tx, {
            userId: user.id,
            tokenId: null,
            service: "core.image_solve",
            requestTs: call.requestTs,
            durationMs: 5,
            requestBytes: 100,
            responseBytes: 10,
            status: call.status,
            errorCode: call.status === "error" ? "openai_error" : null,
            requestId: randomUUID(),
            costCents: call.costCents,
          }),
        ),
      ),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);

    const inMonth = (month: number) => calls.filter((c) => c.requestTs.getUTCMonth() === month);
    expect(await periodTotals(database.db, user.id)).toEqual([
      ["2025-01-01", false, ...chargedTotals(inMonth(0))],
      ["2025-02-01", true, ...chargedTotals(inMonth(1))],
    ]);
    await expectReconciled();
  });

  it("creates one current period per user when many users and requests arrive at once", async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser(database.db)));
    await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: 20 }, (_, i) =>
          database.db.transaction((tx) =>
            recordRequest(tx, {
              userId: user.id,
              tokenId: null,
              service: "core.image_solve",
              // Out of order: March, then a late February request, then March again.
              requestTs: new Date(i % 3 === 1 ? "2025-02-28T23:59:59Z" : "2025-03-01T00:00:00Z"),
              durationMs: 1,
              requestBytes: 1,
              responseBytes: 1,
              status: "success",
              errorCode: null,
              requestId: randomUUID(),
              costCents: 3,
            }),
          ),
        ),
      ),
    );
    for (const user of users) {
      expect(await periodTotals(database.db, user.id)).toEqual([
        ["2025-02-01", false, 7, 21],
        ["2025-03-01", true, 13, 39],
      ]);
    }
  });

  it("meters exactly through two instances' batching meters writing at once", async () => {
    const other = await openDatabase({ url: database.url, poolSize: 10 });
    try {
      const meters = [createRequestMeter(database), createRequestMeter(other)];
      const users = await Promise.all(Array.from({ length: 5 }, () => createUser(database.db)));
      const calls = Array.from({ length: 600 }, (_, i) => ({
        // Each batch touches several users' periods, in a different order on each instance.
        userId: users[(i * (i % 2 === 0 ? 1 : 3)) % users.length]!.id,
        meter: meters[i % 2]!,
        requestTs: new Date(i % 4 === 0 ? "2025-05-31T23:59:59.999Z" : "2025-06-01T00:00:00Z"),
        status: i % 9 === 0 ? ("error" as const) : ("success" as const),
        costCents: 1 + (i % 7),
      }));
      const outcomes = await Promise.allSettled(
        calls.map((call) =>
          recordThroughMeter(call.meter, {
            userId: call.userId,
            tokenId: null,
            service: "core.image_solve",
            requestTs: call.requestTs,
            durationMs: 1,
            requestBytes: 1,
            responseBytes: 1,
            status: call.status,
            errorCode: call.status === "error" ? "openai_error" : null,
            requestId: randomUUID(),
            costCents: call.costCents,
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);

      for (const user of users) {
        const ofUser = (month: number) =>
          calls.filter((c) => c.userId === user.id && c.requestTs.getUTCMonth() === month);
        expect(await periodTotals(database.db, user.id)).toEqual([
          ["2025-05-01", false, ...chargedTotals(ofUser(4))],
          ["2025-06-01", true, ...chargedTotals(ofUser(5))],
        ]);
      }
      await expectReconciled();
    } finally {
      await other.close();
    }
  });
});
