import { and, eq, isNull } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { samplePng } from "../../core/sample-images.js";
import { principalOf } from "../../platform/auth.js";
import { fixedClock } from "../../platform/clock.js";
import { jwtRefreshTokens, requestLogs, securityEvents, users } from "../../schema.js";
import {
  createApiToken,
  createInvite,
  createVerifiedUser,
} from "../../../test/factories/customers.js";
import { memoryMailer, createTestApp, type TestApp } from "../../../test/support/app.js";
import {
  createTestDatabase,
  onServerPostgres,
  SERVER_ONLY,
} from "../../../test/support/database.js";
import { startFakeOpenAi, type FakeOpenAi } from "../../../test/support/fake-openai.js";
import { expectProblem } from "../../../test/support/problems.js";
import { signIn } from "../../../test/support/sessions.js";
import { LOGIN_MAX_FAILURES } from "../auth-throttle.service.js";
import { sha256Hex } from "../secrets.js";
import { signAccessToken } from "./access-tokens.js";

const START = "2030-03-01T08:00:00Z";

interface Pair {
  access: string;
  refresh: string;
}

describe("JWT authentication (/api/v1/auth)", () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  const clock = fixedClock(START);
  const mailer = memoryMailer();

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await createTestApp({
      clock,
      mailer,
      env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseUrl },
      routes: (app) => {
        app.get("/api/test/whoami", { config: { access: "bearer" } }, async (request) =>
          principalOf(request),
        );
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  beforeEach(() => {
    clock.set(START);
    fake.reply({ kind: "ok" });
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url, payload: payload as object, headers });
  const login = (email: string, password: string) =>
    post("/api/v1/auth/login/", { email, password });
  const refresh = (token: string) => post("/api/v1/auth/token/refresh/", { refresh: token });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function loggedIn(options: { isStaff?: boolean } = {}) {
    const { user, password } = await createVerifiedUser(t.services.db, options);
    const response = await login(user.email, password);
    expect(response.statusCode).toBe(200);
    return { user, password, ...response.json<Pair>() };
  }

  async function eventsOf(userId: string) {
    return t.services.db.select().from(securityEvents).where(eq(securityEvents.userId, userId));
  }

  describe("login", () => {
    it("answers an HS256 access token, an opaque refresh token and the user", async () => {
      const { user, password } = await createVerifiedUser(t.services.db, { isStaff: true });
      const response = await login(user.email.toUpperCase(), password);
      expect(response.statusCode).toBe(200);
      const body = response.json<Pair & { user: unknown }>();
      expect(body.user).toEqual({
        id: user.id,
        email: user.email,
        full_name: "",
        is_staff: true,
      });
      expect(body.refresh).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
      expect(decodeProtectedHeader(body.access)).toEqual({ alg: "HS256", typ: "JWT" });
      const claims = decodeJwt(body.access);
      const issuedAt = Date.parse(START) / 1000;
      expect(claims).toEqual({
        sub: user.id,
        iss: t.config.jwt.issuer,
        aud: t.config.jwt.audience,
        iat: issuedAt,
        exp: issuedAt + 15 * 60,
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
        token_use: "access",
      });
      const [row] = await t.services.db
        .select()
        .from(jwtRefreshTokens)
        .where(eq(jwtRefreshTokens.userId, user.id));
      expect(row?.tokenHash).toBe(sha256Hex(body.refresh));
      expect(row?.expiresAt.toISOString()).toBe("2030-03-08T08:00:00.000Z");
      const events = await eventsOf(user.id);
      expect(events.map((e) => [e.type, e.details])).toEqual([["login_succeeded", { via: "jwt" }]]);
    });

    it("refuses a wrong password (401), an unverified (403) or a deactivated account (403)", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      expectProblem(await login(user.email, `${password}x`), 401, "invalid_credentials");
      await t.services.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
      expectProblem(await login(user.email, password), 403, "email_not_verified");
      const inactive = await createVerifiedUser(t.services.db, { isActive: false });
      expectProblem(await login(inactive.user.email, inactive.password), 403, "account_inactive");
      const rows = await t.services.db
        .select()
        .from(jwtRefreshTokens)
        .where(eq(jwtRefreshTokens.userId, user.id));
      expect(rows).toEqual([]);
    });

    it("shares the session login's throttle: failures here also hold back a session login", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      // An address of its own: the per-IP limit must not hold back the other tests.
      const from = (url: string, body: object) =>
        t.app.inject({ method: "POST", url, payload: body, remoteAddress: "203.0.113.7" });
      for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) {
        const wrong = { email: user.email, password: `${password}x` };
        expectProblem(await from("/api/v1/auth/login", wrong), 401, "invalid_credentials");
      }
      const right = { email: user.email, password };
      expectProblem(await from("/api/v1/auth/login", right), 429, "too_many_attempts");
      expectProblem(await from("/api/customers/login", right), 429, "too_many_attempts");
    });

    it("honours the lockout: a locked account is refused even with the right password", async () => {
      const { user, password } = await createVerifiedUser(t.services.db);
      await t.services.db
        .update(users)
        .set({ lockedUntil: new Date(clock.now().getTime() + 10 * 60_000) })
        .where(eq(users.id, user.id));
      const refused = await login(user.email, password);
      expectProblem(refused, 403, "account_locked");
      expect(refused.headers["retry-after"]).toBe(String(10 * 60));
    });

    it("refuses a malformed body with validation_error", async () => {
      expectProblem(await post("/api/v1/auth/login/", { email: "nope" }), 400, "validation_error");
    });
  });

  describe("access tokens", () => {
    it("are taken by session routes without CSRF, and by session_or_bearer and bearer routes", async () => {
      const me = await loggedIn();
      const balance = await t.app.inject({
        method: "GET",
        url: "/api/credits/balance",
        headers: bearer(me.access),
      });
      expect(balance.statusCode).toBe(200);
      const list = await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens",
        headers: bearer(me.access),
      });
      expect(list.statusCode).toBe(200);
      const created = await post("/api/customers/tokens", { name: "from jwt" }, bearer(me.access));
      expect(created.statusCode).toBe(201);
      const solved = await t.app.inject({
        method: "POST",
        url: "/api/core/solve",
        headers: { ...bearer(me.access), "content-type": "application/octet-stream" },
        payload: samplePng(2, 2),
      });
      expect(solved.statusCode).toBe(200);
      const ran = await post(
        "/api/services/demo_free_service/run",
        { input: { message: "hello" } },
        bearer(me.access),
      );
      expect(ran.statusCode).toBe(200);
      const logs = await t.services.db
        .select()
        .from(requestLogs)
        .where(eq(requestLogs.userId, me.user.id));
      // Metered as the user's, with no API token.
      expect(logs.map((log) => log.tokenId)).toEqual([null, null]);
    });

    it("make a jwt principal with the user's current email and staff flag", async () => {
      const me = await loggedIn();
      const response = await t.app.inject({
        method: "GET",
        url: "/api/test/whoami",
        headers: bearer(me.access),
      });
      expect(response.json()).toEqual({
        userId: me.user.id,
        email: me.user.email,
        isStaff: false,
        via: "jwt",
      });
    });

    it("open staff routes to staff only", async () => {
      const customer = await loggedIn();
      const staff = await loggedIn({ isStaff: true });
      const get = (token: string) =>
        t.app.inject({ method: "GET", url: "/api/admin/users", headers: bearer(token) });
      expectProblem(await get(customer.access), 403, "permission_denied");
      expect((await get(staff.access)).statusCode).toBe(200);
    });

    it("lose staff routes as soon as staff status is removed", async () => {
      const target = await loggedIn({ isStaff: true });
      const admin = await createVerifiedUser(t.services.db, { isStaff: true });
      const get = () =>
        t.app.inject({ method: "GET", url: "/api/admin/users", headers: bearer(target.access) });
      expect((await get()).statusCode).toBe(200);
      const patched = await t.app.inject({
        method: "PATCH",
        url: `/api/admin/users/${target.user.id}`,
        headers: (await signIn(t, admin.user.id)).headers,
        payload: { is_staff: false },
      });
      expect(patched.statusCode).toBe(200);
      expectProblem(await get(), 403, "permission_denied");
    });

    it("leave session routes' handling of API tokens as it was: ignored, the cookie decides", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token } = await createApiToken(t, user.id);
      const session = await signIn(t, user.id);
      const get = (headers: Record<string, string>) =>
        t.app.inject({ method: "GET", url: "/api/customers/tokens", headers });
      expect((await get({ ...session.headers, ...bearer(token) })).statusCode).toBe(200);
      expectProblem(await get(bearer(token)), 401, "not_authenticated");
    });

    it("are judged alone when sent beside a session cookie", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const session = await signIn(t, user.id);
      const response = await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens",
        headers: { ...session.headers, authorization: "Bearer a.b.c" },
      });
      expectProblem(response, 401, "invalid_token");
      expect(response.headers["www-authenticate"]).toBe('Bearer realm="tollgate"');
    });

    it("refuse a wrong signature, audience or issuer, a refresh token, an API token on session routes and a non-access JWT", async () => {
      const me = await loggedIn();
      const now = clock.now();
      const forged = [
        await signAccessToken({ ...t.config.jwt, secretKey: "k".repeat(40) }, me.user.id, now),
        await signAccessToken({ ...t.config.jwt, audience: "someone-else" }, me.user.id, now),
        await signAccessToken({ ...t.config.jwt, issuer: "https://evil.example" }, me.user.id, now),
        // Signed with the right key, but without token_use "access".
        await new SignJWT({})
          .setProtectedHeader({ alg: "HS256" })
          .setSubject(me.user.id)
          .setIssuer(t.config.jwt.issuer)
          .setAudience(t.config.jwt.audience)
          .setIssuedAt(now)
          .setExpirationTime(new Date(now.getTime() + 60_000))
          .setJti("x")
          .sign(new TextEncoder().encode(t.config.jwt.secretKey)),
        me.refresh,
        "not-a-token",
      ];
      for (const [i, token] of forged.entries()) {
        for (const url of ["/api/customers/tokens", "/api/credits/balance"]) {
          const response = await t.app.inject({ method: "GET", url, headers: bearer(token) });
          expect(response.statusCode, `token ${String(i)} on ${url}`).toBe(401);
          expectProblem(response, 401, "invalid_token");
        }
      }
      const solve = await t.app.inject({
        method: "POST",
        url: "/api/core/solve",
        headers: { ...bearer(me.refresh), "content-type": "application/octet-stream" },
        payload: samplePng(2, 2),
      });
      expectProblem(solve, 401, "invalid_token");
    });

    it("expire after 15 minutes", async () => {
      const me = await loggedIn();
      const get = () =>
        t.app.inject({ method: "GET", url: "/api/credits/balance", headers: bearer(me.access) });
      clock.set("2030-03-01T08:14:59Z");
      expect((await get()).statusCode).toBe(200);
      clock.set("2030-03-01T08:15:00Z");
      expectProblem(await get(), 401, "invalid_token");
    });
  });

  describe("refresh", () => {
    it("rotates: a new pair in the same family, the old refresh token spent", async () => {
      const me = await loggedIn();
      clock.set("2030-03-01T08:10:00Z");
      const response = await refresh(me.refresh);
      expect(response.statusCode).toBe(200);
      const next = response.json<Pair>();
      expect(Object.keys(next).sort()).toEqual(["access", "refresh"]);
      expect(next.refresh).not.toBe(me.refresh);
      expect(decodeJwt(next.access).iat).toBe(Date.parse("2030-03-01T08:10:00Z") / 1000);
      const rows = await t.services.db
        .select()
        .from(jwtRefreshTokens)
        .where(eq(jwtRefreshTokens.userId, me.user.id));
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
      const old = rows.find((r) => r.tokenHash === sha256Hex(me.refresh));
      expect(old?.rotatedAt?.toISOString()).toBe("2030-03-01T08:10:00.000Z");
      // The new access token works; the chain goes on.
      expect((await refresh(next.refresh)).statusCode).toBe(200);
    });

    it("revokes the whole family when a spent token comes back, and logs it", async () => {
      const me = await loggedIn();
      const second = (await refresh(me.refresh)).json<Pair>();
      const third = (await refresh(second.refresh)).json<Pair>();
      expectProblem(await refresh(me.refresh), 401, "token_reused");
      // The newest token of the family stops working too.
      expectProblem(await refresh(third.refresh), 401, "invalid_token");
      const rows = await t.services.db
        .select()
        .from(jwtRefreshTokens)
        .where(eq(jwtRefreshTokens.userId, me.user.id));
      expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
      const reuse = (await eventsOf(me.user.id)).filter(
        (e) => e.type === "jwt_refresh_reuse_detected",
      );
      expect(reuse).toHaveLength(1);
      expect(reuse[0]?.details).toMatchObject({ via: "jwt", family_id: rows[0]?.familyId });
      // Another login is another family, untouched.
      const again = await login(me.user.email, me.password);
      expect((await refresh(again.json<Pair>().refresh)).statusCode).toBe(200);
    });

    it("lets only one of two parallel refreshes with one token succeed", async () => {
      const me = await loggedIn();
      const answers = await Promise.all([refresh(me.refresh), refresh(me.refresh)]);
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([200, 401]);
      const refused = answers.find((a) => a.statusCode === 401)!;
      expectProblem(refused, 401, "token_reused");
    });

    it("refuses an expired, unknown or malformed refresh token with invalid_token", async () => {
      const me = await loggedIn();
      clock.set("2030-03-08T08:00:00Z");
      expectProblem(await refresh(me.refresh), 401, "invalid_token");
      expectProblem(await refresh(`rt_${"A".repeat(43)}`), 401, "invalid_token");
      expectProblem(await refresh("tok_whatever"), 401, "invalid_token");
      expectProblem(await post("/api/v1/auth/token/refresh/", {}), 400, "validation_error");
    });

    it("is still taken just before its 7 days are over", async () => {
      const me = await loggedIn();
      clock.set("2030-03-08T07:59:59Z");
      expect((await refresh(me.refresh)).statusCode).toBe(200);
    });
  });

  describe("purge", () => {
    it("deletes only the families whose every token has expired", async () => {
      const gone = await loggedIn();
      clock.set("2030-03-05T08:00:00Z");
      const kept = await loggedIn();
      const tokensOf = (userId: string) =>
        t.services.db.select().from(jwtRefreshTokens).where(eq(jwtRefreshTokens.userId, userId));
      clock.set("2030-03-12T07:00:00Z");
      expect((await refresh(kept.refresh)).statusCode).toBe(200);
      // kept's first token has expired now, but its successor lives: the family stays.
      clock.set("2030-03-12T09:00:00Z");
      await t.services.customers.jwt.purgeExpired();
      expect(await tokensOf(gone.user.id)).toEqual([]);
      expect(await tokensOf(kept.user.id)).toHaveLength(2);
      expectProblem(await refresh(kept.refresh), 401, "token_reused");
    });
  });

  describe("logout", () => {
    it("revokes the refresh token's family, logs it, and is idempotent", async () => {
      const me = await loggedIn();
      const next = (await refresh(me.refresh)).json<Pair>();
      const response = await post("/api/v1/auth/logout/", { refresh: next.refresh });
      expect(response.statusCode).toBe(204);
      expectProblem(await refresh(next.refresh), 401, "invalid_token");
      expect((await post("/api/v1/auth/logout/", { refresh: next.refresh })).statusCode).toBe(204);
      const unknown = await post("/api/v1/auth/logout/", { refresh: `rt_${"B".repeat(43)}` });
      expect(unknown.statusCode).toBe(204);
      const logouts = (await eventsOf(me.user.id)).filter((e) => e.type === "logout");
      expect(logouts.map((e) => e.details)).toEqual([{ via: "jwt" }]);
    });
  });

  describe("password change", () => {
    it("ends the user's refresh families (other devices sign in again)", async () => {
      const me = await loggedIn();
      const changed = await post(
        "/api/customers/password/change",
        { old_password: me.password, new_password: "A-New-Passphrase-42" },
        bearer(me.access),
      );
      expect(changed.statusCode).toBe(204);
      expectProblem(await refresh(me.refresh), 401, "invalid_token");
      expect((await login(me.user.email, "A-New-Passphrase-42")).statusCode).toBe(200);
    });
  });

  describe("deactivation", () => {
    it("stops the user's access and refresh tokens at once", async () => {
      const me = await loggedIn();
      const staff = await createVerifiedUser(t.services.db, { isStaff: true });
      const staffSession = await signIn(t, staff.user.id);
      const get = () =>
        t.app.inject({ method: "GET", url: "/api/credits/balance", headers: bearer(me.access) });
      // Cached as active first.
      expect((await get()).statusCode).toBe(200);
      const patched = await t.app.inject({
        method: "PATCH",
        url: `/api/admin/users/${me.user.id}`,
        headers: staffSession.headers,
        payload: { is_active: false },
      });
      expect(patched.statusCode).toBe(200);
      expectProblem(await get(), 401, "invalid_token");
      expectProblem(await refresh(me.refresh), 401, "invalid_token");
      // Reactivation lets the access token in again, but the refresh tokens stay revoked.
      await t.app.inject({
        method: "PATCH",
        url: `/api/admin/users/${me.user.id}`,
        headers: staffSession.headers,
        payload: { is_active: true },
      });
      expect((await get()).statusCode).toBe(200);
      expectProblem(await refresh(me.refresh), 401, "invalid_token");
    });
  });

  describe("register", () => {
    it("creates an unverified account and emails the verification link", async () => {
      const invite = await createInvite(t.services.db);
      const email = `jwt-${String(Date.now())}@example.com`;
      const before = mailer.messages.length;
      const response = await post("/api/v1/auth/register/", {
        email,
        password: "Correct-Horse-Battery-9",
        invite_code: invite.code,
      });
      expect(response.statusCode).toBe(202);
      expect(mailer.messages.slice(before).map((m) => m.to)).toEqual([email]);
      expect(mailer.messages.at(-1)?.text).toContain("/api/customers/verify-email?token=");
      expectProblem(await login(email, "Correct-Horse-Battery-9"), 403, "email_not_verified");
    });

    it("keeps the invite rules in invite mode: none is a required field, an unknown one 400 invalid_invite", async () => {
      const body = { email: "nobody@example.com", password: "Correct-Horse-Battery-9" };
      const missing = expectProblem(
        await post("/api/v1/auth/register/", body),
        400,
        "validation_error",
      );
      expect(missing.errors?.map((e) => e.field)).toEqual(["invite_code"]);
      expectProblem(
        await post("/api/v1/auth/register/", { ...body, invite_code: "nope" }),
        400,
        "invalid_invite",
      );
    });
  });
});

