import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../test/factories/credits.js";
import { createUser } from "../test/factories/users.js";
import { createTestApp, type TestApp } from "../test/support/app.js";
import { startMaintenance } from "./maintenance.js";
import { fixedClock } from "./platform/clock.js";

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
