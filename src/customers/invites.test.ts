import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteCodes, users } from "../schema.js";
import {
  createInvite,
  createVerifiedUser,
  strongPassword,
} from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { createTestDatabase, onServerPostgres, SERVER_ONLY } from "../../test/support/database.js";
import { signIn } from "../../test/support/sessions.js";

describe("admin invites", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("staff create several invite codes with an expiry (201)", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const { headers } = await signIn(t, user.id);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/invites",
      headers,
      payload: { count: 3, expires_at: expiresAt },
    });
    expect(response.statusCode).toBe(201);
    const { invites } = response.json<{ invites: { code: string; expires_at: string }[] }>();
    expect(invites).toHaveLength(3);
    expect(new Set(invites.map((i) => i.code)).size).toBe(3);
    expect(invites[0]!.expires_at).toBe(expiresAt);
  });

  it("creates one non-expiring invite by default", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const { headers } = await signIn(t, user.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/invites",
      headers,
      payload: {},
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ invites: { expires_at: null }[] }>().invites).toEqual([
      expect.objectContaining({ expires_at: null }),
    ]);
  });

  it("refuses an expiry in the past and a count over 100 with 400 validation_error", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const { headers } = await signIn(t, user.id);
    for (const payload of [
      { expires_at: "2000-01-01T00:00:00Z" },
      { expires_at: "9999-12-31T23:59:59-23:59" },
      { count: 101 },
      { count: 0 },
      { expires_at: "2031-01-01T23:59:60Z" },
    ]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/admin/invites",
        headers,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("validation_error");
    }
  });

  it("creates one invite that never expires when there is no body, and names the bad field", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const { headers } = await signIn(t, user.id);
    const response = await t.app.inject({ method: "POST", url: "/api/admin/invites", headers });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ invites: [{ expires_at: null }] });
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/admin/invites",
      headers,
      payload: { count: "many" },
    });
    expect(bad.json()).toMatchObject({
      code: "validation_error",
      errors: [{ field: "count", code: "invalid_type" }],
    });
  });

  it("non-staff get 403 permission_denied and anonymous callers 401", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/admin/invites", headers, payload: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/admin/invites", payload: {} })).statusCode,
    ).toBe(401);
  });
});

describe.runIf(onServerPostgres)(
  `one-time invites under concurrency (SERVER_ONLY: ${SERVER_ONLY})`,
  () => {
    it("of accounts racing to verify with one invite on parallel connections, exactly one wins", async () => {
      const database = await createTestDatabase({ poolSize: 20 });
      const mailer = memoryMailer();
      const t = await createTestApp({ database, mailer });
      try {
        const invite = await createInvite(t.services.db);
        const emails = Array.from({ length: 8 }, () => uniqueEmail("racer"));
        for (const email of emails) {
          const response = await t.app.inject({
            method: "POST",
            url: "/api/customers/register",
            payload: { email, password: strongPassword(), invite_code: invite.code },
          });
          expect(response.statusCode).toBe(202);
        }
        const links = mailer.messages.map(
          (m) => /\/api\/customers\/verify-email\?token=\S+/.exec(m.text)![0],
        );
        const results = await Promise.all(links.map((url) => t.app.inject({ method: "GET", url })));
        const statuses = results.map((r) => r.statusCode).sort();
        expect(statuses.filter((s) => s === 204)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(emails.length - 1);
        const verified = await t.services.db.select().from(users);
        expect(verified.filter((u) => u.emailVerifiedAt !== null)).toHaveLength(1);
        const [used] = await t.services.db
          .select()
          .from(inviteCodes)
          .where(eq(inviteCodes.id, invite.id));
        expect(used?.usedBy).toBe(verified.find((u) => u.emailVerifiedAt !== null)?.id);
      } finally {
        await t.close();
        await database.close();
      }
    });
  },
);
