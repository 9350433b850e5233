import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite, strongPassword } from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { fixedClock } from "../platform/clock.js";

const clock = fixedClock("2026-02-10T09:00:00Z");

async function registerAndVerify(t: TestApp, mailer: ReturnType<typeof memoryMailer>) {
  const email = uniqueEmail("trial");
  const invite = await createInvite(t.services.db);
  const register = await t.app.inject({
    method: "POST",
    url: "/api/customers/register",
    payload: { email, password: strongPassword(), invite_code: invite.code },
  });
  expect(register.statusCode).toBe(202);
  const message = mailer.messages.find((m) => m.to === email);
  const link = /http:\/\/localhost:8000(\/api\/customers\/verify-email\?token=\S+)/.exec(
    message?.text ?? "",
  )?.[1];
  if (link === undefined) throw new Error("no verification link was mailed");
  expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(204);
  expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(204);
  return { email };
}

describe("trial credits", () => {
  describe("with the defaults", () => {
    const mailer = memoryMailer();
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ clock, mailer });
    });
    afterAll(async () => t.close());

    it("grants TRIAL_CREDITS (10) once, when the email is verified, never expiring", async () => {
      const { email } = await registerAndVerify(t, mailer);
      const userId = await userIdOf(t, email);
      const balance = await t.services.credits.balance(userId);
      expect(balance.byKind.trial).toBe(10_000);
      expect(balance.nextExpiry).toBeNull();
      // Granting again (a second verification, a demo re-run) adds nothing.
      await t.services.db.transaction((tx) => t.services.credits.grantTrialCredits(tx, userId));
      expect((await t.services.credits.balance(userId)).byKind.trial).toBe(10_000);
    });
  });

  describe("configured", () => {
    const mailer = memoryMailer();
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        clock,
        mailer,
        env: { TRIAL_CREDITS: "2.5", TRIAL_CREDITS_DAYS: "14" },
      });
    });
    afterAll(async () => t.close());

    it("grants TRIAL_CREDITS expiring TRIAL_CREDITS_DAYS after verification", async () => {
      const { email } = await registerAndVerify(t, mailer);
      const balance = await t.services.credits.balance(await userIdOf(t, email));
      expect(balance.byKind.trial).toBe(2_500);
      expect(balance.nextExpiry).toEqual({
        amount: 2_500,
        expiresAt: new Date("2026-02-24T09:00:00Z"),
      });
    });
  });

  describe("turned off", () => {
    const mailer = memoryMailer();
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ clock, mailer, env: { TRIAL_CREDITS: "0" } });
    });
    afterAll(async () => t.close());

    it("grants nothing with TRIAL_CREDITS=0", async () => {
      const { email } = await registerAndVerify(t, mailer);
      const balance = await t.services.credits.balance(await userIdOf(t, email));
      expect(balance.byKind.trial).toBe(0);
    });
  });
});

async function userIdOf(t: TestApp, email: string): Promise<string> {
  const rows = await t.database.query<{ id: string }>("select id from users where email = $1", [
    email,
  ]);
  if (rows[0] === undefined) throw new Error(`no user ${email}`);
  return rows[0].id;
}