describe.runIf(onServerPostgres)(
  `JWT deactivation across instances (SERVER_ONLY: ${SERVER_ONLY})`,
  () => {
    it("an instance that cached the user as active refuses its access token once another deactivates it", async () => {
      const database = await createTestDatabase();
      const a = await createTestApp({ database });
      const b = await createTestApp({ database });
      try {
        const { user, password } = await createVerifiedUser(a.services.db);
        const staff = await createVerifiedUser(a.services.db, { isStaff: true });
        const { access } = await a.services.customers.jwt.login({
          email: user.email,
          password,
          client: { ip: null, userAgent: null },
        });
        const balance = (app: TestApp) =>
          app.app.inject({
            method: "GET",
            url: "/api/credits/balance",
            headers: { authorization: `Bearer ${access}` },
          });
        expect((await balance(b)).statusCode).toBe(200);
        const patched = await a.app.inject({
          method: "PATCH",
          url: `/api/admin/users/${user.id}`,
          headers: (await signIn(a, staff.user.id)).headers,
          payload: { is_active: false },
        });
        expect(patched.statusCode).toBe(200);
        expectProblem(await balance(a), 401, "invalid_token");
        // The NOTIFY reaches b asynchronously; within the cache TTL it must not wait it out.
        let answer = await balance(b);
        for (let i = 0; i < 100 && answer.statusCode === 200; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          answer = await balance(b);
        }
        expectProblem(answer, 401, "invalid_token");
      } finally {
        await a.close();
        await b.close();
        await database.close();
      }
    });
  },
);

