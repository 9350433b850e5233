import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authThrottle, inviteCodes, sessions, users } from "../schema.js";
import { LOGIN_IP_MAX_FAILURES, LOGIN_MAX_FAILURES } from "./auth-throttle.service.js";
import {
  createInvite,
  createVerifiedUser,
  strongPassword,
} from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { signIn, withoutCsrfHeader } from "../../test/support/sessions.js";
import { fixedClock } from "../platform/clock.js";
import { sha256Hex } from "./secrets.js";
import { expectProblem } from "../../test/support/problems.js";
import {
  createTestDatabase,
  onServerPostgres,
  SERVER_ONLY,
  type TestDatabase,
} from "../../test/support/database.js";

type Injected = Awaited<ReturnType<TestApp["app"]["inject"]>>;

const LINK = /http:\/\/localhost:8000(\/api\/customers\/verify-email\?token=[^\s]+)/;

describe("customer accounts", () => {
  let t: TestApp;
  const mailer = memoryMailer();
  const clock = fixedClock("2030-01-15T12:00:00Z");

  beforeAll(async () => {
    t = await createTestApp({ mailer, clock });
  });
  afterAll(async () => t.close());

  async function register(body: Record<string, unknown>, ip = "10.0.0.1") {
    return t.app.inject({
      method: "POST",
      url: "/api/customers/register",
      payload: body,
      remoteAddress: ip,
    });
  }

  function lastLinkTo(email: string): string {
    const message = mailer.messages.filter((m) => m.to === email).at(-1);
    const match = LINK.exec(message?.text ?? "");
    if (match?.[1] === undefined) throw new Error(`no verification link sent to ${email}`);
    return match[1];
  }

  async function registerNew(options: { invite?: string; email?: string } = {}) {
    const invite = options.invite ?? (await createInvite(t.services.db)).code;
    const email = options.email ?? uniqueEmail("reg");
    const password = strongPassword();
    const response = await register({ email, password, invite_code: invite });
    expect(response.statusCode).toBe(202);
    return { email, password, invite };
  }

  async function login(email: string, password: string, ip = "10.0.0.2") {
    return t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
      remoteAddress: ip,
    });
  }

  function sessionHeaders(response: Injected): Record<string, string> {
    const session = response.cookies.find((c) => c.name === "sessionid")?.value ?? "";
    const csrf = response.cookies.find((c) => c.name === "csrftoken")?.value ?? "";
    return { cookie: `sessionid=${session}; csrftoken=${csrf}`, "x-csrftoken": csrf };
  }

  describe("happy paths", () => {
    it("registers, verifies through the emailed link, marks the invite used, then logs in", async () => {
      const { email, password, invite } = await registerNew({
        email: `Mixed.Case-${Date.now()}@Example.COM`,
      });
      const lower = email.toLowerCase();
      const message = mailer.messages.at(-1)!;
      expect(message.to).toBe(lower);
      expect(message.subject).toMatch(/verify/i);

      const verify = await t.app.inject({ method: "GET", url: lastLinkTo(lower) });
      expect(verify.statusCode).toBe(204);
      const [user] = await t.services.db.select().from(users).where(eq(users.email, lower));
      expect(user?.emailVerifiedAt).not.toBeNull();
      const [used] = await t.services.db
        .select()
        .from(inviteCodes)
        .where(eq(inviteCodes.code, invite));
      expect(used).toMatchObject({ usedBy: user!.id, isActive: false });
      expect(used?.usedAt).not.toBeNull();

      const response = await login(email.toUpperCase(), password);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id: user!.id,
        email: lower,
        email_verified_at: "2030-01-15T12:00:00.000Z",
        is_staff: false,
      });
    });

    it("sets an HttpOnly, SameSite=Lax session cookie and a readable csrftoken cookie at login", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const response = await login(user.email, password);
      const session = response.cookies.find((c) => c.name === "sessionid");
      const csrf = response.cookies.find((c) => c.name === "csrftoken");
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(session?.secure).toBeFalsy();
      expect(csrf).toMatchObject({ sameSite: "Lax", path: "/" });
      expect(csrf?.httpOnly).toBeFalsy();
      const stored = await t.services.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sha256Hex(session!.value)));
      expect(stored).toHaveLength(1);
    });

    it("verifying an already verified account again answers 204", async () => {
      const { email } = await registerNew();
      const link = lastLinkTo(email);
      expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(204);
      expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(204);
    });

    it("logout deletes the session server-side and the cookie stops working", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const headers = sessionHeaders(await login(user.email, password));
      const out = await t.app.inject({ method: "POST", url: "/api/customers/logout", headers });
      expect(out.statusCode).toBe(204);
      expect(
        await t.services.db.select().from(sessions).where(eq(sessions.userId, user.id)),
      ).toHaveLength(0);
      const after = await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers });
      expectProblem(after, 401, "not_authenticated");
    });

    it("password change keeps this session, ends the others, and the new password logs in", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const here = sessionHeaders(await login(user.email, password));
      const elsewhere = (await signIn(t, user.id)).headers;
      const newPassword = strongPassword();
      const change = await t.app.inject({
        method: "POST",
        url: "/api/customers/password/change",
        headers: here,
        payload: { old_password: password, new_password: newPassword },
      });
      expect(change.statusCode).toBe(204);
      expect(
        (await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers: here }))
          .statusCode,
      ).toBe(200);
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers: elsewhere }),
        401,
        "not_authenticated",
      );
      expectProblem(await login(user.email, password, "10.9.9.1"), 401, "invalid_credentials");
      expect((await login(user.email, newPassword)).statusCode).toBe(200);
    });

    it("GET /api/customers/csrf returns a token and sets it as the csrftoken cookie", async () => {
      const response = await t.app.inject({ method: "GET", url: "/api/customers/csrf" });
      expect(response.statusCode).toBe(200);
      const { csrftoken } = response.json<{ csrftoken: string }>();
      expect(csrftoken.length).toBeGreaterThanOrEqual(32);
      expect(response.cookies.find((c) => c.name === "csrftoken")?.value).toBe(csrftoken);
    });

    it("resend-verification sends a new working link to an unverified account", async () => {
      const { email } = await registerNew();
      const before = mailer.messages.length;
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/resend-verification",
        payload: { email },
      });
      expect(response.statusCode).toBe(202);
      expect(mailer.messages.length).toBe(before + 1);
      expect((await t.app.inject({ method: "GET", url: lastLinkTo(email) })).statusCode).toBe(204);
    });
  });

  describe("errors", () => {
    it("refuses an unknown invite code with 400 invalid_invite", async () => {
      expectProblem(
        await register({ email: uniqueEmail(), password: strongPassword(), invite_code: "nope" }),
        400,
        "invalid_invite",
      );
    });

    it("refuses an expired or deactivated invite with 400 invalid_invite", async () => {
      const expired = await createInvite(t.services.db, {
        expiresAt: new Date("2030-01-15T11:59:59Z"),
      });
      expectProblem(
        await register({
          email: uniqueEmail(),
          password: strongPassword(),
          invite_code: expired.code,
        }),
        400,
        "invalid_invite",
      );
      const inactive = await createInvite(t.services.db, { isActive: false });
      expectProblem(
        await register({
          email: uniqueEmail(),
          password: strongPassword(),
          invite_code: inactive.code,
        }),
        400,
        "invalid_invite",
      );
    });

    it("refuses a used invite with 409 invite_used", async () => {
      const { email, invite } = await registerNew();
      await t.app.inject({ method: "GET", url: lastLinkTo(email) });
      expectProblem(
        await register({ email: uniqueEmail(), password: strongPassword(), invite_code: invite }),
        409,
        "invite_used",
      );
    });

    it("refuses an email that exists in any letter case with 409 email_exists", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const invite = await createInvite(t.services.db);
      expectProblem(
        await register({
          email: user.email.toUpperCase(),
          password: strongPassword(),
          invite_code: invite.code,
        }),
        409,
        "email_exists",
      );
    });

    it("a pending registration is kept while its link is valid, and can be made again after 24 h", async () => {
      const { email, password: firstPassword } = await registerNew();
      const firstLink = lastLinkTo(email);
      const invite = await createInvite(t.services.db);
      const early = await register({ email, password: strongPassword(), invite_code: invite.code });
      expect(expectProblem(early, 409, "email_exists").detail).toMatch(/waiting for verification/);
      clock.set("2030-01-16T12:00:01Z");
      try {
        const { password } = await registerNew({ email: email.toUpperCase() });
        const secondLink = lastLinkTo(email);
        expect(secondLink).not.toBe(firstLink);
        expectProblem(
          await t.app.inject({ method: "GET", url: firstLink }),
          400,
          "invalid_verification_token",
        );
        expect((await t.app.inject({ method: "GET", url: secondLink })).statusCode).toBe(204);
        expectProblem(await login(email, firstPassword), 401, "invalid_credentials");
        expect((await login(email, password)).statusCode).toBe(200);
        const rows = await t.services.db.select().from(users).where(eq(users.email, email));
        expect(rows).toHaveLength(1);
      } finally {
        clock.set("2030-01-15T12:00:00Z");
      }
    });

    it("a link from before the registration was made again cannot verify it", async () => {
      const invite = (await createInvite(t.services.db)).code;
      const loser = await registerNew({ invite });
      const staleLink = lastLinkTo(loser.email);
      const winner = await registerNew({ invite });
      await t.app.inject({ method: "GET", url: lastLinkTo(winner.email) });
      await registerNew({ email: loser.email });
      expectProblem(
        await t.app.inject({ method: "GET", url: staleLink }),
        400,
        "invalid_verification_token",
      );
    });

    it("registering a pending address again shares resend-verification's email budget", async () => {
      const invite = (await createInvite(t.services.db)).code;
      const loser = await registerNew({ invite });
      const winner = await registerNew({ invite });
      await t.app.inject({ method: "GET", url: lastLinkTo(winner.email) });
      for (let i = 0; i < 3; i += 1) {
        await t.app.inject({
          method: "POST",
          url: "/api/customers/resend-verification",
          payload: { email: loser.email },
        });
      }
      const fresh = await createInvite(t.services.db);
      clock.set("2030-01-15T12:20:00Z");
      try {
        const refused = await register({
          email: loser.email,
          password: strongPassword(),
          invite_code: fresh.code,
        });
        expectProblem(refused, 429, "too_many_attempts");
        // The hour started at the first resend (12:00), so 40 minutes are left.
        expect(refused.headers["retry-after"]).toBe(String(40 * 60));
      } finally {
        clock.set("2030-01-15T12:00:00Z");
      }
    });

    it.each([
      ["short", "Ab1-xyz", "password_too_short"],
      ["entirely numeric", "48151623429", "password_entirely_numeric"],
      ["common", "password123", "password_too_common"],
      ["too similar to the email", "averylongname1", "password_too_similar"],
    ])(
      "refuses a %s password with 400 validation_error on the password field",
      async (_label, password, code) => {
        const invite = await createInvite(t.services.db);
        const body = expectProblem(
          await register({
            email: "averylongname@example.com",
            password,
            invite_code: invite.code,
          }),
          400,
          "validation_error",
        );
        expect(body.errors).toContainEqual(expect.objectContaining({ field: "password", code }));
      },
    );

    it("refuses a malformed body with 400 validation_error naming the fields", async () => {
      const body = expectProblem(
        await register({ email: "not-an-email", password: strongPassword() }),
        400,
        "validation_error",
      );
      const fields = body.errors?.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["email", "invite_code"]));
    });

    it("of two accounts registered with one invite, only the first to verify wins; the other gets 409 invite_used", async () => {
      const invite = (await createInvite(t.services.db)).code;
      const first = await registerNew({ invite });
      const second = await registerNew({ invite });
      expect(
        (await t.app.inject({ method: "GET", url: lastLinkTo(second.email) })).statusCode,
      ).toBe(204);
      expectProblem(
        await t.app.inject({ method: "GET", url: lastLinkTo(first.email) }),
        409,
        "invite_used",
      );
      expectProblem(await login(first.email, first.password), 403, "email_not_verified");
      // The loser is not locked out of its address: it registers again with another invite.
      const again = await registerNew({ email: first.email });
      expect((await t.app.inject({ method: "GET", url: lastLinkTo(first.email) })).statusCode).toBe(
        204,
      );
      expect((await login(first.email, again.password)).statusCode).toBe(200);
    });

    const lostInvites = [
      {
        what: "withdrawn",
        lose: (id: string) =>
          t.services.db.update(inviteCodes).set({ isActive: false }).where(eq(inviteCodes.id, id)),
      },
      {
        what: "deleted",
        lose: (id: string) => t.services.db.delete(inviteCodes).where(eq(inviteCodes.id, id)),
      },
    ];
    for (const { what, lose } of lostInvites) {
      it(`an invite ${what} after registration makes verification 400 invalid_invite, claiming nothing; registering again works`, async () => {
        const invite = await createInvite(t.services.db);
        const { email } = await registerNew({ invite: invite.code });
        const link = lastLinkTo(email);
        await lose(invite.id);
        expectProblem(await t.app.inject({ method: "GET", url: link }), 400, "invalid_invite");
        const [pending] = await t.services.db.select().from(users).where(eq(users.email, email));
        expect(pending?.emailVerifiedAt).toBeNull();
        const again = await registerNew({ email });
        expect((await t.app.inject({ method: "GET", url: lastLinkTo(email) })).statusCode).toBe(
          204,
        );
        expect((await login(email, again.password)).statusCode).toBe(200);
      });
    }

    it("answers malformed, tampered and expired verification tokens with 400 invalid_verification_token", async () => {
      const { email } = await registerNew();
      const link = lastLinkTo(email);
      const token = decodeURIComponent(link.split("token=")[1]!);
      const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
      for (const bad of ["garbage", tampered, `${token}.x`, "x".repeat(5000)]) {
        expectProblem(
          await t.app.inject({
            method: "GET",
            url: `/api/customers/verify-email?token=${encodeURIComponent(bad)}`,
          }),
          400,
          "invalid_verification_token",
        );
      }
      clock.set("2030-01-16T12:00:01Z");
      try {
        expectProblem(
          await t.app.inject({ method: "GET", url: link }),
          400,
          "invalid_verification_token",
        );
      } finally {
        clock.set("2030-01-15T12:00:00Z");
      }
      expect((await t.app.inject({ method: "GET", url: link })).statusCode).toBe(204);
    });

    it("a missing, empty or repeated token is 400 invalid_verification_token", async () => {
      const { email } = await registerNew();
      const token = encodeURIComponent(decodeURIComponent(lastLinkTo(email).split("token=")[1]!));
      for (const query of ["", "?token=", "?token", "?other=1", `?token=${token}&token=${token}`]) {
        expectProblem(
          await t.app.inject({ method: "GET", url: `/api/customers/verify-email${query}` }),
          400,
          "invalid_verification_token",
        );
      }
    });

    it("sends a browser opening the link to the portal's page with the token, verifying nothing yet", async () => {
      const { email, password } = await registerNew();
      const link = lastLinkTo(email);
      const browser = await t.app.inject({
        method: "GET",
        url: link,
        headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
      });
      expect(browser.statusCode).toBe(303);
      expect(browser.headers["location"]).toBe(`/verify-email?${link.split("?")[1]!}`);
      expect(browser.body).toBe("");
      // The portal's page then calls the API as a script does, and gets the contract's answer.
      expectProblem(await login(email, password), 403, "email_not_verified");
      const script = await t.app.inject({ method: "GET", url: link, headers: { accept: "*/*" } });
      expect(script.statusCode).toBe(204);
      expect((await login(email, password)).statusCode).toBe(200);
    });

    it("cannot log in before verifying the email: 403 email_not_verified", async () => {
      const { email, password } = await registerNew();
      expectProblem(await login(email, password), 403, "email_not_verified");
    });

    it("unknown email and wrong password both give 401 invalid_credentials", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const wrong = expectProblem(
        await login(user.email, "Wrong-password-1", "10.1.0.1"),
        401,
        "invalid_credentials",
      );
      const unknown = expectProblem(
        await login(uniqueEmail(), "Wrong-password-1", "10.1.0.1"),
        401,
        "invalid_credentials",
      );
      expect(unknown).toMatchObject({ detail: (wrong as { detail?: string }).detail });
    });

    it("a deactivated account gets 403 account_inactive with the right password", async () => {
      const { user, password } = await createVerifiedUser(t.services.db, { isActive: false });
      expectProblem(await login(user.email, password), 403, "account_inactive");
    });

    it("throttles an address after 5 failed logins for one email (429 with Retry-After), not the owner elsewhere", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const attacker = "10.2.0.1";
      for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) {
        expectProblem(
          await login(user.email, "Wrong-password-1", attacker),
          401,
          "invalid_credentials",
        );
      }
      // The attacker's address is held back, even with the right password...
      const blocked = await login(user.email, password, attacker);
      expectProblem(blocked, 429, "too_many_attempts");
      expect(Number(blocked.headers["retry-after"])).toBe(15 * 60);
      // ...while the owner, from anywhere else, logs in, and that does not free the attacker.
      expect((await login(user.email, password, "10.2.1.1")).statusCode).toBe(200);
      expectProblem(await login(user.email, password, attacker), 429, "too_many_attempts");
      clock.set("2030-01-15T12:15:01Z");
      try {
        expect((await login(user.email, password, attacker)).statusCode).toBe(200);
      } finally {
        clock.set("2030-01-15T12:00:00Z");
      }
    });

    it("throttles an address after 50 failed logins across emails (password spraying)", async () => {
      const ip = "10.3.0.1";
      for (let i = 0; i < LOGIN_IP_MAX_FAILURES; i += 1) {
        expectProblem(
          await login(uniqueEmail(), "Wrong-password-1", ip),
          401,
          "invalid_credentials",
        );
      }
      const { user, password } = await createVerifiedUser(t.services.db);
      expectProblem(await login(user.email, password, ip), 429, "too_many_attempts");
      expect((await login(user.email, password, "10.3.0.2")).statusCode).toBe(200);
    });

    it("Retry-After counts down to the end of the window of the first failure", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) {
        await login(user.email, "Wrong-password-1", "10.2.2.1");
      }
      clock.set("2030-01-15T12:10:00Z");
      try {
        const blocked = await login(user.email, "Wrong-password-1", "10.2.2.1");
        expectProblem(blocked, 429, "too_many_attempts");
        expect(blocked.headers["retry-after"]).toBe(String(5 * 60));
      } finally {
        clock.set("2030-01-15T12:00:00Z");
      }
    });

    it("a right password does not use up the address's budget of failures", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const ip = "10.3.1.1";
      for (let i = 0; i < LOGIN_IP_MAX_FAILURES - 1; i += 1) {
        expectProblem(
          await login(uniqueEmail(), "Wrong-password-1", ip),
          401,
          "invalid_credentials",
        );
      }
      for (let i = 0; i < 3; i += 1)
        expect((await login(user.email, password, ip)).statusCode).toBe(200);
      const { user: pending, password: pendingPassword } = await createVerifiedUser(t.services.db);
      await t.services.db
        .update(users)
        .set({ emailVerifiedAt: null })
        .where(eq(users.id, pending.id));
      expectProblem(await login(pending.email, pendingPassword, ip), 403, "email_not_verified");
      expectProblem(await login(uniqueEmail(), "Wrong-password-1", ip), 401, "invalid_credentials");
      expectProblem(await login(uniqueEmail(), "Wrong-password-1", ip), 429, "too_many_attempts");
    });

    it("attempts refused for a throttled email do not count against the address", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const ip = "10.3.3.1";
      for (let i = 0; i < LOGIN_MAX_FAILURES + 6; i += 1) {
        const response = await login(user.email, "Wrong-password-1", ip);
        expect(response.statusCode).toBe(i < LOGIN_MAX_FAILURES ? 401 : 429);
      }
      const [window] = await t.services.db
        .select()
        .from(authThrottle)
        .where(eq(authThrottle.key, `login-ip:${ip}`));
      expect(window?.count).toBe(LOGIN_MAX_FAILURES);
    });

    it("password change with a wrong old password is 400 invalid_credentials", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/password/change",
        headers,
        payload: { old_password: "Not-the-password-1", new_password: strongPassword() },
      });
      expectProblem(response, 400, "invalid_credentials");
    });

    it("wrong old passwords count as failed logins: the 6th try is 429, even with the right one", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const change = (oldPassword: string) =>
        t.app.inject({
          method: "POST",
          url: "/api/customers/password/change",
          headers,
          payload: { old_password: oldPassword, new_password: strongPassword() },
          remoteAddress: "10.4.0.1",
        });
      for (let i = 0; i < 5; i += 1) {
        expectProblem(await change(`Not-the-password-${String(i)}`), 400, "invalid_credentials");
      }
      expectProblem(await change(password), 429, "too_many_attempts");
    });

    it("password change validates the new password on new_password", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/password/change",
        headers,
        payload: { old_password: password, new_password: "12345678" },
      });
      const body = expectProblem(response, 400, "validation_error");
      expect(body.errors).toContainEqual(
        expect.objectContaining({ field: "new_password", code: "password_too_common" }),
      );
    });

    it("resend-verification answers 202 for an unknown email and sends nothing", async () => {
      const before = mailer.messages.length;
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/resend-verification",
        payload: { email: uniqueEmail() },
      });
      expect(response.statusCode).toBe(202);
      expect(mailer.messages.length).toBe(before);
    });

    it("resend-verification sends at most 3 emails per address per hour, still answering 202", async () => {
      const { email } = await registerNew();
      const before = mailer.messages.length;
      for (let i = 0; i < 5; i += 1) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/customers/resend-verification",
          payload: { email },
        });
        expect(response.statusCode).toBe(202);
      }
      expect(mailer.messages.length).toBe(before + 3);
    });
  });

  describe("security", () => {
    it("logout, password change and token creation need the X-CSRFToken header (403 csrf_failed)", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const signedIn = await signIn(t, user.id);
      const headers = withoutCsrfHeader(signedIn);
      for (const [url, payload] of [
        ["/api/customers/logout", undefined],
        [
          "/api/customers/password/change",
          { old_password: password, new_password: strongPassword() },
        ],
        ["/api/customers/tokens", { name: "x" }],
      ] as const) {
        expectProblem(
          await t.app.inject({ method: "POST", url, headers, payload }),
          403,
          "csrf_failed",
        );
        expectProblem(
          await t.app.inject({
            method: "POST",
            url,
            headers: { ...headers, "x-csrftoken": "a".repeat(43) },
            payload,
          }),
          403,
          "csrf_failed",
        );
      }
    });

    it("a cookie and header pair the attacker chose is refused: the token is the session's", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const signedIn = await signIn(t, user.id);
      const planted = "a".repeat(43);
      expectProblem(
        await t.app.inject({
          method: "POST",
          url: "/api/customers/tokens",
          headers: {
            cookie: `sessionid=${signedIn.sessionKey}; csrftoken=${planted}`,
            "x-csrftoken": planted,
          },
          payload: { name: "x" },
        }),
        403,
        "csrf_failed",
      );
      // A single-page client that lost the cookie gets the session's token back.
      const csrf = await t.app.inject({
        method: "GET",
        url: "/api/customers/csrf",
        headers: { cookie: `sessionid=${signedIn.sessionKey}; csrftoken=${planted}` },
      });
      expect(csrf.json()).toEqual({ csrftoken: signedIn.csrfToken });
      expect(
        (
          await t.app.inject({
            method: "POST",
            url: "/api/customers/tokens",
            headers: signedIn.headers,
            payload: { name: "x" },
          })
        ).statusCode,
      ).toBe(201);
    });

    it("session routes answer 401 not_authenticated without a session", async () => {
      expectProblem(
        await t.app.inject({ method: "POST", url: "/api/customers/logout" }),
        401,
        "not_authenticated",
      );
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/customers/tokens" }),
        401,
        "not_authenticated",
      );
    });

    it("a new login replaces the session cookie sent with it (no session fixation)", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      const first = sessionHeaders(await login(user.email, password));
      const second = await t.app.inject({
        method: "POST",
        url: "/api/customers/login",
        headers: { cookie: first.cookie ?? "" },
        payload: { email: user.email, password },
      });
      expect(second.statusCode).toBe(200);
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers: first }),
        401,
        "not_authenticated",
      );
    });

    it("a deactivated user's session stops working", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      await t.services.db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers }),
        401,
        "not_authenticated",
      );
    });
  });
});

