import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalOf } from "../platform/auth.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { createTestDatabase, onServerPostgres, SERVER_ONLY } from "../../test/support/database.js";
import { signIn } from "../../test/support/sessions.js";
import { expectProblem } from "../../test/support/problems.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";

const bearerRoute = (app: TestApp["app"]) => {
  app.get("/api/test/whoami", { config: { access: "bearer" } }, async (request) =>
    principalOf(request),
  );
};

const whoami = (t: TestApp, token: string) =>
  t.app.inject({
    method: "GET",
    url: "/api/test/whoami",
    headers: { authorization: `Bearer ${token}` },
  });

async function staffHeaders(t: TestApp) {
  const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
  return { staff: user, headers: (await signIn(t, user.id)).headers };
}

const patchUser = (t: TestApp, headers: Record<string, string>, id: string, payload: object) =>
  t.app.inject({ method: "PATCH", url: `/api/admin/users/${id}`, headers, payload });

describe("staff: users", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ routes: bearerRoute });
  });
  afterAll(async () => t.close());

  it("lists users newest first, filtered by part of the email and by is_active", async () => {
    const { headers } = await staffHeaders(t);
    const marker = `needle${String(Date.now())}`;
    const { user: active } = await createVerifiedUser(t.services.db, {
      email: uniqueEmail(`${marker}-a`),
    });
    const { user: inactive } = await createVerifiedUser(t.services.db, {
      email: uniqueEmail(`${marker}-b`),
      isActive: false,
    });
    const all = await t.app.inject({
      method: "GET",
      url: `/api/admin/users?email=${marker.toUpperCase()}`,
      headers,
    });
    expect(all.statusCode).toBe(200);
    const page = all.json<{ count: number; results: { id: string; is_active: boolean }[] }>();
    expect(page.count).toBe(2);
    // Newest first: the inactive user joined last.
    expect(page.results.map((u) => u.id)).toEqual([inactive.id, active.id]);
    expect(Object.keys(page.results[0] ?? {}).sort()).toEqual(
      [
        "date_joined",
        "email",
        "email_verified_at",
        "id",
        "is_active",
        "is_staff",
        "locked_until",
      ].sort(),
    );
    const onlyInactive = await t.app.inject({
      method: "GET",
      url: `/api/admin/users?email=${marker}&is_active=false`,
      headers,
    });
    expect(onlyInactive.json()).toMatchObject({ count: 1, results: [{ id: inactive.id }] });
  });

  it("deactivation ends sessions and stops cached API tokens at once; reactivation restores tokens", async () => {
    const { headers } = await staffHeaders(t);
    const { user, password } = await createVerifiedUser(t.services.db);
    const { token } = await createApiToken(t, user.id);
    const session = await signIn(t, user.id);
    expect((await whoami(t, token)).statusCode).toBe(200);

    const response = await patchUser(t, headers, user.id, { is_active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, is_active: false, is_staff: false });

    expectProblem(await whoami(t, token), 401, "invalid_token");
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens",
        headers: session.headers,
      }),
      401,
      "not_authenticated",
    );
    const login = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email: user.email, password },
    });
    expectProblem(login, 403, "account_inactive");

    expect((await patchUser(t, headers, user.id, { is_active: true })).statusCode).toBe(200);
    expect((await whoami(t, token)).statusCode).toBe(200);
    // The sessions that were ended stay ended.
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers: session.headers }),
      401,
      "not_authenticated",
    );
  });

  it("grants and removes staff", async () => {
    const { headers } = await staffHeaders(t);
    const { user } = await createVerifiedUser(t.services.db);
    expect((await patchUser(t, headers, user.id, { is_staff: true })).json()).toMatchObject({
      is_staff: true,
    });
    const promoted = await signIn(t, user.id);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/admin/users", headers: promoted.headers }))
        .statusCode,
    ).toBe(200);
    await patchUser(t, headers, user.id, { is_staff: false });
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/admin/users", headers: promoted.headers }),
      403,
      "permission_denied",
    );
  });

  it("refuses to let staff lock themselves out, empty changes, unknown and malformed ids", async () => {
    const { staff, headers } = await staffHeaders(t);
    for (const [payload, field, id] of [
      [{ is_active: false }, "is_active", staff.id],
      [{ is_staff: false }, "is_staff", staff.id],
      // The same id in capitals is the same user to Postgres.
      [{ is_active: false }, "is_active", staff.id.toUpperCase()],
    ] as const) {
      const body = expectProblem(await patchUser(t, headers, id, payload), 400, "validation_error");
      expect(body.errors).toEqual([expect.objectContaining({ field, code: "own_account" })]);
    }
    expectProblem(await patchUser(t, headers, staff.id, {}), 400, "validation_error");
    expect(
      expectProblem(
        await patchUser(t, headers, staff.id, { is_active: "no" }),
        400,
        "validation_error",
      ).errors,
    ).toEqual([expect.objectContaining({ field: "is_active", code: "invalid_type" })]);
    expectProblem(
      await patchUser(t, headers, "00000000-0000-4000-8000-000000000000", { is_active: false }),
      404,
      "not_found",
    );
    expectProblem(
      await patchUser(t, headers, "nope", { is_active: false }),
      400,
      "validation_error",
    );
  });

  it("shows one user by id (any case); 404 unknown, 400 malformed", async () => {
    const { headers } = await staffHeaders(t);
    const { user } = await createVerifiedUser(t.services.db);
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/users/${user.id.toUpperCase()}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: user.id,
      email: user.email,
      is_active: true,
      is_staff: false,
      email_verified_at: user.emailVerifiedAt?.toISOString(),
      date_joined: user.dateJoined.toISOString(),
      locked_until: null,
    });
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: "/api/admin/users/00000000-0000-4000-8000-000000000000",
        headers,
      }),
      404,
      "not_found",
    );
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/admin/users/nope", headers }),
      400,
      "validation_error",
    );
    await expectStaffOnly(t, { method: "GET", url: `/api/admin/users/${user.id}` });
  });

  it("is staff only: 403 for customers, 401 without a session", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/admin/users", headers }),
      403,
      "permission_denied",
    );
    expectProblem(
      await patchUser(t, headers, user.id, { is_staff: true }),
      403,
      "permission_denied",
    );
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/admin/users" }),
      401,
      "not_authenticated",
    );
  });
});

describe.runIf(onServerPostgres)(`deactivation across instances (${SERVER_ONLY})`, () => {
  it("a user deactivated on one instance is refused by another that had the token cached", async () => {
    const database = await createTestDatabase();
    const a = await createTestApp({ database, routes: bearerRoute });
    const b = await createTestApp({ database, routes: bearerRoute });
    try {
      const { headers } = await staffHeaders(a);
      const { user } = await createVerifiedUser(a.services.db);
      const { token } = await createApiToken(a, user.id);
      expect((await whoami(b, token)).statusCode).toBe(200);
      expect(b.services.customers.tokens.stats().cachedTokens).toBe(1);
      expect((await patchUser(a, headers, user.id, { is_active: false })).statusCode).toBe(200);
      const deadline = Date.now() + 1000;
      while (b.services.customers.tokens.stats().cachedTokens > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expectProblem(await whoami(b, token), 401, "invalid_token");
    } finally {
      await a.close();
      await b.close();
      await database.close();
    }
  });
});
