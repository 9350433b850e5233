import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalOf } from "../platform/auth.js";
import { fixedClock } from "../platform/clock.js";
import { apiTokens, users } from "../schema.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { createTestDatabase, onServerPostgres, SERVER_ONLY } from "../../test/support/database.js";
import { signIn } from "../../test/support/sessions.js";
import { BEARER_FAILURE_LIMITS } from "./bearer-failures.js";
import { TOKEN_CACHE_TTL_MS } from "./tokens.service.js";
import { expectProblem } from "../../test/support/problems.js";

const bearerRoute = (app: TestApp["app"]) => {
  app.get("/api/test/whoami", { config: { access: "bearer" } }, async (request) =>
    principalOf(request),
  );
};

async function callWithToken(t: TestApp, token: string, remoteAddress = "127.0.0.1") {
  return t.app.inject({
    method: "GET",
    url: "/api/test/whoami",
    headers: { authorization: `Bearer ${token}` },
    remoteAddress,
  });
}

describe("API tokens", () => {
  let t: TestApp;
  const clock = fixedClock("2030-03-01T08:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock, routes: bearerRoute });
  });
  afterAll(async () => t.close());

  describe("happy paths", () => {
    it("creates a token once: 201 with token_once in the documented format", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/tokens",
        headers,
        payload: { name: "CLI" },
      });
      expect(response.statusCode).toBe(201);
      const body = response.json<Record<string, string>>();
      expect(Object.keys(body).sort()).toEqual([
        "created_at",
        "id",
        "name",
        "token_once",
        "token_prefix",
      ]);
      expect(body["name"]).toBe("CLI");
      expect(body["token_once"]).toMatch(/^tok_[A-Za-z0-9_-]{43}$/);
      expect(body["token_prefix"]).toMatch(/^tok_[A-Za-z0-9_-]{8}$/);
      expect(body["created_at"]).toBe("2030-03-01T08:00:00.000Z");
      expect(body["token_once"]!.startsWith(body["token_prefix"]!)).toBe(true);
      const [row] = await t.services.db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.id, body["id"]!));
      expect(row?.tokenHash).toMatch(/^\$argon2id\$/);
      expect(row?.tokenHash).not.toContain(body["token_once"]);
      expect(row?.tokenPrefix).toBe(body["token_prefix"]!.slice(4));
    });

    it("lists only the caller's tokens, paginated, with the prefix and never the hash or token", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const other = await createVerifiedUser(t.services.db);
      await createApiToken(t, other.user.id, "theirs");
      const created = [];
      for (let i = 0; i < 27; i += 1) created.push(await createApiToken(t, user.id, `token ${i}`));
      const { headers } = await signIn(t, user.id);
      const first = await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers });
      expect(first.statusCode).toBe(200);
      const page1 = first.json<{
        count: number;
        next: string | null;
        results: Record<string, unknown>[];
      }>();
      expect(page1.count).toBe(27);
      expect(page1.results).toHaveLength(25);
      expect(page1.next).toBe("http://localhost:8000/api/customers/tokens?page=2");
      expect(Object.keys(page1.results[0]!).sort()).toEqual(
        ["created_at", "id", "last_used_at", "name", "revoked_at", "token_prefix"].sort(),
      );
      expect(first.body).not.toContain(created[0]!.token);
      expect(first.body).not.toContain("argon2");
      const second = await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens?page=2",
        headers,
      });
      expect(second.json<{ results: unknown[] }>().results).toHaveLength(2);
      expect(second.json<{ previous: string }>().previous).toBe(
        "http://localhost:8000/api/customers/tokens",
      );
      expect(second.body).not.toContain("theirs");
      const third = await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens?page=3",
        headers,
      });
      expect(expectProblem(third, 404, "not_found").detail).toBe("Invalid page.");
    });

    it("answers page 1 of an empty list with an empty page, and any later page with 404", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      const first = await t.app.inject({ method: "GET", url: "/api/customers/tokens", headers });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ count: 0, next: null, previous: null, results: [] });
      const second = await t.app.inject({
        method: "GET",
        url: "/api/customers/tokens?page=2",
        headers,
      });
      expect(expectProblem(second, 404, "not_found").detail).toBe("Invalid page.");
    });

    it("authenticates a bearer token and runs argon2 once per token while cached", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token, id } = await createApiToken(t, user.id);
      const before = t.services.customers.tokens.stats().argon2Verifications;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => callWithToken(t, token)),
      );
      for (const response of responses) expect(response.statusCode).toBe(200);
      expect(responses[0]!.json()).toMatchObject({ userId: user.id, tokenId: id, via: "bearer" });
      expect(t.services.customers.tokens.stats().argon2Verifications - before).toBe(1);
    });

    it("bounds the argon2 work of wrong tokens that share a real token's prefix", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token } = await createApiToken(t, user.id);
      expect((await callWithToken(t, token)).statusCode).toBe(200);
      const before = t.services.customers.tokens.stats().argon2Verifications;
      const forged = (i: number) => `${token.slice(0, 12)}${String(i).padStart(35, "x")}`;
      for (let i = 0; i < 30; i += 1) {
        expect((await callWithToken(t, forged(i))).statusCode).toBe(401);
      }
      // The same wrong token again is refused from memory.
      expect((await callWithToken(t, forged(0))).statusCode).toBe(401);
      expect(t.services.customers.tokens.stats().argon2Verifications - before).toBe(
        BEARER_FAILURE_LIMITS.failuresPerPrefix,
      );
      // The real token, cached, keeps working during the flood.
      expect((await callWithToken(t, token)).statusCode).toBe(200);
    });

    it("never refuses the owner's uncached token from another address during a flood", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token } = await createApiToken(t, user.id);
      const forged = (i: number) => `${token.slice(0, 12)}${String(i).padStart(35, "y")}`;
      const attacker = "198.51.100.66";
      for (let i = 0; i <= BEARER_FAILURE_LIMITS.failuresPerPrefix; i += 1) {
        expect((await callWithToken(t, forged(i), attacker)).statusCode).toBe(401);
      }
      // Not verified yet, so not cached: the attacker's address is refused without argon2...
      expect((await callWithToken(t, token, attacker)).statusCode).toBe(401);
      // ...while the owner's address verifies it, and then it works from everywhere.
      expect((await callWithToken(t, token, "203.0.113.5")).statusCode).toBe(200);
      expect((await callWithToken(t, token, attacker)).statusCode).toBe(200);
    });

    it("writes last_used_at at most once a minute per token", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token, id } = await createApiToken(t, user.id);
      const lastUsed = async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const [row] = await t.services.db.select().from(apiTokens).where(eq(apiTokens.id, id));
        return row?.lastUsedAt?.toISOString();
      };
      try {
        await callWithToken(t, token);
        expect(await lastUsed()).toBe("2030-03-01T08:00:00.000Z");
        clock.set("2030-03-01T08:00:59Z");
        await callWithToken(t, token);
        expect(await lastUsed()).toBe("2030-03-01T08:00:00.000Z");
        clock.set("2030-03-01T08:01:00Z");
        await callWithToken(t, token);
        expect(await lastUsed()).toBe("2030-03-01T08:01:00.000Z");
      } finally {
        clock.set("2030-03-01T08:00:00Z");
      }
    });

    it("revoking answers 204, sets revoked_at, is idempotent and takes effect at once", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token, id } = await createApiToken(t, user.id);
      expect((await callWithToken(t, token)).statusCode).toBe(200);
      const { headers } = await signIn(t, user.id);
      const revoke = await t.app.inject({
        method: "DELETE",
        url: `/api/customers/tokens/${id}`,
        headers,
      });
      expect(revoke.statusCode).toBe(204);
      const [row] = await t.services.db.select().from(apiTokens).where(eq(apiTokens.id, id));
      expect(row?.revokedAt?.toISOString()).toBe("2030-03-01T08:00:00.000Z");
      const denied = await callWithToken(t, token);
      expectProblem(denied, 401, "invalid_token");
      expect(denied.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(
        (await t.app.inject({ method: "DELETE", url: `/api/customers/tokens/${id}`, headers }))
          .statusCode,
      ).toBe(204);
    });

    it("revoking by the id in capitals also drops the cached token at once", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token, id } = await createApiToken(t, user.id);
      expect((await callWithToken(t, token)).statusCode).toBe(200);
      const { headers } = await signIn(t, user.id);
      const revoke = await t.app.inject({
        method: "DELETE",
        url: `/api/customers/tokens/${id.toUpperCase()}`,
        headers,
      });
      expect(revoke.statusCode).toBe(204);
      expectProblem(await callWithToken(t, token), 401, "invalid_token");
    });
  });

  describe("errors", () => {
    it("another user's token is 404 not_found and stays usable", async () => {
      const owner = await createVerifiedUser(t.services.db);
      const { token, id } = await createApiToken(t, owner.user.id);
      const intruder = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, intruder.user.id);
      expectProblem(
        await t.app.inject({ method: "DELETE", url: `/api/customers/tokens/${id}`, headers }),
        404,
        "not_found",
      );
      expect((await callWithToken(t, token)).statusCode).toBe(200);
    });

    it("an unknown id is 404 not_found and a malformed id is 400 validation_error", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      expectProblem(
        await t.app.inject({
          method: "DELETE",
          url: `/api/customers/tokens/${randomUUID()}`,
          headers,
        }),
        404,
        "not_found",
      );
      expectProblem(
        await t.app.inject({ method: "DELETE", url: "/api/customers/tokens/not-a-uuid", headers }),
        400,
        "validation_error",
      );
    });

    it.each([[""], ["x".repeat(101)], ["   "], ["\t\n"]])(
      "refuses an empty, blank or too long token name (case %#) with 400 validation_error",
      async (name) => {
        const { user } = await createVerifiedUser(t.services.db);
        const { headers } = await signIn(t, user.id);
        expectProblem(
          await t.app.inject({
            method: "POST",
            url: "/api/customers/tokens",
            headers,
            payload: { name },
          }),
          400,
          "validation_error",
        );
      },
    );
  });

  describe("security", () => {
    it.each([
      ["missing", undefined],
      ["not Bearer", "Basic dXNlcjpwYXNz"],
      ["malformed", "Bearer tok_short"],
      ["unknown", `Bearer tok_${"A".repeat(43)}`],
    ])(
      "answers a %s Authorization header with 401 invalid_token and WWW-Authenticate",
      async (_label, authorization) => {
        const response = await t.app.inject({
          method: "GET",
          url: "/api/test/whoami",
          headers: authorization === undefined ? {} : { authorization },
        });
        expectProblem(response, 401, "invalid_token");
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      },
    );

    it("refuses a token whose prefix matches but whose secret does not", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token } = await createApiToken(t, user.id);
      const forged = `${token.slice(0, 12)}${"B".repeat(35)}`;
      expectProblem(await callWithToken(t, forged), 401, "invalid_token");
    });

    it("a session cookie does not authenticate a bearer route", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { headers } = await signIn(t, user.id);
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/test/whoami", headers }),
        401,
        "invalid_token",
      );
    });

    it("a deactivated user's token stops working once the cache entry expires", async () => {
      const { user } = await createVerifiedUser(t.services.db);
      const { token } = await createApiToken(t, user.id);
      expect((await callWithToken(t, token)).statusCode).toBe(200);
      await t.services.db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
      clock.set(new Date(Date.parse("2030-03-01T08:00:00Z") + TOKEN_CACHE_TTL_MS + 1));
      try {
        expectProblem(await callWithToken(t, token), 401, "invalid_token");
      } finally {
        clock.set("2030-03-01T08:00:00Z");
      }
    });
  });
});

