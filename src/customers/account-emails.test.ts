import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser, strongPassword } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { startSmtpTestApp, type SmtpTestApp } from "../../test/support/smtp-app.js";
import type { SmtpSink } from "../../test/support/smtp-sink.js";
import type { Mailer } from "../platform/email.js";

const RESET_LINK = /^http:\/\/localhost:8000\/reset-password\?token=([\w-]+)$/m;

describe("account-security emails over real SMTP", () => {
  let smtp: SmtpTestApp;
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpTestApp({ LOCKOUT_THRESHOLD: "2" });
    ({ sink, t } = smtp);
  });
  afterAll(async () => smtp.close());

  it("sends the reset link, then tells the owner the password was reset", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const requested = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/reset",
      payload: { email: user.email },
    });
    expect(requested.statusCode).toBe(202);
    const reset = await sink.nextMessage();
    expect(reset.from).toBe("tollgate@example.com");
    expect(reset.to).toEqual([user.email]);
    expect(reset.raw).toMatch(/^Subject: Reset your Tollgate password/m);
    expect(reset.text).toMatch(/^Hello,/);
    expect(reset.text).toContain("within 60 minutes");
    expect(reset.text).toMatch(/If you did not ask for this, ignore this message/);
    const token = RESET_LINK.exec(reset.text)?.[1];
    expect(token).toBeDefined();

    const newPassword = strongPassword();
    const confirmed = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/reset/confirm",
      payload: { token, new_password: newPassword },
    });
    expect(confirmed.statusCode).toBe(204);
    const changed = await sink.nextMessage();
    expect(changed.to).toEqual([user.email]);
    expect(changed.raw).toMatch(/^Subject: Your Tollgate password was changed/m);
    expect(changed.text).toMatch(/reset with an emailed link/);
    expect(changed.text).toMatch(/If it was not you, set a new password at once/);
    expect(changed.text).toContain("http://localhost:8000/reset-password");

    const logs = smtp.logs();
    expect(logs).toContain("email sent");
    for (const secret of [token!, newPassword, "reset-password"]) {
      expect(logs).not.toContain(secret);
    }
  });

  it("tells the owner once when the account locks, with the way out", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/customers/login",
        payload: { email: user.email, password: "wrong-password" },
      });
    expectProblem(await attempt(), 401, "invalid_credentials");
    expectProblem(await attempt(), 403, "account_locked");
    expectProblem(await attempt(), 403, "account_locked");
    const locked = await sink.nextMessage();
    expect(locked.to).toEqual([user.email]);
    expect(locked.raw).toMatch(/^Subject: Your Tollgate account is locked for now/m);
    expect(locked.text).toMatch(/wrong password for your Tollgate account 2 times/);
    expect(locked.text).toMatch(/refused until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(locked.text).toContain("http://localhost:8000/reset-password");
    await expect(sink.nextMessage(500)).rejects.toThrow(/no email/);
  });

  it("tells the owner when the password was changed", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const session = await signIn(t, user.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/change",
      headers: session.headers,
      payload: { old_password: password, new_password: strongPassword() },
    });
    expect(response.statusCode).toBe(204);
    const changed = await sink.nextMessage();
    expect(changed.to).toEqual([user.email]);
    expect(changed.raw).toMatch(/^Subject: Your Tollgate password was changed/m);
    expect(changed.text).toMatch(/was changed at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(changed.text).toMatch(/Every other session was signed out/);
  });
});

describe("a failed account email", () => {
  let t: TestApp;
  const failing: Mailer = {
    transport: "smtp",
    async send(message) {
      throw Object.assign(new Error(`554 rejected: ${message.text}`), { code: "EMESSAGE" });
    },
  };
  beforeAll(async () => {
    t = await createTestApp({
      mailer: failing,
      logLevel: "debug",
      env: { LOCKOUT_THRESHOLD: "1" },
    });
  });
  afterAll(async () => t.close());

  it("never fails the request, and is logged by its kind without the text", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const requested = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/reset",
      payload: { email: user.email },
    });
    expect(requested.statusCode).toBe(202);
    await t.services.customers.passwordReset.idle();

    const session = await signIn(t, user.id);
    const changed = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/change",
      headers: session.headers,
      payload: { old_password: password, new_password: strongPassword() },
    });
    expect(changed.statusCode).toBe(204);

    const locking = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email: user.email, password: "wrong-password" },
    });
    expectProblem(locking, 403, "account_locked");

    const logs = t.logs();
    for (const kind of ["password_reset", "password_changed", "account_locked"]) {
      expect(logs).toContain(`"email_kind":"${kind}"`);
    }
    expect(logs).toContain('"error_code":"EMESSAGE"');
    expect(logs).not.toContain("554 rejected");
    expect(logs).not.toContain("reset-password");
  });
});
