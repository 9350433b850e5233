import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCommandLine } from "../platform/cli.js";
import { coreSettings, inviteCodes, users } from "../schema.js";
import {
  createInvite,
  createVerifiedUser,
  strongPassword,
} from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { cliContext } from "../../test/support/cli.js";
import { customersCommands } from "./customers.commands.js";
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL, type DemoFacts } from "./demo-seed.js";

describe("customers management commands", () => {
  let t: TestApp;
  let withPassword: TestApp;
  const superPassword = strongPassword();
  beforeAll(async () => {
    t = await createTestApp();
    withPassword = await createTestApp({
      database: t.database,
      env: { TOLLGATE_SUPERUSER_PASSWORD: superPassword },
    });
  });
  afterAll(async () => {
    await withPassword.close();
    await t.close();
  });

  async function login(email: string, password: string) {
    return t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
    });
  }

  it("createsuperuser --email creates a verified staff user with TOLLGATE_SUPERUSER_PASSWORD", async () => {
    const email = uniqueEmail("root");
    const { context, out } = cliContext(withPassword);
    expect(
      await runCommandLine(["createsuperuser", "--email", email], customersCommands, context),
    ).toBe(0);
    expect(out.join("\n")).toContain(email);
    const response = await login(email, superPassword);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ is_staff: true });
  });

  it("createsuperuser prompts for email and password on a terminal", async () => {
    const email = uniqueEmail("prompted");
    const password = strongPassword();
    const { context } = cliContext(t, [email, password, password], true);
    expect(await runCommandLine(["createsuperuser"], customersCommands, context)).toBe(0);
    expect((await login(email, password)).statusCode).toBe(200);
  });

  it("createsuperuser refuses a weak password, mismatched passwords and an existing email", async () => {
    const email = uniqueEmail("weak");
    const weak = cliContext(t, [email, "12345678", "12345678"], true);
    expect(await runCommandLine(["createsuperuser"], customersCommands, weak.context)).toBe(1);
    expect(weak.err.join("\n")).toMatch(/too common/);
    // Each problem once, not once in a summary and again in a list.
    expect(weak.err.join("\n").match(/too common/g)).toHaveLength(1);
    const mismatch = cliContext(t, [email, strongPassword(), strongPassword()], true);
    expect(await runCommandLine(["createsuperuser"], customersCommands, mismatch.context)).toBe(1);
    const dup = cliContext(withPassword);
    expect(
      await runCommandLine(["createsuperuser", "--email", email], customersCommands, dup.context),
    ).toBe(0);
    const again = cliContext(withPassword);
    expect(
      await runCommandLine(["createsuperuser", "--email", email], customersCommands, again.context),
    ).toBe(1);
    expect(again.err.join("\n")).toMatch(/already exists/);
  });

  it("createsuperuser without a terminal is a usage error naming exactly what is missing", async () => {
    const neither = cliContext(t);
    expect(await runCommandLine(["createsuperuser"], customersCommands, neither.context)).toBe(2);
    const firstLine = (err: string[]) => err.join("\n").split("\n")[0];
    expect(firstLine(neither.err)).toMatch(
      /^No terminal to ask on: pass --email EMAIL and set TOLLGATE_SUPERUSER_PASSWORD/,
    );

    const noPassword = cliContext(t);
    expect(
      await runCommandLine(
        ["createsuperuser", "--email", uniqueEmail("nopass")],
        customersCommands,
        noPassword.context,
      ),
    ).toBe(2);
    expect(firstLine(noPassword.err)).toMatch(
      /^No terminal to ask on: set TOLLGATE_SUPERUSER_PASSWORD/,
    );
    expect(firstLine(noPassword.err)).not.toContain("--email");

    const noEmail = cliContext(withPassword);
    expect(await runCommandLine(["createsuperuser"], customersCommands, noEmail.context)).toBe(2);
    expect(firstLine(noEmail.err)).toBe("No terminal to ask on: pass --email EMAIL.");
  });

  it("bootstrap-demo --json creates usable demo data once and is idempotent", async () => {
    const first = cliContext(t);
    expect(
      await runCommandLine(["bootstrap-demo", "--json"], customersCommands, first.context),
    ).toBe(0);
    const facts = JSON.parse(first.out.join("")) as DemoFacts;
    expect(facts.admin.password).toEqual(expect.any(String));
    expect(facts.user.password).toEqual(expect.any(String));
    expect(facts.token).toMatch(/^tok_/);

    expect((await login(facts.admin.email, facts.admin.password!)).json()).toMatchObject({
      is_staff: true,
    });
    expect((await login(facts.user.email, facts.user.password!)).json()).toMatchObject({
      is_staff: false,
    });
    const auth = await t.services.auth.authenticateBearer(`Bearer ${facts.token!}`);
    expect(auth?.email).toBe(facts.user.email);
    const [invite] = await t.services.db
      .select()
      .from(inviteCodes)
      .where(eq(inviteCodes.code, facts.invite_code));
    expect(invite).toMatchObject({ isActive: true, usedBy: null });
    expect(await t.services.db.select().from(coreSettings)).toHaveLength(1);

    const second = cliContext(t);
    expect(
      await runCommandLine(["bootstrap-demo", "--json"], customersCommands, second.context),
    ).toBe(0);
    expect(JSON.parse(second.out.join(""))).toEqual({
      admin: { email: facts.admin.email, password: null },
      user: { email: facts.user.email, password: null },
      invite_code: facts.invite_code,
      token: null,
    });
    expect(
      await t.services.db.select().from(users).where(eq(users.email, facts.admin.email)),
    ).toHaveLength(1);
    // The demo user got the trial credits once, and the default services have their rows.
    const [demoUser] = await t.services.db
      .select()
      .from(users)
      .where(eq(users.email, facts.user.email));
    expect((await t.services.credits.balance(demoUser!.id)).byKind.trial).toBe(10_000);
    expect((await t.services.aiServices.listActive()).map((s) => s.name)).toContain(
      "text_sentiment_analysis",
    );

    const text = cliContext(t);
    expect(await runCommandLine(["bootstrap-demo"], customersCommands, text.context)).toBe(0);
    expect(text.out.join("\n")).toContain(facts.invite_code);
  });

  it("bootstrap-demo shows only the invite it created, never one that staff created", async () => {
    async function demoInviteCode() {
      const { context, out } = cliContext(t);
      expect(await runCommandLine(["bootstrap-demo", "--json"], customersCommands, context)).toBe(
        0,
      );
      return (JSON.parse(out.join("")) as DemoFacts).invite_code;
    }
    const [staffInvite] = await t.services.customers.invites.createInvites({
      count: 1,
      expiresAt: null,
      actor: null,
    });
    const first = await demoInviteCode();
    expect(first).not.toBe(staffInvite?.code);
    expect(await demoInviteCode()).toBe(first);

    // Once the demo invite is used, the next run makes a new one rather than showing the staff's.
    await t.services.db
      .update(inviteCodes)
      .set({ isActive: false, usedAt: new Date() })
      .where(eq(inviteCodes.code, first));
    const second = await demoInviteCode();
    expect([first, staffInvite?.code]).not.toContain(second);
    const [invite] = await t.services.db
      .select()
      .from(inviteCodes)
      .where(eq(inviteCodes.code, second));
    expect(invite).toMatchObject({ isActive: true, usedBy: null, expiresAt: null });
    expect(await demoInviteCode()).toBe(second);
  });

  it("create-invite prints the requested number of codes with the given expiry", async () => {
    const { context, out } = cliContext(t);
    expect(
      await runCommandLine(
        ["create-invite", "--count", "3", "--expires-in-days", "7"],
        customersCommands,
        context,
      ),
    ).toBe(0);
    const codes = out.join("\n").split("\n");
    expect(codes).toHaveLength(3);
    for (const code of codes) {
      const [invite] = await t.services.db
        .select()
        .from(inviteCodes)
        .where(eq(inviteCodes.code, code));
      expect(invite?.isActive).toBe(true);
      const days = (invite!.expiresAt!.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThan(7.1);
    }
  });

  it("create-invite refuses a bad --count, naming the one allowed range", async () => {
    for (const count of ["zero", "0", "101", "abc"]) {
      const { context, err } = cliContext(t);
      expect(
        await runCommandLine(["create-invite", "--count", count], customersCommands, context),
      ).toBe(2);
      expect(err.join("\n")).toContain("--count expects a whole number from 1 to 100.");
    }
  });

  it("deactivate-user and activate-user switch an account off and on by email", async () => {
    const email = uniqueEmail("switch");
    const password = strongPassword();
    await t.services.customers.accounts.createVerifiedAccount({ email, password, isStaff: false });
    const off = cliContext(t);
    expect(
      await runCommandLine(
        ["deactivate-user", email.toUpperCase()],
        customersCommands,
        off.context,
      ),
    ).toBe(0);
    expect(off.out).toEqual([`${email} is deactivated.`]);
    expect((await login(email, password)).json()).toMatchObject({ code: "account_inactive" });
    const on = cliContext(t);
    expect(await runCommandLine(["activate-user", email], customersCommands, on.context)).toBe(0);
    expect((await login(email, password)).statusCode).toBe(200);

    const unknown = cliContext(t);
    expect(
      await runCommandLine(
        ["deactivate-user", "nobody@example.com"],
        customersCommands,
        unknown.context,
      ),
    ).toBe(1);
    expect(unknown.err).toEqual(["No user nobody@example.com."]);
    const missing = cliContext(t);
    expect(await runCommandLine(["deactivate-user"], customersCommands, missing.context)).toBe(2);
  });
});

