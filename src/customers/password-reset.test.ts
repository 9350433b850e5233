import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtRefreshTokens, passwordResetTokens, sessions, users } from "../schema.js";
import {
  createApiToken,
  createVerifiedUser,
  strongPassword,
  securityEventsOf,
  userRow as storedUser,
} from "../../test/factories/customers.js";
import { createUser, uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { onServerPostgres, SERVER_ONLY } from "../../test/support/database.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { fixedClock } from "../platform/clock.js";
import { RESET_IP_MAX_PER_WINDOW, RESET_MAX_PER_WINDOW } from "./auth-throttle.service.js";
import { sha256Hex } from "./secrets.js";
import type { SecurityEventType } from "./security-events.table.js";

const RESET_LINK = /^http:\/\/localhost:8000\/reset-password\?token=([\w-]+)$/m;
const TTL_MINUTES = 30;

describe("password reset", () => {
  let t: TestApp;
  const mailer = memoryMailer();
  const clock = fixedClock("2030-03-01T08:00:00Z");

  beforeAll(async () => {
    t = await createTestApp({
      mailer,
      clock,
      logLevel: "debug",
      env: { PASSWORD_RESET_TTL_MINUTES: String(TTL_MINUTES) },
    });
  });
  afterAll(async () => t.close());

  /** Moves the shared clock on (never back: the throttle windows of earlier tests stay valid). */
  function advanceMinutes(minutes: number): void {
    clock.set(new Date(clock.now().getTime() + minutes * 60_000));
  }

  // Each request from an address of its own unless told: the per-IP limit is tested on its own.
  let ipCounter = 0;
  const nextIp = () => {
    ipCounter += 1;
    return `198.18.${String(ipCounter >> 8)}.${String(ipCounter & 255)}`;
  };

  async function requestReset(email: string, ip = nextIp()) {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/reset",
      payload: { email },
      remoteAddress: ip,
    });
    // The token and the email are made after the answer.
    await t.services.customers.passwordReset.idle();
    return response;
  }

  async function confirm(payload: Record<string, unknown>) {
    return t.app.inject({
      method: "POST",
      url: "/api/customers/password/reset/confirm",
      payload,
      remoteAddress: "198.51.100.2",
    });
  }

  function mailsTo(email: string, subject: RegExp) {
    return mailer.messages.filter((m) => m.to === email && subject.test(m.subject));
  }

  function lastTokenTo(email: string): string {
    const token = RESET_LINK.exec(mailsTo(email, /Reset/).at(-1)?.text ?? "")?.[1];
    if (token === undefined) throw new Error(`no reset link sent to ${email}`);
    return token;
  }

  async function login(email: string, password: string, ip = "10.1.0.1") {
    return t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
      remoteAddress: ip,
    });
  }

  const eventsOf = (userId: string, type: SecurityEventType) =>
    securityEventsOf(t.services.db, userId, type);
  const userRow = (id: string) => storedUser(t.services.db, id);

  it("emails a single-use link; confirming sets the password, ends sessions and refresh tokens, keeps API tokens", async () => {
    const { user, password: oldPassword } = await createVerifiedUser(t.services.db);
    const session = await signIn(t, user.id);
    const apiToken = await createApiToken(t, user.id);
    const now = clock.now();
    await t.services.db.insert(jwtRefreshTokens).values({
      familyId: randomUUID(),
      userId: user.id,
      tokenHash: sha256Hex(randomUUID()),
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });

    const requested = await requestReset(user.email.toUpperCase(), "198.51.100.1");
    expect(requested.statusCode).toBe(202);
    const message = mailsTo(user.email, /Reset/).at(-1)!;
    expect(message.text).toContain(`within ${String(TTL_MINUTES)} minutes`);
    const token = lastTokenTo(user.email);
    const [stored] = await t.services.db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, user.id));
    // Only the hash is stored, valid for the configured TTL.
    expect(stored!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(TTL_MINUTES * 60_000);
    // Written after the answer, still under the request's id.
    expect(await eventsOf(user.id, "password_reset_requested")).toEqual([
      expect.objectContaining({
        ip: "198.51.100.1",
        requestId: requested.headers["x-request-id"],
        details: { link_sent: true },
      }),
    ]);

    const newPassword = strongPassword();
    const confirmed = await confirm({ token, new_password: newPassword });
    expect(confirmed.statusCode).toBe(204);

    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers: session.headers }),
      401,
      "not_authenticated",
    );
    expect(
      await t.services.db.select().from(sessions).where(eq(sessions.userId, user.id)),
    ).toHaveLength(0);
    const [refresh] = await t.services.db
      .select()
      .from(jwtRefreshTokens)
      .where(eq(jwtRefreshTokens.userId, user.id));
    expect(refresh!.revokedAt).toEqual(clock.now());
    const withApiToken = await t.app.inject({
      method: "GET",
      url: "/api/credits/balance",
      headers: { authorization: `Bearer ${apiToken.token}` },
    });
    expect(withApiToken.statusCode).toBe(200);

    expect((await login(user.email, newPassword)).statusCode).toBe(200);
    expectProblem(await login(user.email, oldPassword), 401, "invalid_credentials");

    expect(await eventsOf(user.id, "password_reset")).toEqual([
      expect.objectContaining({ ip: "198.51.100.2" }),
    ]);
    const changed = mailsTo(user.email, /password was changed/);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.text).toMatch(/reset with an emailed link/);
    expect(changed[0]!.text).toContain("http://localhost:8000/reset-password");

    // Used up: a second confirmation is refused.
    expectProblem(
      await confirm({ token, new_password: strongPassword() }),
      400,
      "invalid_reset_token",
    );
    const logs = t.logs();
    expect(logs).toContain("password reset; sessions and refresh tokens ended");
    for (const secret of [token, newPassword, "reset-password?token"]) {
      expect(logs).not.toContain(secret);
    }
  });

  it("refuses an expired link", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    await requestReset(user.email);
    const token = lastTokenTo(user.email);
    advanceMinutes(TTL_MINUTES);
    expectProblem(
      await confirm({ token, new_password: strongPassword() }),
      400,
      "invalid_reset_token",
    );
  });

  it("a newer request voids the older link", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    await requestReset(user.email);
    const first = lastTokenTo(user.email);
    await requestReset(user.email);
    const second = lastTokenTo(user.email);
    expect(second).not.toBe(first);
    expectProblem(
      await confirm({ token: first, new_password: strongPassword() }),
      400,
      "invalid_reset_token",
    );
    expect((await confirm({ token: second, new_password: strongPassword() })).statusCode).toBe(204);
  });

  it("a password change voids outstanding links, is logged and emails the owner", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    await requestReset(user.email);
    const token = lastTokenTo(user.email);
    const session = await signIn(t, user.id);
    const changed = await t.app.inject({
      method: "POST",
      url: "/api/customers/password/change",
      headers: { ...session.headers, "user-agent": "reset-test/1" },
      payload: { old_password: password, new_password: strongPassword() },
      remoteAddress: "198.51.100.7",
    });
    expect(changed.statusCode).toBe(204);
    expectProblem(
      await confirm({ token, new_password: strongPassword() }),
      400,
      "invalid_reset_token",
    );
    expect(await eventsOf(user.id, "password_changed")).toEqual([
      expect.objectContaining({ ip: "198.51.100.7", userAgent: "reset-test/1" }),
    ]);
    const mails = mailsTo(user.email, /password was changed/);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/Every other session was signed out/);
  });

  it("sends nothing to deactivated or unverified accounts, and their links stop working", async () => {
    const inactive = await createVerifiedUser(t.services.db, { isActive: false });
    const unverified = await createUser(t.services.db, { emailVerifiedAt: null });
    for (const user of [inactive.user, unverified]) {
      expect((await requestReset(user.email)).statusCode).toBe(202);
      expect(mailsTo(user.email, /Reset/)).toHaveLength(0);
      expect(await eventsOf(user.id, "password_reset_requested")).toEqual([
        expect.objectContaining({ details: { link_sent: false } }),
      ]);
    }

    const deactivated = await createVerifiedUser(t.services.db);
    const unverifiedLater = await createVerifiedUser(t.services.db);
    await requestReset(deactivated.user.email);
    await requestReset(unverifiedLater.user.email);
    const tokens = [lastTokenTo(deactivated.user.email), lastTokenTo(unverifiedLater.user.email)];
    await t.services.db
      .update(users)
      .set({ isActive: false })
      .where(eq(users.id, deactivated.user.id));
    await t.services.db
      .update(users)
      .set({ emailVerifiedAt: null })
      .where(eq(users.id, unverifiedLater.user.id));
    for (const token of tokens) {
      expectProblem(
        await confirm({ token, new_password: strongPassword() }),
        400,
        "invalid_reset_token",
      );
    }
    expectProblem(
      await login(deactivated.user.email, deactivated.password),
      403,
      "account_inactive",
    );
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const before = mailer.messages.length;
    const known = await requestReset(user.email);
    const unknown = await requestReset(uniqueEmail("nobody"));
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(mailer.messages.length).toBe(before + 1);
  });

  it("takes as long for unknown addresses as for known ones (20 tries each)", async () => {
    const known = await Promise.all(
      Array.from({ length: 20 }, () => createUser(t.services.db, { email: uniqueEmail("timed") })),
    );
    const durations = { known: [] as number[], unknown: [] as number[] };
    for (const user of known) {
      for (const [kind, email] of [
        ["known", user.email],
        ["unknown", uniqueEmail("timed-nobody")],
      ] as const) {
        const started = performance.now();
        const response = await t.app.inject({
          method: "POST",
          url: "/api/customers/password/reset",
          payload: { email },
          remoteAddress: nextIp(),
        });
        durations[kind].push(performance.now() - started);
        expect(response.statusCode).toBe(202);
        await t.services.customers.passwordReset.idle();
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const [k, u] = [median(durations.known), median(durations.unknown)];
    // Generous (a shared, busy machine): the answer must not wait for the lookup, the token's
    // transaction or the email, which would make known addresses clearly slower.
    expect(k).toBeLessThan(u * 2 + 20);
    expect(u).toBeLessThan(k * 2 + 20);
  });

  it(`sends at most ${String(RESET_MAX_PER_WINDOW)} links per address an hour, still answering 202`, async () => {
    const { user } = await createVerifiedUser(t.services.db);
    for (let i = 0; i < RESET_MAX_PER_WINDOW + 2; i++) {
      const response = await requestReset(user.email, `198.51.100.${String(10 + i)}`);
      expect(response.statusCode).toBe(202);
    }
    expect(mailsTo(user.email, /Reset/)).toHaveLength(RESET_MAX_PER_WINDOW);
    advanceMinutes(61);
    await requestReset(user.email);
    expect(mailsTo(user.email, /Reset/)).toHaveLength(RESET_MAX_PER_WINDOW + 1);
  });

  it(`sends at most ${String(RESET_IP_MAX_PER_WINDOW)} links an hour for requests from one address`, async () => {
    const users = await Promise.all(
      Array.from({ length: RESET_IP_MAX_PER_WINDOW + 2 }, () => createVerifiedUser(t.services.db)),
    );
    for (const { user } of users) {
      expect((await requestReset(user.email, "203.0.113.99")).statusCode).toBe(202);
    }
    const sent = users.filter(({ user }) => mailsTo(user.email, /Reset/).length > 0);
    expect(sent).toHaveLength(RESET_IP_MAX_PER_WINDOW);
    // The addresses over the limit can still ask from elsewhere.
    const last = users.at(-1)!.user.email;
    await requestReset(last);
    expect(mailsTo(last, /Reset/)).toHaveLength(1);
  });

  it("lifts a lockout and the login throttle's failures from every address", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const ip = "10.2.0.1";
    for (let i = 0; i < 5; i++) {
      expectProblem(await login(user.email, "wrong-password", ip), 401, "invalid_credentials");
    }
    expectProblem(await login(user.email, password, ip), 429, "too_many_attempts");
    await t.services.db
      .update(users)
      .set({ lockedUntil: new Date(clock.now().getTime() + 3_600_000), failedLoginCount: 3 })
      .where(eq(users.id, user.id));
    expectProblem(await login(user.email, password, "10.2.0.2"), 403, "account_locked");
    await requestReset(user.email);
    const newPassword = strongPassword();
    expect(
      (await confirm({ token: lastTokenTo(user.email), new_password: newPassword })).statusCode,
    ).toBe(204);
    expect(await userRow(user.id)).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    // At once, even from the address that was throttled.
    expect((await login(user.email, newPassword, ip)).statusCode).toBe(200);
  });

  it("applies the password rules to the new password and keeps the link usable after a refusal", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    await requestReset(user.email);
    const token = lastTokenTo(user.email);
    const weak = expectProblem(
      await confirm({ token, new_password: "12345678" }),
      400,
      "validation_error",
    );
    expect(new Set(weak.errors?.map((e) => e.field))).toEqual(new Set(["new_password"]));
    const same = expectProblem(
      await confirm({ token, new_password: user.email }),
      400,
      "validation_error",
    );
    expect(same.errors?.map((e) => e.field)).toContain("new_password");
    expect((await confirm({ token, new_password: strongPassword() })).statusCode).toBe(204);
  });

  it("refuses malformed requests with 400 validation_error, never a 500", async () => {
    const huge = "x".repeat(100_000);
    const requests: [string, unknown][] = [
      ["/api/customers/password/reset", {}],
      ["/api/customers/password/reset", { email: 42 }],
      ["/api/customers/password/reset", { email: "not-an-email" }],
      ["/api/customers/password/reset", { email: `${huge}@example.com` }],
      ["/api/customers/password/reset", { email: uniqueEmail(), extra: true }],
      ["/api/customers/password/reset", ["a@example.com"]],
      ["/api/customers/password/reset/confirm", {}],
      ["/api/customers/password/reset/confirm", { token: "abc" }],
      ["/api/customers/password/reset/confirm", { new_password: strongPassword() }],
      ["/api/customers/password/reset/confirm", { token: 1, new_password: strongPassword() }],
      ["/api/customers/password/reset/confirm", { token: "", new_password: strongPassword() }],
      ["/api/customers/password/reset/confirm", { token: huge, new_password: strongPassword() }],
      ["/api/customers/password/reset/confirm", { token: "abc", new_password: huge }],
      ["/api/customers/password/reset/confirm", { token: "abc", new_password: null }],
    ];
    for (const [url, payload] of requests) {
      const response = await t.app.inject({ method: "POST", url, payload: payload as object });
      expectProblem(response, 400, "validation_error");
    }
    expectProblem(
      await confirm({ token: "a".repeat(200), new_password: strongPassword() }),
      400,
      "invalid_reset_token",
    );
  });

  it.runIf(onServerPostgres)(
    `lets exactly one of six parallel confirmations of a link succeed (SERVER_ONLY: ${SERVER_ONLY})`,
    async () => {
      const { user } = await createVerifiedUser(t.services.db);
      await requestReset(user.email);
      const token = lastTokenTo(user.email);
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => confirm({ token, new_password: strongPassword() })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 400, 400, 400, 400, 400]);
      expect(await eventsOf(user.id, "password_reset")).toHaveLength(1);
    },
  );
});
