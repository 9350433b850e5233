import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { periodTotals } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import {
  createTestDatabase,
  onServerPostgres,
  SERVER_ONLY,
  type TestDatabase,
} from "../../test/support/database.js";
import { expectProblem } from "../../test/support/problems.js";
import { scriptedService } from "../../test/support/scripted-service.js";
import { signIn, type SignedIn } from "../../test/support/sessions.js";
import { startTcpProxy, type TcpProxy } from "../../test/support/tcp-proxy.js";
import { samplePng } from "../core/sample-images.js";
import { idempotencyKeys, requestLogs } from "../schema.js";
import { openDatabase, type Database } from "./db/database.js";
import { DATABASE_RETRY_AFTER_S } from "./db/outage.js";

interface LogLine {
  level: number;
  msg: string;
  refused?: number;
  request_id?: string;
  err?: unknown;
}

describe.runIf(onServerPostgres)(`a database outage on server Postgres (${SERVER_ONLY})`, () => {
  // The app reaches the database through a proxy the test takes down and brings back; the
  // test's own checks go straight to the database.
  let direct: TestDatabase;
  let proxy: TcpProxy;
  let viaProxy: Database;
  let t: TestApp;
  const gated = scriptedService({ name: "test.outage", creditCost: 1, priceCents: 3 });

  beforeAll(async () => {
    direct = await createTestDatabase();
    const target = new URL(direct.url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(direct.url!);
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    viaProxy = await openDatabase({ url: url.toString(), poolSize: 4, connectTimeoutMs: 1_000 });
    t = await createTestApp({ database: viaProxy, logLevel: "info", aiServices: [gated] });
  });
  afterEach(async () => {
    // A failed assertion must not leave the database away for the next test.
    await proxy.open().catch(() => undefined);
  });
  afterAll(async () => {
    await t.close();
    await viaProxy.close();
    await proxy.close();
    await direct.close();
  });

  async function customer(credits: number) {
    const { user } = await createVerifiedUser(direct.db);
    const token = await createApiToken(t, user.id);
    await grantCredits({ db: direct.db, credits: t.services.credits }, user.id, credits);
    const session = await signIn(t, user.id);
    return { user, bearer: { authorization: `Bearer ${token.token}` }, session };
  }

  const solve = (bearer: Record<string, string>) =>
    t.app.inject({
      method: "POST",
      url: "/api/core/solve",
      headers: { ...bearer, "content-type": "application/octet-stream" },
      payload: samplePng(2, 2),
    });
  const run = (headers: Record<string, string>) =>
    t.app.inject({
      method: "POST",
      url: "/api/services/test.outage/run",
      headers,
      payload: { input: { n: 1 } },
    });
  const tokens = (session: SignedIn) =>
    t.app.inject({ method: "GET", url: "/api/customers/tokens", headers: session.headers });

  function logLines(from: number): LogLine[] {
    return t
      .logs()
      .slice(from)
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as LogLine);
  }

  async function logsOfRequests(requestIds: string[]) {
    return direct.db.select().from(requestLogs).where(inArray(requestLogs.requestId, requestIds));
  }

  it("answers 503 database_unavailable with Retry-After, charges nothing, logs one warning and resumes by itself", async () => {
    const { user, bearer, session } = await customer(5);
    // A first solve verifies (and caches) the token, so the refusals below come from the
    // metered run itself, not only from authentication.
    expect((await solve(bearer)).statusCode).toBe(200);
    const totalsBefore = await periodTotals(direct.db, user.id);
    const creditsBefore = await availableCredits({ credits: t.services.credits }, user.id);
    const logsFrom = t.logs().length;

    await proxy.close();
    const refused = [];
    for (let i = 0; i < 3; i += 1) refused.push(await solve(bearer));
    refused.push(await run(bearer), await tokens(session));
    const health = await t.app.inject({ method: "GET", url: "/healthz" });

    const refusedIds: string[] = [];
    for (const response of refused) {
      const body = expectProblem(response, 503, "database_unavailable");
      expect(response.headers["retry-after"]).toBe(String(DATABASE_RETRY_AFTER_S));
      refusedIds.push(body.request_id);
    }
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "error", db: "error" });
    expect(health.headers["retry-after"]).toBe(String(DATABASE_RETRY_AFTER_S));
    expect(health.headers["x-request-id"]).toEqual(expect.any(String));

    await proxy.open();
    // The pool reconnects by itself: the very next requests are served.
    expect((await solve(bearer)).statusCode).toBe(200);
    expect((await tokens(session)).statusCode).toBe(200);
    expect((await run(bearer)).statusCode).toBe(200);
    await vi.waitFor(
      () => {
        expect(logLines(logsFrom).map((line) => line.msg)).toContain("database reachable again");
      },
      { timeout: 20_000, interval: 100 },
    );

    // Nothing refused was logged or charged: the totals moved by the solve and the run since.
    expect(await logsOfRequests(refusedIds)).toEqual([]);
    const [[periodStart, isCurrent, requests, cents]] = totalsBefore as [
      [string, boolean, number, number],
    ];
    expect(await periodTotals(direct.db, user.id)).toEqual([
      [periodStart, isCurrent, requests + 2, cents + 100 + 3],
    ]);
    // Only the run after the outage took its credit (the refused run's hold is given back).
    await vi.waitFor(
      async () => {
        expect(await availableCredits({ credits: t.services.credits }, user.id)).toBe(
          creditsBefore - 1,
        );
      },
      { timeout: 20_000, interval: 200 },
    );

    // One warning for the whole outage, with no stack, instead of an error per request.
    const lines = logLines(logsFrom);
    const warnings = lines.filter((line) => line.level >= 40);
    expect(warnings.map((line) => line.msg)).toEqual([
      "database unavailable: requests are answered 503 database_unavailable until it is back",
    ]);
    expect(warnings[0]?.refused).toBe(1);
    expect(lines.filter((line) => line.err !== undefined)).toEqual([]);
    const recovery = lines.filter((line) => line.msg === "database reachable again");
    expect(recovery).toHaveLength(1);
    expect(recovery[0]?.refused).toBe(refused.length + 1);
  }, 60_000);

  it("answers 503 when the meter cannot commit, charges nothing, and a retry with the same Idempotency-Key runs", async () => {
    const { user, bearer } = await customer(5);
    expect((await run(bearer)).statusCode).toBe(200);
    const totalsBefore = await periodTotals(direct.db, user.id);
    const creditsBefore = await availableCredits({ credits: t.services.credits }, user.id);

    // The provider is reached with the database up (the credit is held), and the database goes
    // away before the call is metered.
    let answer!: () => void;
    gated.script = { waitFor: new Promise<void>((resolve) => (answer = resolve)) };
    const callsBefore = gated.calls;
    const headers = { ...bearer, "idempotency-key": "outage-retry-1" };
    const pending = run(headers);
    await vi.waitFor(() => {
      expect(gated.calls).toBe(callsBefore + 1);
    });
    await proxy.close();
    answer();
    const response = await pending;
    gated.script = "ok";
    const { request_id: refusedId } = expectProblem(response, 503, "database_unavailable");
    expect(response.headers["retry-after"]).toBe(String(DATABASE_RETRY_AFTER_S));

    await proxy.open();
    expect(await logsOfRequests([refusedId])).toEqual([]);
    expect(await periodTotals(direct.db, user.id)).toEqual(totalsBefore);
    // The hold and the key are given back once the database answers, without the sweep.
    await vi.waitFor(
      async () => {
        expect(await availableCredits({ credits: t.services.credits }, user.id)).toBe(
          creditsBefore,
        );
        const keys = await direct.db
          .select()
          .from(idempotencyKeys)
          .where(eq(idempotencyKeys.userId, user.id));
        expect(keys).toEqual([]);
      },
      { timeout: 20_000, interval: 200 },
    );

    const retried = await run(headers);
    expect(retried.statusCode).toBe(200);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    const [[periodStart, isCurrent, requests, cents]] = totalsBefore as [
      [string, boolean, number, number],
    ];
    expect(await periodTotals(direct.db, user.id)).toEqual([
      [periodStart, isCurrent, requests + 1, cents + 3],
    ]);
    expect(await availableCredits({ credits: t.services.credits }, user.id)).toBe(
      creditsBefore - 1,
    );
  }, 60_000);
});
