import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodTotals } from "../../test/factories/usage.js";
import { createUser } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { createTestDatabase, onServerPostgres, SERVER_ONLY } from "../../test/support/database.js";
import { signIn } from "../../test/support/sessions.js";
import { allCommands } from "../commands.js";
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, type DemoFacts } from "../customers/demo-seed.js";
import { users } from "../customers/users.table.js";
import { runCommandLine } from "../platform/cli.js";
import { fixedClock } from "../platform/clock.js";
import { billingPeriods } from "./billing-periods.table.js";
import { seedDemoUsage } from "./demo-usage.js";
import { requestLogs } from "./request-logs.table.js";

describe("bootstrap-demo gives staff an ended period to settle", () => {
  let t: TestApp;
  const clock = fixedClock("2025-03-10T12:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { COST_PER_REQUEST_CENTS: "25" } });
  });
  afterAll(async () => t.close());

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommandLine(argv, allCommands(t.config), {
      io: { out: (line) => out.push(line), err: (line) => err.push(line) },
      services: async () => t.services,
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  async function userId(email: string): Promise<string> {
    const [user] = await t.services.db.select().from(users).where(eq(users.email, email));
    return user!.id;
  }

  async function demoLogs() {
    return t.services.db
      .select()
      .from(requestLogs)
      .where(eq(requestLogs.userId, await userId(DEMO_USER_EMAIL)));
  }

  async function demoPeriod(periodStart: string) {
    const [period] = await t.services.db
      .select()
      .from(billingPeriods)
      .where(
        and(
          eq(billingPeriods.userId, await userId(DEMO_USER_EMAIL)),
          eq(billingPeriods.periodStart, periodStart),
        ),
      );
    return period;
  }

  it("logs a few requests in last month's period through metering, once, and staff can mark it paid", async () => {
    const first = await run("bootstrap-demo", "--json");
    expect(first.code).toBe(0);
    const facts = JSON.parse(first.out) as DemoFacts;

    const february = await demoPeriod("2025-02-01");
    expect(february).toMatchObject({
      periodEnd: "2025-02-28",
      isCurrent: false,
      paymentStatus: "pending",
    });
    const logs = await demoLogs();
    expect(logs.length).toBeGreaterThanOrEqual(3);
    expect(logs.every((log) => log.billingPeriodId === february!.id)).toBe(true);
    const successful = logs.filter((log) => log.status === "success");
    expect(logs.some((log) => log.status === "error")).toBe(true);
    expect(february).toMatchObject({
      totalRequests: successful.length,
      totalCostCents: successful.length * 25,
    });
    // This month's period is the current one, so the ended one is the one to settle.
    expect(await demoPeriod("2025-03-01")).toMatchObject({ isCurrent: true });
    // The demo token made them, as a real client would have.
    const auth = await t.services.auth.authenticateBearer(`Bearer ${facts.token!}`);
    expect(new Set(logs.map((log) => log.tokenId))).toEqual(new Set([auth?.tokenId]));

    expect(await run("reconcile")).toMatchObject({ code: 0, err: "" });

    // A re-run, now and in a later month, adds nothing.
    expect((await run("bootstrap-demo")).code).toBe(0);
    clock.set("2025-04-02T08:00:00Z");
    try {
      expect((await run("bootstrap_demo")).code).toBe(0);
      expect(await demoPeriod("2025-03-01")).toMatchObject({ totalRequests: 0 });
    } finally {
      clock.set("2025-03-10T12:00:00Z");
    }
    expect(await demoLogs()).toHaveLength(logs.length);
    expect(await run("reconcile")).toMatchObject({ code: 0, err: "" });

    const admin = await signIn(t, await userId(DEMO_ADMIN_EMAIL));
    const paid = await t.app.inject({
      method: "POST",
      url: `/api/admin/billing/periods/${february!.id}/mark-paid`,
      headers: admin.headers,
      payload: { reference: "demo transfer" },
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({
      payment_status: "paid",
      paid_amount_cents: successful.length * 25,
      user_email: DEMO_USER_EMAIL,
    });
  });
});

describe.runIf(onServerPostgres)(`demo usage seeded twice at once (${SERVER_ONLY})`, () => {
  it("logs the demo requests once; the run that loses the race adds nothing", async () => {
    const database = await createTestDatabase({ poolSize: 4 });
    try {
      const user = await createUser(database.db);
      const input = {
        userId: user.id,
        tokenId: null,
        service: "core.image_solve",
        costPerRequestCents: 10,
        now: new Date("2025-03-10T12:00:00Z"),
      };
      const seeded = await Promise.all([
        seedDemoUsage(database.db, input),
        seedDemoUsage(database.db, input),
      ]);
      expect(seeded.filter((id) => id !== null)).toHaveLength(1);
      const logs = await database.db
        .select()
        .from(requestLogs)
        .where(eq(requestLogs.userId, user.id));
      const successful = logs.filter((log) => log.status === "success").length;
      expect(await periodTotals(database.db, user.id)).toEqual([
        ["2025-02-01", false, successful, successful * 10],
        ["2025-03-01", true, 0, 0],
      ]);
    } finally {
      await database.close();
    }
  });
});
