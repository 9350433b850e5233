import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../schema.js";
import { createApiToken, createInvite, strongPassword } from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { signIn } from "../../test/support/sessions.js";
import { startSmtpTestApp, type SmtpTestApp } from "../../test/support/smtp-app.js";
import type { SmtpSink } from "../../test/support/smtp-sink.js";
import type { Mailer } from "../platform/email.js";

describe("email verification over real SMTP", () => {
  let smtp: SmtpTestApp;
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpTestApp();
    ({ sink, t } = smtp);
  });
  afterAll(async () => smtp.close());

  it("sends the verification link by SMTP; following it verifies the account and login works", async () => {
    const invite = await createInvite(t.services.db);
    const email = uniqueEmail("smtp");
    const password = strongPassword();
    const register = await t.app.inject({
      method: "POST",
      url: "/api/customers/register",
      payload: { email, password, invite_code: invite.code },
    });
    expect(register.statusCode).toBe(202);

    const message = await sink.nextMessage();
    expect(message.from).toBe("tollgate@example.com");
    expect(message.to).toEqual([email]);
    const link = /http:\/\/localhost:8000(\/api\/customers\/verify-email\?token=\S+)/.exec(
      message.text,
    );
    expect(link?.[1]).toBeDefined();

    const before = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
    });
    expect(before.statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: link![1]! })).statusCode).toBe(204);
    const after = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
    });
    expect(after.statusCode).toBe(200);

    // Nothing secret reached the logs (captured at debug level).
    const sessionCookie = after.cookies.find((c) => c.name === "sessionid")!.value;
    const [user] = await t.services.db.select().from(users).where(eq(users.email, email));
    const token = await createApiToken(t, user!.id);
    const { headers } = await signIn(t, user!.id);
    await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers });
    await t.app.inject({
      method: "GET",
      url: "/api/customers/csrf",
      headers: { authorization: `Bearer ${token.token}` },
    });
    const logs = smtp.logs();
    expect(logs).toContain("email sent");
    const token64 = decodeURIComponent(link![1]!.split("token=")[1]!);
    for (const secret of [
      password,
      token64.split(".")[2]!,
      sessionCookie,
      token.token,
      headers["x-csrftoken"]!,
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toContain("verify-email?token");
  });
});

describe("a failed verification email", () => {
  let t: TestApp;
  let failing = true;
  const sent: string[] = [];
  const flakyMailer: Mailer = {
    transport: "smtp",
    async send(message) {
      if (failing)
        throw Object.assign(new Error(`554 rejected: ${message.text}`), { code: "EMESSAGE" });
      sent.push(message.text);
    },
  };
  beforeAll(async () => {
    t = await createTestApp({ mailer: flakyMailer, logLevel: "debug" });
  });
  afterAll(async () => t.close());

  it("keeps the registration, logs the failure without the link, and resend-verification recovers", async () => {
    const invite = await createInvite(t.services.db);
    const email = uniqueEmail("flaky");
    const password = strongPassword();
    const register = await t.app.inject({
      method: "POST",
      url: "/api/customers/register",
      payload: { email, password, invite_code: invite.code },
    });
    expect(register.statusCode).toBe(202);
    expect(await t.services.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect(t.logs()).toContain("verification email could not be sent");
    expect(t.logs()).not.toContain("verify-email");
    expect(t.logs()).not.toContain(password);

    failing = false;
    const resend = await t.app.inject({
      method: "POST",
      url: "/api/customers/resend-verification",
      payload: { email },
    });
    expect(resend.statusCode).toBe(202);
    const link = /\/api\/customers\/verify-email\?token=\S+/.exec(sent.at(-1) ?? "")![0];
    expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/customers/login",
          payload: { email, password },
        })
      ).statusCode,
    ).toBe(200);
  });
});
