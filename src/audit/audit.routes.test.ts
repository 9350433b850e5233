import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createBillingPeriod } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";

interface Entry {
  actor: { id: string; email: string } | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  request_id: string | null;
}

describe("the audit log", () => {
  let t: TestApp;
  let staff: { id: string; email: string };
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = { id: user.id, email: user.email };
    headers = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => t.close());

  async function entries(query: string): Promise<Entry[]> {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/audit-log?${query}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ results: Entry[] }>().results;
  }

  it("records each staff action with its actor and request id, in the same transaction", async () => {
    const invite = await t.app.inject({
      method: "POST",
      url: "/api/admin/invites",
      headers,
      payload: { count: 2 },
    });
    expect(invite.statusCode).toBe(201);
    const created = await entries("action=invite.create");
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({
      actor: staff,
      target_type: "invite",
      request_id: invite.headers["x-request-id"],
    });
    // The code is a credential: the entry names the invite, never its code.
    const codes = invite.json<{ invites: { code: string }[] }>().invites.map((i) => i.code);
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(JSON.stringify(created)).not.toContain(code);

    const { user } = await createVerifiedUser(t.services.db);
    const deactivated = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${user.id}`,
      headers,
      payload: { is_active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    expect(await entries(`action=user.update&target_id=${user.id}`)).toEqual([
      expect.objectContaining({
        actor: staff,
        target_type: "user",
        details: { email: user.email, is_active: { from: true, to: false } },
      }),
    ]);

    const period = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-02",
      totalRequests: 3,
      totalCostCents: 300,
    });
    const paid = await t.app.inject({
      method: "POST",
      url: `/api/admin/billing/periods/${period.id}/mark-paid`,
      headers,
      payload: { reference: "INV-7" },
    });
    expect(paid.statusCode).toBe(200);
    expect(await entries(`target_id=${period.id}`)).toEqual([
      expect.objectContaining({
        action: "billing_period.mark_paid",
        target_type: "billing_period",
        details: expect.objectContaining({
          payment_status: "paid",
          paid_amount_cents: 300,
          reference: "INV-7",
        }) as unknown,
      }),
    ]);

    const settings = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers,
      payload: { openai_model: "gpt-audited" },
    });
    expect(settings.statusCode).toBe(200);
    expect((await entries("action=settings.update"))[0]).toMatchObject({
      details: { openai_model: { from: "gpt-4o-mini", to: "gpt-audited" } },
    });
    expect((await entries(`actor=${staff.id}`)).length).toBeGreaterThanOrEqual(5);
  });

  it("writes nothing when the action is refused", async () => {
    const period = await createBillingPeriod(t.services.db, {
      userId: staff.id,
      month: "2025-03",
      paymentStatus: "waived",
    });
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/admin/billing/periods/${period.id}/mark-paid`,
      headers,
    });
    expectProblem(refused, 409, "invalid_transition");
    expect(await entries(`target_id=${period.id}`)).toEqual([]);
  });

  it("cannot be changed or deleted, through the API or the database", async () => {
    for (const method of ["PATCH", "DELETE", "PUT", "POST"] as const) {
      const response = await t.app.inject({ method, url: "/api/admin/audit-log", headers });
      expect(response.statusCode).toBe(405);
    }
    await expect(t.services.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.services.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it("is for staff only", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/admin/audit-log",
        headers: (await signIn(t, user.id)).headers,
      }),
      403,
      "permission_denied",
    );
  });
});
