import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { recordSecurityEvent } from "./security-log.js";

interface EventJson {
  user_id: string;
  type: string;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

describe("the security log", () => {
  let t: TestApp;
  let owner: { id: string; headers: Record<string, string> };
  let other: { id: string; email: string };
  let staffHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const a = (await createVerifiedUser(t.services.db)).user;
    const b = (await createVerifiedUser(t.services.db)).user;
    const staff = (await createVerifiedUser(t.services.db, { isStaff: true })).user;
    owner = { id: a.id, headers: (await signIn(t, a.id)).headers };
    other = { id: b.id, email: b.email };
    staffHeaders = (await signIn(t, staff.id)).headers;
    const client = { ip: "203.0.113.9", userAgent: "curl/8" };
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    await recordSecurityEvent(t.services.db, {
      userId: a.id,
      type: "login_failed",
      client,
      at: at(1),
    });
    await recordSecurityEvent(t.services.db, {
      userId: a.id,
      type: "login_succeeded",
      client,
      at: at(2),
      details: { via: "session" },
    });
    await recordSecurityEvent(t.services.db, { userId: b.id, type: "logout", client, at: at(3) });
  });
  afterAll(async () => t.close());

  it("shows a customer their own events only, newest first", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/customers/security-log",
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ count: number; results: EventJson[] }>();
    expect(body.count).toBe(2);
    expect(body.results.map((e) => e.type)).toEqual(["login_succeeded", "login_failed"]);
    expect(body.results[0]).toMatchObject({
      user_id: owner.id,
      ip: "203.0.113.9",
      user_agent: "curl/8",
      details: { via: "session" },
    });
  });

  it("needs a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/customers/security-log" });
    expectProblem(response, 401, "not_authenticated");
  });

  it("lets staff filter every user's events by user and type", async () => {
    const byUser = await t.app.inject({
      method: "GET",
      url: `/api/admin/security-log?user=${other.id.toUpperCase()}`,
      headers: staffHeaders,
    });
    expect(byUser.json<{ results: EventJson[] }>().results.map((e) => e.type)).toEqual(["logout"]);
    // Staff see whose event it is without looking the id up.
    expect(byUser.json<{ results: { user_email: string }[] }>().results[0]?.user_email).toBe(
      other.email,
    );
    const byType = await t.app.inject({
      method: "GET",
      url: "/api/admin/security-log?type=login_failed",
      headers: staffHeaders,
    });
    expect(byType.json<{ results: EventJson[] }>().results).toHaveLength(1);
    const badType = await t.app.inject({
      method: "GET",
      url: "/api/admin/security-log?type=nonsense",
      headers: staffHeaders,
    });
    expectProblem(badType, 400, "validation_error");
    const customer = await t.app.inject({
      method: "GET",
      url: "/api/admin/security-log",
      headers: owner.headers,
    });
    expectProblem(customer, 403, "permission_denied");
  });

  it("is append-only in the database itself", async () => {
    const refusal = (query: ReturnType<typeof sql>) =>
      t.services.db.execute(query).then(
        () => "accepted",
        (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
      );
    expect(await refusal(sql`UPDATE security_events SET ip = NULL`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM security_events`)).toMatch(/append-only/);
  });
});