describe("customer accounts over https", () => {
  it("marks the session and CSRF cookies Secure when PUBLIC_BASE_URL is https", async () => {
    const t = await createTestApp({ env: { PUBLIC_BASE_URL: "https://api.example.com" } });
    try {
      const { user, password } = await createVerifiedUser(t.services.db);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/login",
        payload: { email: user.email, password },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === "sessionid")?.secure).toBe(true);
      expect(response.cookies.find((c) => c.name === "csrftoken")?.secure).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(onServerPostgres)(
  `login throttling under concurrency (SERVER_ONLY: ${SERVER_ONLY})`,
  () => {
    let t: TestApp;
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase({ poolSize: 20 });
      t = await createTestApp({ database });
    });
    afterAll(async () => {
      await t.close();
      await database.close();
    });

    const wrongLogin = (email: string, ip: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/customers/login",
        payload: { email, password: "Wrong-password-1" },
        remoteAddress: ip,
      });

    function tally(responses: Injected[]): Record<number, number> {
      const counts: Record<number, number> = {};
      for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
      return counts;
    }

    it("of 20 parallel wrong logins for one email from one IP, 5 get 401 and the rest 429", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => wrongLogin(user.email, "10.9.0.1")),
      );
      expect(tally(responses)).toEqual({ 401: 5, 429: 15 });
    });

    it(`of ${String(LOGIN_IP_MAX_FAILURES + 15)} parallel wrong logins from one IP for different emails, ${String(LOGIN_IP_MAX_FAILURES)} get 401 and the rest 429`, async () => {
      const responses = await Promise.all(
        Array.from({ length: LOGIN_IP_MAX_FAILURES + 15 }, () =>
          wrongLogin(uniqueEmail(), "10.9.1.1"),
        ),
      );
      expect(tally(responses)).toEqual({ 401: LOGIN_IP_MAX_FAILURES, 429: 15 });
    });

    it("of 20 parallel wrong old passwords on password change, 5 get 400 and the rest 429", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.app.inject({
            method: "POST",
            url: "/api/customers/password/change",
            headers,
            payload: {
              old_password: `Not-the-password-${String(i)}`,
              new_password: strongPassword(),
            },
            remoteAddress: "10.9.2.1",
          }),
        ),
      );
      expect(tally(responses)).toEqual({ 400: 5, 429: 15 });
    });
  },
);
