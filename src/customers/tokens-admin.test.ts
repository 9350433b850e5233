import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiToken,
  createVerifiedUser,
  securityEventsOf,
} from "../../test/factories/customers.js";
import { createUser, uniqueEmail, UNUSABLE_PASSWORD_HASH } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn, withoutCsrfHeader, type SignedIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { apiTokens } from "../schema.js";

interface AdminToken {
  id: string;
  owner: { id: string; email: string };
  name: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

describe("staff API tokens: /api/admin/tokens", () => {
  let t: TestApp;
  let staff: SignedIn;
  let staffId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staffId = user.id;
    staff = await signIn(t, user.id);
  });
  afterAll(async () => t.close());

  async function list(query: string): Promise<Page<AdminToken>> {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/tokens?${query}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Page<AdminToken>>();
  }

  /** A call that needs the token: the caller's usage summary. */
  async function callWith(token: string) {
    return t.app.inject({
      method: "GET",
      url: "/api/customers/usage/summary",
      headers: { authorization: `Bearer ${token}` },
    });
  }

  async function auditOf(targetId: string) {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/audit-log?target_id=${targetId}`,
      headers: staff.headers,
    });
    return response.json<Page<{ action: string; actor: unknown; details: unknown }>>().results;
  }

  it("lists every user's tokens with their owner, newest first, never the secret or its hash", async () => {
    const email = uniqueEmail("Owner");
    const { user } = await createVerifiedUser(t.services.db, { email });
    const first = await createApiToken(t, user.id, "first");
    const second = await createApiToken(t, user.id, "second");
    const page = await list(`search=${user.email}`);
    expect(page.count).toBe(2);
    expect(page.results.map((token) => token.id)).toEqual([second.id, first.id]);
    expect(page.results[0]).toEqual({
      id: second.id,
      owner: { id: user.id, email: user.email },
      name: "second",
      token_prefix: second.prefix,
      created_at: second.created.createdAt.toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    const text = JSON.stringify(await list(""));
    expect(text).not.toContain(first.token);
    expect(text).not.toContain("argon2");
  });

  it("searches the prefix (with or without tok_) or the owner's email, in any case", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { id, prefix } = await createApiToken(t, user.id);
    const other = await createVerifiedUser(t.services.db);
    await createApiToken(t, other.user.id);
    const ids = async (search: string) =>
      (await list(`search=${encodeURIComponent(search)}`)).results.map((token) => token.id);
    expect(await ids(prefix)).toEqual([id]);
    expect(await ids(prefix.slice(4).toUpperCase())).toEqual([id]);
    expect(await ids(prefix.slice(0, 9).toUpperCase())).toContain(id);
    expect(await ids(user.email.toUpperCase())).toEqual([id]);
    expect(await ids(user.email.slice(5, 13))).toEqual([id]);
    // LIKE wildcards are taken literally.
    expect(await ids("%")).toEqual([]);
  });

  it("filters by the owner's id, alone or with a search", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const mine = await createApiToken(t, user.id, "mine");
    const other = await createVerifiedUser(t.services.db);
    await createApiToken(t, other.user.id);
    const page = await list(`user=${user.id.toUpperCase()}`);
    expect(page.results.map((token) => token.id)).toEqual([mine.id]);
    expect(page.count).toBe(1);
    expect((await list(`user=${user.id}&search=${mine.prefix}`)).count).toBe(1);
    expect((await list(`user=${other.user.id}&search=${mine.prefix}`)).count).toBe(0);
  });

  it("paginates 25 a page, keeping the search in the links", async () => {
    const owner = await createUser(t.services.db, { email: uniqueEmail("paged") });
    // Rows straight into the table: argon2 for 27 tokens would only slow the test down.
    await t.services.db.insert(apiTokens).values(
      Array.from({ length: 27 }, (_, i) => ({
        userId: owner.id,
        name: `t${String(i)}`,
        tokenPrefix: randomUUID().slice(0, 8),
        tokenHash: UNUSABLE_PASSWORD_HASH,
        createdAt: new Date(Date.UTC(2030, 0, 1, 0, i)),
      })),
    );
    const first = await list(`search=${owner.email}`);
    expect(first.count).toBe(27);
    expect(first.results).toHaveLength(25);
    expect(first.results[0]?.name).toBe("t26");
    expect(first.next).toBe(
      `http://localhost:8000/api/admin/tokens?search=${encodeURIComponent(owner.email)}&page=2`,
    );
    const second = await list(`search=${owner.email}&page=2`);
    expect(second.results.map((token) => token.name)).toEqual(["t1", "t0"]);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/admin/tokens?search=${owner.email}&page=3`,
        headers: staff.headers,
      }),
      404,
      "not_found",
    );
  });

  it("refuses a malformed query with the field named", async () => {
    for (const [query, field] of [
      ["page=0", "page"],
      ["page=x", "page"],
      [`search=${"a".repeat(321)}`, "search"],
    ] as const) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/tokens?${query}`,
        headers: staff.headers,
      });
      const body = expectProblem(response, 400, "validation_error");
      expect(body.errors?.map((error) => error.field)).toEqual([field]);
    }
  });

  it("revokes a token at once, audited and in the owner's security log; a repeat changes nothing", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { id, token, prefix } = await createApiToken(t, user.id);
    // Used first, so a cached verification is what the revocation must drop.
    expect((await callWith(token)).statusCode).toBe(200);
    const revoke = () =>
      t.app.inject({ method: "DELETE", url: `/api/admin/tokens/${id}`, headers: staff.headers });
    const response = await revoke();
    expect(response.statusCode).toBe(204);
    expectProblem(await callWith(token), 401, "invalid_token");

    const [listed] = (await list(`search=${prefix}`)).results;
    expect(listed?.revoked_at).toEqual(expect.any(String));
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({
        action: "api_token.revoke",
        actor: { id: staffId, email: expect.any(String) as unknown },
        details: { user_id: user.id, token_prefix: prefix },
      }),
    ]);
    const events = await securityEventsOf(t.services.db, user.id, "token_revoked");
    expect(events.map((event) => event.details)).toEqual([{ token_id: id, by: "staff" }]);

    // Idempotent as the owner's own revoke: 204 again, the first time kept, no second entry.
    expect((await revoke()).statusCode).toBe(204);
    expect((await list(`search=${prefix}`)).results[0]?.revoked_at).toBe(listed?.revoked_at);
    expect(await auditOf(id)).toHaveLength(1);
    expect(await securityEventsOf(t.services.db, user.id, "token_revoked")).toHaveLength(1);
  });

  it("answers 404 for an unknown token and 400 for a malformed id", async () => {
    expectProblem(
      await t.app.inject({
        method: "DELETE",
        url: `/api/admin/tokens/${randomUUID()}`,
        headers: staff.headers,
      }),
      404,
      "not_found",
    );
    const malformed = expectProblem(
      await t.app.inject({
        method: "DELETE",
        url: "/api/admin/tokens/not-a-uuid",
        headers: staff.headers,
      }),
      400,
      "validation_error",
    );
    expect(malformed.errors?.[0]?.field).toBe("id");
  });

  it("is for staff only: a user cannot list tokens or revoke another user's", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { id, token } = await createApiToken(t, user.id);
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/tokens" });
    await expectStaffOnly(t, { method: "DELETE", url: `/api/admin/tokens/${id}` });
    // Not even the owner may use the staff route; their own is /api/customers/tokens/{id}.
    const owner = await signIn(t, user.id);
    expectProblem(
      await t.app.inject({
        method: "DELETE",
        url: `/api/admin/tokens/${id}`,
        headers: owner.headers,
      }),
      403,
      "permission_denied",
    );
    expect((await callWith(token)).statusCode).toBe(200);
    expect(await auditOf(id)).toEqual([]);
  });

  it("needs the CSRF header to revoke with a session", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { id, token } = await createApiToken(t, user.id);
    expectProblem(
      await t.app.inject({
        method: "DELETE",
        url: `/api/admin/tokens/${id}`,
        headers: withoutCsrfHeader(staff),
      }),
      403,
      "csrf_failed",
    );
    expect((await callWith(token)).statusCode).toBe(200);
  });
});