describe("bootstrap-demo over existing demo addresses", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/customers/login", payload: { email, password } });

  async function registerPending(email: string): Promise<string> {
    const invite = await createInvite(t.services.db);
    const password = strongPassword();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/register",
      payload: { email, password, invite_code: invite.code },
    });
    expect(response.statusCode).toBe(202);
    return password;
  }

  it("takes over pending registrations of the demo addresses with new passwords", async () => {
    const registrantPassword = await registerPending(DEMO_ADMIN_EMAIL);
    await registerPending(DEMO_USER_EMAIL);
    const { context, out } = cliContext(t);
    expect(await runCommandLine(["bootstrap-demo", "--json"], customersCommands, context)).toBe(0);
    const facts = JSON.parse(out.join("")) as DemoFacts;
    expect(facts.admin.password).toEqual(expect.any(String));
    expect(facts.user.password).toEqual(expect.any(String));
    // Login succeeding means verified and active.
    const admin = await login(DEMO_ADMIN_EMAIL, facts.admin.password!);
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({ is_staff: true });
    expect((await login(DEMO_USER_EMAIL, facts.user.password!)).statusCode).toBe(200);
    expect((await login(DEMO_ADMIN_EMAIL, registrantPassword)).statusCode).toBe(401);
    const auth = await t.services.auth.authenticateBearer(`Bearer ${facts.token!}`);
    expect(auth?.email).toBe(DEMO_USER_EMAIL);
  });

  it("refuses, naming the account, when admin@example.com is a verified non-staff account", async () => {
    const { user } = await createVerifiedUser(t.services.db, { email: DEMO_ADMIN_EMAIL });
    const { context, out, err } = cliContext(t);
    expect(await runCommandLine(["bootstrap-demo", "--json"], customersCommands, context)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join("\n")).toMatch(/^admin@example\.com already exists but is not staff/);
    const [after] = await t.services.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.isStaff).toBe(false);
    // Nothing was made for the other address either (its password could not be shown).
    expect(
      await t.services.db.select().from(users).where(eq(users.email, DEMO_USER_EMAIL)),
    ).toHaveLength(0);
  });

  it("refuses, naming the account, when demo@example.com is deactivated", async () => {
    await createVerifiedUser(t.services.db, { email: DEMO_USER_EMAIL, isActive: false });
    const { context, err } = cliContext(t);
    expect(await runCommandLine(["bootstrap-demo"], customersCommands, context)).toBe(1);
    expect(err.join("\n")).toMatch(/^demo@example\.com already exists but is deactivated/);
    const [user] = await t.services.db.select().from(users).where(eq(users.email, DEMO_USER_EMAIL));
    expect(user?.isActive).toBe(false);
  });
});
