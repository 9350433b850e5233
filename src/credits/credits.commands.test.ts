import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createUser } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { fixedClock } from "../platform/clock.js";
import { rowsOf } from "../platform/db/rows.js";

const clock = fixedClock("2026-08-01T00:00:00Z");

describe("credits and services management commands", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  it("grant-credits grants and takes away with a reason, audited as the CLI", async () => {
    const user = await createUser(t.services.db);
    const granted = await runCommand(t, [
      "grant-credits",
      user.email.toUpperCase(),
      "12.5",
      "--reason",
      "prepaid by invoice 7",
      "--kind",
      "payg",
    ]);
    expect(granted).toMatchObject({ code: 0, err: [] });
    expect(granted.out.join("\n")).toContain("Granted 12.5 credits");
    const taken = await runCommand(t, ["grant-credits", user.email, "-2.5", "--reason", "typo"]);
    expect(taken.code).toBe(0);
    expect(await availableCredits(t.services, user.id)).toBe(10);
    const audit = await rowsOf<{ actor_id: string | null; details: { via?: string } }>(
      t.services.db,
      sql`select actor_id, details from audit_log where target_id = ${user.id} order by created_at`,
    );
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actor_id === null && a.details.via === "cli")).toBe(true);

    const refused = await runCommand(t, ["grant-credits", user.email, "-100", "--reason", "x"]);
    expect(refused.code).toBe(1);
    expect(refused.err.join("\n")).toContain("10 credits available");
  });

  it("grant-credits refuses a missing reason, a bad amount and an unknown email", async () => {
    const user = await createUser(t.services.db);
    expect((await runCommand(t, ["grant-credits", user.email, "5"])).code).toBe(2);
    expect(
      (await runCommand(t, ["grant-credits", user.email, "1.0001", "--reason", "x"])).code,
    ).toBe(2);
    expect((await runCommand(t, ["grant-credits", user.email, "ten", "--reason", "x"])).code).toBe(
      2,
    );
    const unknown = await runCommand(t, [
      "grant-credits",
      "nobody@example.com",
      "5",
      "--reason",
      "x",
    ]);
    expect(unknown.code).toBe(1);
    expect(await availableCredits(t.services, user.id)).toBe(0);
  });

  it("expire-credits expires each grant once however often it runs", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 3, {
      kind: "subscription",
      expiresAt: new Date("2026-07-31T00:00:00Z"),
    });
    const first = await runCommand(t, ["expire-credits"]);
    expect(first.code).toBe(0);
    expect(first.out[0]).toMatch(/^Expired [1-9]\d* credit grant\(s\)\.$/);
    expect((await runCommand(t, ["expire-credits"])).out).toEqual(["Expired 0 credit grant(s)."]);
    expect(await availableCredits(t.services, user.id)).toBe(0);
  });

  it("release-stale-reservations releases only reservations past their time", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 2);
    await t.services.credits.reserve({
      accountId: await t.services.credits.accountIdOf(user.id),
      requestId: crypto.randomUUID(),
      service: "test",
      amount: 2000,
    });
    expect((await runCommand(t, ["release-stale-reservations"])).out).toEqual([
      "Released 0 stale reservation(s).",
    ]);
    const start = clock.now();
    clock.set(new Date(start.getTime() + 3_600_000));
    try {
      expect((await runCommand(t, ["release-stale-reservations"])).out).toEqual([
        "Released 1 stale reservation(s).",
      ]);
    } finally {
      clock.set(start);
    }
    expect(await availableCredits(t.services, user.id)).toBe(2);
  });

  it("configure-service changes a service and --list shows rows without code and code without rows", async () => {
    // Changed in the database behind the application's back; the command reloads the rows.
    await t.services.db.execute(
      sql`insert into ai_services (name, description, credit_cost_milli) values ('retired_service', 'gone', 1000)`,
    );
    await t.services.db.execute(
      sql`delete from ai_services where name = 'text_sentiment_analysis'`,
    );
    const changed = await runCommand(t, [
      "configure-service",
      "demo_free_service",
      "--credit-cost",
      "0.5",
      "--price-cents",
      "2",
      "--inactive",
    ]);
    expect(changed.code).toBe(0);
    expect(changed.out[1]).toMatch(/^demo_free_service\s+basic\s+0\.5\s+2\s+no\s+yes\s+yes$/);
    try {
      const listed = await runCommand(t, ["configure-service", "--list"]);
      expect(listed.code).toBe(0);
      const lines = listed.out.join("\n");
      expect(lines).toMatch(
        /^name\s+type\s+credit cost\s+price \(cents\)\s+active\s+in code\s+row$/m,
      );
      expect(lines).toMatch(/^retired_service\s+-\s+1\s+0\s+yes\s+NO\s+yes$/m);
      expect(lines).toMatch(/^text_sentiment_analysis\s+text_processing\s+1\s+0\s+no\s+yes\s+NO$/m);
      const created = await runCommand(t, ["create-default-services"]);
      expect(created.out).toEqual(["Created the rows of text_sentiment_analysis."]);
      expect((await runCommand(t, ["create-default-services"])).out).toEqual([
        "Every registered service has its row already.",
      ]);
    } finally {
      await t.services.db.execute(sql`delete from ai_services where name = 'retired_service'`);
      await runCommand(t, [
        "configure-service",
        "demo_free_service",
        "--credit-cost",
        "0",
        "--active",
      ]);
    }
    expect((await runCommand(t, ["configure-service", "nope", "--active"])).code).toBe(1);
    expect((await runCommand(t, ["configure-service", "demo_free_service"])).code).toBe(2);
    expect(
      (await runCommand(t, ["configure-service", "demo_free_service", "--credit-cost", "-1"])).code,
    ).toBe(2);
  });

  it("reconcile exits 1 and names the grant when the ledger does not add up", async () => {
    const user = await createUser(t.services.db);
    const grant = await grantCredits(t.services, user.id, 4);
    expect((await runCommand(t, ["reconcile"])).code).toBe(0);
    await t.services.db.execute(
      sql`update credit_grants set remaining = remaining - 1000, consumed = consumed + 1000 where id = ${grant}`,
    );
    try {
      const report = await runCommand(t, ["reconcile"]);
      expect(report.code).toBe(1);
      expect(report.err.join("\n")).toContain(`credit ledger grant_counters ${grant}`);
    } finally {
      await t.services.db.execute(
        sql`update credit_grants set remaining = remaining + 1000, consumed = consumed - 1000 where id = ${grant}`,
      );
    }
    expect((await runCommand(t, ["reconcile"])).code).toBe(0);
  });
});
