import { randomUUID } from "node:crypto";
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
import { expectProblem } from "../../test/support/problems.js";
import { signIn, withoutCsrfHeader, type SignedIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";

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

  describe("listing and withdrawing", () => {
    interface AdminInvite {
      id: string;
      code: string;
      status: string;
      expires_at: string | null;
      used_at: string | null;
      used_by: { id: string; email: string } | null;
      withdrawn_at: string | null;
    }
    interface Page {
      count: number;
      next: string | null;
      results: AdminInvite[];
    }
    let staff: SignedIn;
    let staffId: string;
    beforeAll(async () => {
      const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
      staffId = user.id;
      staff = await signIn(t, user.id);
    });

    async function list(query: string): Promise<Page> {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/invites?${query}`,
        headers: staff.headers,
      });
      expect(response.statusCode).toBe(200);
      return response.json<Page>();
    }
    async function listAll(status: string): Promise<AdminInvite[]> {
      const all: AdminInvite[] = [];
      for (let page = 1; ; page += 1) {
        const { results, next } = await list(`status=${status}&page=${String(page)}`);
        all.push(...results);
        if (next === null) return all;
      }
    }
    const withdraw = (id: string, headers = staff.headers) =>
      t.app.inject({ method: "POST", url: `/api/admin/invites/${id}/withdraw`, headers });
    const register = (code: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/customers/register",
        payload: { email: uniqueEmail(), password: strongPassword(), invite_code: code },
      });
    async function auditOf(id: string) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/audit-log?target_id=${id}`,
        headers: staff.headers,
      });
      return response.json<{ results: { action: string; actor: unknown; details: unknown }[] }>()
        .results;
    }

    it("lists invites newest first, each with its status, and filters by status", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      // Distinct creation times: invites made within one clock tick would tie on created_at.
      const at = (second: number) => new Date(Date.UTC(2031, 0, 1, 0, 0, second));
      const expired = await createInvite(t.services.db, {
        expiresAt: new Date("2020-01-01Z"),
        createdAt: at(1),
      });
      const used = await createInvite(t.services.db, {
        usedAt: new Date("2030-01-01Z"),
        usedBy: user.id,
        isActive: false,
        createdAt: at(2),
      });
      const unused = await createInvite(t.services.db, { createdAt: at(3) });
      const withdrawn = await createInvite(t.services.db, { createdAt: at(4) });
      expect((await withdraw(withdrawn.id)).statusCode).toBe(200);

      const newest = (await list("")).results.slice(0, 4);
      expect(newest.map((invite) => [invite.id, invite.status])).toEqual([
        [withdrawn.id, "withdrawn"],
        [unused.id, "unused"],
        [used.id, "used"],
        [expired.id, "expired"],
      ]);
      expect(newest[2]).toMatchObject({
        code: used.code,
        used_at: "2030-01-01T00:00:00.000Z",
        used_by: { id: user.id, email: user.email },
        withdrawn_at: null,
      });
      for (const [status, invite] of [
        ["unused", unused],
        ["used", used],
        ["expired", expired],
        ["withdrawn", withdrawn],
      ] as const) {
        const listed = await listAll(status);
        expect(listed.map((i) => i.id)).toContain(invite.id);
        expect(new Set(listed.map((i) => i.status))).toEqual(new Set([status]));
      }
    });

    it("paginates 25 a page, keeping the filter in the links", async () => {
      const created = await t.app.inject({
        method: "POST",
        url: "/api/admin/invites",
        headers: staff.headers,
        payload: { count: 26 },
      });
      expect(created.statusCode).toBe(201);
      const first = await list("status=unused");
      expect(first.count).toBeGreaterThanOrEqual(26);
      expect(first.results).toHaveLength(25);
      expect(first.next).toBe("http://localhost:8000/api/admin/invites?status=unused&page=2");
      expect((await list("status=unused&page=2")).results.length).toBeGreaterThan(0);
    });

    it("refuses an unknown status or a bad page with the field named", async () => {
      for (const [query, field] of [
        ["status=active", "status"],
        ["page=0", "page"],
      ] as const) {
        const response = await t.app.inject({
          method: "GET",
          url: `/api/admin/invites?${query}`,
          headers: staff.headers,
        });
        const body = expectProblem(response, 400, "validation_error");
        expect(body.errors?.map((error) => error.field)).toEqual([field]);
      }
    });

    it("withdraws an invite, audited: registering with it is refused as an invalid invite", async () => {
      const invite = await createInvite(t.services.db);
      const response = await withdraw(invite.id.toUpperCase());
      expect(response.statusCode).toBe(200);
      const body = response.json<AdminInvite>();
      expect(body).toMatchObject({ id: invite.id, status: "withdrawn", used_by: null });
      expect(body.withdrawn_at).toEqual(expect.any(String));
      expectProblem(await register(invite.code), 400, "invalid_invite");
      expect(await auditOf(invite.id)).toEqual([
        expect.objectContaining({
          action: "invite.withdraw",
          actor: expect.objectContaining({ id: staffId }) as unknown,
          details: { expires_at: null },
        }),
      ]);
      // Idempotent: answered as it is, the first time kept, no second entry.
      const again = await withdraw(invite.id);
      expect(again.statusCode).toBe(200);
      expect(again.json<AdminInvite>().withdrawn_at).toBe(body.withdrawn_at);
      expect(await auditOf(invite.id)).toHaveLength(1);
    });

    it("refuses at verification a registration made with an invite withdrawn since", async () => {
      const invite = await createInvite(t.services.db);
      expect((await register(invite.code)).statusCode).toBe(202);
      const messages = (t.services.mailer as ReturnType<typeof memoryMailer>).messages;
      const link = /\/api\/customers\/verify-email\?token=\S+/.exec(messages.at(-1)?.text ?? "");
      expect((await withdraw(invite.id)).statusCode).toBe(200);
      expectProblem(
        await t.app.inject({ method: "GET", url: link?.[0] ?? "" }),
        400,
        "invalid_invite",
      );
    });

    it("refuses to withdraw a used invite (409 invite_used) and an unknown one (404)", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const used = await createInvite(t.services.db, {
        usedAt: new Date(),
        usedBy: user.id,
        isActive: false,
      });
      expectProblem(await withdraw(used.id), 409, "invite_used");
      expect(await auditOf(used.id)).toEqual([]);
      expectProblem(await withdraw(randomUUID()), 404, "not_found");
      const malformed = expectProblem(await withdraw("nope"), 400, "validation_error");
      expect(malformed.errors?.[0]?.field).toBe("id");
    });

    it("is for staff only, and withdrawing needs the CSRF header", async () => {
      const invite = await createInvite(t.services.db);
      await expectStaffOnly(t, { method: "GET", url: "/api/admin/invites" });
      await expectStaffOnly(t, { method: "POST", url: `/api/admin/invites/${invite.id}/withdraw` });
      expectProblem(await withdraw(invite.id, withoutCsrfHeader(staff)), 403, "csrf_failed");
      expect((await list("status=unused")).results.map((i) => i.id)).toContain(invite.id);
      expect(await auditOf(invite.id)).toEqual([]);
    });
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
