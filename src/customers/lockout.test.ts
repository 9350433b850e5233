import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../schema.js";
import {
  createVerifiedUser,
  securityEventsOf,
  userRow as storedUser,
} from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { runCommand } from "../../test/support/cli.js";
import { onServerPostgres, SERVER_ONLY } from "../../test/support/database.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { fixedClock, systemClock } from "../platform/clock.js";
import { AppError } from "../platform/errors.js";
import { createAccountsService } from "./accounts.service.js";
import type { AuthThrottle } from "./auth-throttle.service.js";
import type { SecurityEventType } from "./security-events.table.js";

const THRESHOLD = 3;
const LOCK_MINUTES = 20;

describe("lockout after repeated failed logins", () => {
  let t: TestApp;
  const mailer = memoryMailer();
  const clock = fixedClock("2030-05-01T10:00:00Z");
  let staffHeaders: Record<string, string>;

  beforeAll(async () => {
    // Below the login throttle's 5 failures per address, so the lockout is what answers.
    t = await createTestApp({
      mailer,
      clock,
      logLevel: "debug",
      env: { LOCKOUT_THRESHOLD: String(THRESHOLD), LOCKOUT_MINUTES: String(LOCK_MINUTES) },
    });
    const staff = await createVerifiedUser(t.services.db, { isStaff: true });
    staffHeaders = (await signIn(t, staff.user.id)).headers;
  });
  afterAll(async () => t.close());

  let ipCounter = 0;
  /** A client IP of its own per call, so only the per-address throttle is shared. */
  async function login(email: string, password: string, headers: Record<string, string> = {}) {
    ipCounter += 1;
    return t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
      remoteAddress: `10.9.${String(ipCounter >> 8)}.${String(ipCounter & 255)}`,
      headers,
    });
  }

  const eventsOf = (userId: string, type: SecurityEventType) =>
    securityEventsOf(t.services.db, userId, type);
  const userRow = (id: string) => storedUser(t.services.db, id);

  const lockMails = (email: string) =>
    mailer.messages.filter((m) => m.to === email && m.subject.includes("locked"));

  async function lockOut(email: string) {
    for (let i = 1; i < THRESHOLD; i++) {
      expectProblem(await login(email, "wrong-password"), 401, "invalid_credentials");
    }
    return login(email, "wrong-password");
  }

  it("locks at the threshold: even the right password is refused with Retry-After, one email tells the owner", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const locking = await lockOut(user.email);
    expectProblem(locking, 403, "account_locked");
    expect(locking.headers["retry-after"]).toBe(String(LOCK_MINUTES * 60));
    expect(await userRow(user.id)).toMatchObject({
      failedLoginCount: 0,
      lockedUntil: new Date(clock.now().getTime() + LOCK_MINUTES * 60_000),
    });

    clock.set(new Date(clock.now().getTime() + 60_000));
    const right = await login(user.email, password);
    expectProblem(right, 403, "account_locked");
    expect(right.headers["retry-after"]).toBe(String((LOCK_MINUTES - 1) * 60));
    expectProblem(await login(user.email, "wrong-password"), 403, "account_locked");

    const mails = lockMails(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("http://localhost:8000/reset-password");
    expect(mails[0]!.text).toContain(`${String(THRESHOLD)} times`);

    const failed = await eventsOf(user.id, "login_failed");
    expect(failed).toHaveLength(THRESHOLD);
    expect(failed[0]!.details).toEqual({ reason: "wrong_password" });
    expect(await eventsOf(user.id, "account_locked")).toHaveLength(1);

    // The lock ends by itself.
    clock.set(new Date(clock.now().getTime() + LOCK_MINUTES * 60_000));
    expect((await login(user.email, password)).statusCode).toBe(200);
    expect(lockMails(user.email)).toHaveLength(1);
  });

  it("mails the owner once per six hours however often the account is locked, and never a deactivated one", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    for (let lock = 0; lock < 3; lock++) {
      expectProblem(await lockOut(user.email), 403, "account_locked");
      clock.set(new Date(clock.now().getTime() + LOCK_MINUTES * 60_000));
    }
    expect(lockMails(user.email)).toHaveLength(1);
    expect(await eventsOf(user.id, "account_locked")).toHaveLength(3);
    clock.set(new Date(clock.now().getTime() + 6 * 60 * 60_000));
    expectProblem(await lockOut(user.email), 403, "account_locked");
    expect(lockMails(user.email)).toHaveLength(2);

    const inactive = await createVerifiedUser(t.services.db, { isActive: false });
    expectProblem(await lockOut(inactive.user.email), 403, "account_locked");
    expect(lockMails(inactive.user.email)).toHaveLength(0);
  });

  it("a successful login starts the count again", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < THRESHOLD; i++) {
        expectProblem(await login(user.email, "wrong-password"), 401, "invalid_credentials");
      }
      expect((await userRow(user.id)).failedLoginCount).toBe(THRESHOLD - 1);
      expect((await login(user.email, password)).statusCode).toBe(200);
      expect((await userRow(user.id)).failedLoginCount).toBe(0);
    }
    expect((await userRow(user.id)).lockedUntil).toBeNull();
  });

  it("never locks anything for unknown addresses", async () => {
    const email = uniqueEmail("ghost");
    for (let i = 0; i < THRESHOLD + 1; i++) {
      expectProblem(await login(email, "wrong-password"), 401, "invalid_credentials");
    }
    expect(mailer.messages.filter((m) => m.to === email)).toHaveLength(0);
  });

  it("logs successful logins and logouts with the client", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const loggedIn = await login(user.email, password, { "user-agent": "lockout-test/2" });
    expect(loggedIn.statusCode).toBe(200);
    expect(await eventsOf(user.id, "login_succeeded")).toEqual([
      expect.objectContaining({ details: { via: "session" }, userAgent: "lockout-test/2" }),
    ]);
    const session = loggedIn.cookies.find((c) => c.name === "sessionid")!.value;
    const csrf = loggedIn.cookies.find((c) => c.name === "csrftoken")!.value;
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/customers/logout",
      headers: { cookie: `sessionid=${session}; csrftoken=${csrf}`, "x-csrftoken": csrf },
      remoteAddress: "192.0.2.44",
    });
    expect(logout.statusCode).toBe(204);
    expect(await eventsOf(user.id, "logout")).toEqual([
      expect.objectContaining({ ip: "192.0.2.44" }),
    ]);
  });

  it("staff unlock an account: logins work at once, audited and in the user's security log", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    expectProblem(await lockOut(user.email), 403, "account_locked");
    const response = await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${user.id.toUpperCase()}/unlock`,
      headers: staffHeaders,
      remoteAddress: "192.0.2.7",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, email: user.email, locked_until: null });
    expect(await userRow(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const [audit] = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.unlock"), eq(auditLog.targetId, user.id)));
    expect(audit?.details).toMatchObject({ email: user.email, was_locked: true });
    expect(await eventsOf(user.id, "account_unlocked")).toEqual([
      expect.objectContaining({ ip: "192.0.2.7", details: { by: "staff", was_locked: true } }),
    ]);
    expect((await login(user.email, password)).statusCode).toBe(200);
  });

  it("unlock is staff only; unknown ids are 404, malformed ones 400", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const customer = await signIn(t, user.id);
    const url = `/api/admin/users/${user.id}/unlock`;
    expectProblem(
      await t.app.inject({ method: "POST", url, headers: customer.headers }),
      403,
      "permission_denied",
    );
    expectProblem(await t.app.inject({ method: "POST", url }), 401, "not_authenticated");
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: `/api/admin/users/${randomUUID()}/unlock`,
        headers: staffHeaders,
      }),
      404,
      "not_found",
    );
    expectProblem(
      await t.app.inject({
        method: "POST",
        url: "/api/admin/users/not-a-uuid/unlock",
        headers: staffHeaders,
      }),
      400,
      "validation_error",
    );
  });

  it("unlock-user --email (or unlock_user) unlocks from the CLI", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    expectProblem(await lockOut(user.email), 403, "account_locked");
    const unlocked = await runCommand(t, ["unlock_user", "--email", user.email.toUpperCase()]);
    expect(unlocked).toMatchObject({ code: 0, out: [`${user.email} is unlocked.`] });
    expect(await eventsOf(user.id, "account_unlocked")).toEqual([
      expect.objectContaining({ ip: null, details: { by: "cli", was_locked: true } }),
    ]);
    const [audit] = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.unlock"), eq(auditLog.targetId, user.id)));
    expect(audit?.details).toMatchObject({ via: "cli" });
    expect((await login(user.email, password)).statusCode).toBe(200);

    const unknown = await runCommand(t, ["unlock-user", "--email", uniqueEmail("nobody")]);
    expect(unknown.code).toBe(1);
    expect(unknown.err.join("\n")).toMatch(/No user/);
    expect((await runCommand(t, ["unlock-user"])).code).toBe(2);
    expect((await runCommand(t, ["unlock-user", user.email])).code).toBe(2);
  });

  it("never logs the passwords tried", () => {
    expect(t.logs()).toContain("account locked after repeated failed logins");
    expect(t.logs()).not.toContain("wrong-password");
  });
});

describe.runIf(onServerPostgres)(`lockout under concurrency (SERVER_ONLY: ${SERVER_ONLY})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOCKOUT_THRESHOLD: "10" } });
  });
  afterAll(async () => t.close());

  /** Parallel attempts straight at the login rules, without the login throttle's 5. */
  function accountsWithoutThrottle() {
    const mailer = memoryMailer();
    const noThrottle: AuthThrottle = {
      beginLoginAttempt: async () => ({ reserved: [] }),
      passwordAccepted: async () => undefined,
      clearLoginFailures: async () => undefined,
      allowVerificationEmail: async () => ({ allowed: true }),
      allowPasswordResetEmail: async () => ({ allowed: true }),
      allowLockoutEmail: async () => ({ allowed: true }),
    };
    const accounts = createAccountsService({
      db: t.services.db,
      config: t.config,
      clock: systemClock,
      log: t.services.log,
      mailer,
      sessions: t.services.customers.sessions,
      throttle: noThrottle,
      credits: t.services.credits,
    });
    return { accounts, mailer };
  }

  async function attempts(email: string, n: number, password = (_i: number) => "wrong-password") {
    const { accounts, mailer } = accountsWithoutThrottle();
    const outcomes = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        accounts
          .checkCredentials({
            email,
            password: password(i),
            client: { ip: `10.20.0.${String(i)}`, userAgent: null },
          })
          .then(
            () => "accepted",
            (error: unknown) => (error instanceof AppError ? error.code : String(error)),
          ),
      ),
    );
    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return { counts, mailer };
  }

  const countEvents = async (userId: string, type: SecurityEventType) =>
    (await securityEventsOf(t.services.db, userId, type)).length;

  it("30 parallel wrong passwords against threshold 10: exactly one lock and one email", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { counts, mailer } = await attempts(user.email, 30);
    // Those counted after the lock are refused as locked; those that came while ten were being
    // checked, as too many at once: which of the two depends on timing.
    expect(counts["invalid_credentials"]).toBe(9);
    expect(counts["account_locked"]).toBeGreaterThanOrEqual(1);
    expect((counts["account_locked"] ?? 0) + (counts["too_many_attempts"] ?? 0)).toBe(21);
    expect(mailer.messages).toHaveLength(1);
    const [row] = await t.services.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.failedLoginCount).toBe(0);
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await countEvents(user.id, "login_failed")).toBe(10);
    expect(await countEvents(user.id, "account_locked")).toBe(1);
  });

  it("while the threshold's worth of attempts are being checked, even the right password waits", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    // As if ten attempts were counted and their passwords still being checked: none of them may
    // be outrun by an eleventh guess, right or wrong, which could otherwise win during the lock.
    await t.services.db.update(users).set({ failedLoginCount: 10 }).where(eq(users.id, user.id));
    const { counts } = await attempts(user.email, 1, () => password);
    expect(counts).toEqual({ too_many_attempts: 1 });
    await t.services.db.update(users).set({ failedLoginCount: 9 }).where(eq(users.id, user.id));
    expect((await attempts(user.email, 1, () => password)).counts).toEqual({ accepted: 1 });
    const [row] = await t.services.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.failedLoginCount).toBe(0);
  });

  it("9 parallel wrong passwords are all counted (no lost increments) and lock nothing", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { counts, mailer } = await attempts(user.email, 9);
    expect(counts).toEqual({ invalid_credentials: 9 });
    expect(mailer.messages).toHaveLength(0);
    const [row] = await t.services.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedLoginCount: 9, lockedUntil: null });
  });
});
