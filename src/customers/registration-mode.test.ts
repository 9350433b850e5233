import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite, strongPassword } from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { inviteCodes, securityEvents, users } from "../schema.js";

const LINK = /http:\/\/localhost:8000(\/api\/customers\/verify-email\?token=[^\s]+)/;

describe("registration mode", () => {
  const mailer = memoryMailer();
  let open: TestApp;
  let invite: TestApp;
  beforeAll(async () => {
    open = await createTestApp({ mailer, env: { REGISTRATION_MODE: "open" } });
    invite = await createTestApp({ database: open.database });
  });
  afterAll(async () => {
    await invite.close();
    await open.close();
  });

  function register(t: TestApp, body: Record<string, unknown>) {
    return t.app.inject({ method: "POST", url: "/api/customers/register", payload: body });
  }

  async function verify(t: TestApp, email: string) {
    const text = mailer.messages.filter((m) => m.to === email).at(-1)?.text ?? "";
    return t.app.inject({ method: "GET", url: LINK.exec(text)?.[1] ?? "/missing" });
  }

  it("open: registers without an invite code, verifies, and can log in", async () => {
    const email = uniqueEmail("open");
    const password = strongPassword();
    expect((await register(open, { email, password })).statusCode).toBe(202);
    expect((await verify(open, email)).statusCode).toBe(204);
    const [user] = await open.services.db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerifiedAt).not.toBeNull();
    expect(user?.registeredInviteId).toBeNull();
    const events = await open.services.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.userId, user!.id));
    expect(events.map((e) => e.type)).toEqual(["email_verified"]);
    const login = await open.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
  });

  it("open: a given invite code is still checked and claimed", async () => {
    const bad = await register(open, {
      email: uniqueEmail("open"),
      password: strongPassword(),
      invite_code: "no-such-code",
    });
    expectProblem(bad, 400, "invalid_invite");
    const code = await createInvite(open.services.db);
    const email = uniqueEmail("open");
    await register(open, { email, password: strongPassword(), invite_code: code.code });
    expect((await verify(open, email)).statusCode).toBe(204);
    const [used] = await open.services.db
      .select()
      .from(inviteCodes)
      .where(eq(inviteCodes.id, code.id));
    expect(used?.usedBy).not.toBeNull();
  });

  it("open: the validators still apply, and a pending registration cannot be taken over", async () => {
    const weak = await register(open, { email: uniqueEmail("open"), password: "password" });
    expectProblem(weak, 400, "validation_error");
    const email = uniqueEmail("open");
    await register(open, { email, password: strongPassword() });
    const again = await register(open, { email, password: strongPassword() });
    expectProblem(again, 409, "email_exists");
  });

  it("invite (the default): a missing invite code is a required field", async () => {
    const response = await register(invite, {
      email: uniqueEmail("invite"),
      password: strongPassword(),
    });
    const body = expectProblem(response, 400, "validation_error");
    expect(body.errors).toEqual([
      { field: "invite_code", code: "required", message: "This field is required." },
    ]);
    const blank = await register(invite, {
      email: uniqueEmail("invite"),
      password: strongPassword(),
      invite_code: "   ",
    });
    expectProblem(blank, 400, "validation_error");
  });
});
