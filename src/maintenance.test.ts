import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../test/factories/credits.js";
import { createUser } from "../test/factories/users.js";
import { createTestApp, type TestApp } from "../test/support/app.js";
import { MAINTENANCE_JOBS, startMaintenance } from "./maintenance.js";
import { fixedClock } from "./platform/clock.js";
import { listMaintenanceRuns } from "./platform/maintenance-runs.queries.js";

const clock = fixedClock("2026-09-01T00:00:00Z");

describe("the server's maintenance", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  it("expires credits and releases the reservations of dead requests as soon as it starts", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 4, {
      kind: "subscription",
      expiresAt: new Date("2026-08-31T00:00:00Z"),
    });
    await grantCredits(t.services, user.id, 3);
    const accountId = await t.services.credits.accountIdOf(user.id);
    const reservation = await t.services.credits.reserve({
      accountId,
      requestId: crypto.randomUUID(),
      service: "test",
      amount: 3000,
    });
    expect(reservation.ok).toBe(true);
    clock.set("2026-09-01T01:00:00Z");

    const stop = startMaintenance(t.services, 60_000);
    await stop();

    expect(await availableCredits(t.services, user.id)).toBe(3);
    const balance = await t.services.credits.balance(user.id);
    expect(balance.reserved).toBe(0);
    expect((await t.services.credits.reconcile()).problems).toEqual([]);
  });
});

describe("the maintenance's record of its runs", () => {
  let t: TestApp;
  const clock = fixedClock("2026-09-01T00:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  it("records each job's latest run, and a failed job with its message, without stopping the others", async () => {
    await startMaintenance(t.services, 60_000)();
    clock.set("2026-09-01T00:05:00Z");
    const failing = {
      ...t.services,
      credits: {
        ...t.services.credits,
        expireCredits: () => Promise.reject(new Error("grants table locked")),
      },
    };
    await startMaintenance(failing, 60_000)();

    const runs = await listMaintenanceRuns(t.services.db);
    const byJob = Object.fromEntries(runs.map((run) => [run.job, run]));
    expect(Object.keys(byJob).sort()).toEqual(MAINTENANCE_JOBS.map((job) => job.name).sort());
    expect(byJob["credit_expiry"]).toMatchObject({
      lastOk: false,
      lastError: "grants table locked",
      lastStartedAt: new Date("2026-09-01T00:05:00Z"),
    });
    expect(byJob["reservation_sweep"]).toMatchObject({
      lastOk: true,
      lastError: null,
      lastFinishedAt: new Date("2026-09-01T00:05:00Z"),
    });

    // The next good run clears the failure: the row is the latest run, not a history.
    await startMaintenance(t.services, 60_000)();
    const [expiry] = (await listMaintenanceRuns(t.services.db)).filter(
      (run) => run.job === "credit_expiry",
    );
    expect(expiry).toMatchObject({ lastOk: true, lastError: null });
  });
});