describe.runIf(onServerPostgres)(
  `JWT refresh against revocation, in parallel (SERVER_ONLY: ${SERVER_ONLY})`,
  () => {
    it("a password change racing a refresh never leaves a live refresh token behind", async () => {
      const database = await createTestDatabase();
      const t = await createTestApp({ database });
      // A connection of its own holds the refresh token's row, so that the refresh and the
      // password change both queue behind it, the refresh first: the order that lost the new
      // token's revocation when the refresh did not take the user's lock.
      const holder = new pg.Client({ connectionString: database.url });
      await holder.connect();
      try {
        const { user, password } = await createVerifiedUser(t.services.db);
        const client = { ip: null, userAgent: null };
        const pair = await t.services.customers.jwt.login({ email: user.email, password, client });
        await holder.query("BEGIN");
        await holder.query("SELECT 1 FROM jwt_refresh_tokens WHERE token_hash = $1 FOR UPDATE", [
          sha256Hex(pair.refresh),
        ]);
        const refreshed = t.services.customers.jwt.refresh(pair.refresh, client).then(
          () => "rotated",
          (error: unknown) => (error as Error).message,
        );
        await new Promise((resolve) => setTimeout(resolve, 150));
        const changed = t.services.customers.accounts.changePassword(
          { userId: user.id, email: user.email, isStaff: false, via: "jwt" },
          { oldPassword: password, newPassword: `${password}-new`, client },
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        await holder.query("COMMIT");
        await Promise.all([refreshed, changed]);
        const live = await t.services.db
          .select()
          .from(jwtRefreshTokens)
          .where(
            and(
              eq(jwtRefreshTokens.userId, user.id),
              isNull(jwtRefreshTokens.revokedAt),
              isNull(jwtRefreshTokens.rotatedAt),
            ),
          );
        expect(live).toEqual([]);
      } finally {
        await holder.end();
        await t.close();
        await database.close();
      }
    });
  },
);