describe.runIf(onServerPostgres)(
  `API token revocation across instances (SERVER_ONLY: ${SERVER_ONLY})`,
  () => {
    it("a token revoked on one instance is refused by another that had it cached", async () => {
      const database = await createTestDatabase();
      const a = await createTestApp({ database, routes: bearerRoute });
      const b = await createTestApp({ database, routes: bearerRoute });
      try {
        const { user } = await createVerifiedUser(a.services.db);
        const { token, id } = await createApiToken(a, user.id);
        expect((await callWithToken(a, token)).statusCode).toBe(200);
        expect((await callWithToken(b, token)).statusCode).toBe(200);
        expect(b.services.customers.tokens.stats().cachedTokens).toBe(1);
        const { headers } = await signIn(a, user.id);
        expect(
          (await a.app.inject({ method: "DELETE", url: `/api/customers/tokens/${id}`, headers }))
            .statusCode,
        ).toBe(204);
        const deadline = Date.now() + 1000;
        while (b.services.customers.tokens.stats().cachedTokens > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expectProblem(await callWithToken(b, token), 401, "invalid_token");
        expectProblem(await callWithToken(a, token), 401, "invalid_token");
      } finally {
        await a.close();
        await b.close();
        await database.close();
      }
    });

    it("after the revocation listener reconnects, a token revoked while it was down is refused", async () => {
      const database = await createTestDatabase();
      const t = await createTestApp({ database, routes: bearerRoute });
      try {
        const { user } = await createVerifiedUser(t.services.db);
        const { token, id } = await createApiToken(t, user.id);
        expect((await callWithToken(t, token)).statusCode).toBe(200);
        // Revoked with no NOTIFY: what happens to a revocation broadcast while the listener is down.
        await t.services.db
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(eq(apiTokens.id, id));
        expect((await callWithToken(t, token)).statusCode).toBe(200);
        await database.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`,
        );
        // The reconnection (with backoff) is what clears the cache; wait for it, then judge.
        for (let i = 0; i < 500 && t.services.customers.tokens.stats().cachedTokens > 0; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expectProblem(await callWithToken(t, token), 401, "invalid_token");
      } finally {
        await t.close();
        await database.close();
      }
    });
  },
);
