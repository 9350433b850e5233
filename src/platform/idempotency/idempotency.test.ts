import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { expectProblem } from "../../../test/support/problems.js";
import { scriptedService } from "../../../test/support/scripted-service.js";
import { samplePng } from "../../core/sample-images.js";
import { requestLogs } from "../../usage/request-logs.table.js";
import { fixedClock } from "../clock.js";
import { IDEMPOTENCY_LEASE_MS, requestFingerprint } from "./idempotency.js";
import { claimIdempotencyKey } from "./idempotency.queries.js";
import { idempotencyKeys } from "./idempotency-keys.table.js";

const clock = fixedClock("2026-04-01T10:00:00Z");

describe("Idempotency-Key on metered POSTs", () => {
  let t: TestApp;
  const paid = scriptedService({ name: "test.idempotent", creditCost: 1 });
  beforeAll(async () => {
    t = await createTestApp({ clock, aiServices: [paid] });
  });
  afterAll(async () => t.close());

  async function customer(credits = 10) {
    const { user } = await createVerifiedUser(t.services.db);
    const token = await createApiToken(t, user.id);
    await grantCredits(t.services, user.id, credits);
    return { user, bearer: { authorization: `Bearer ${token.token}` } };
  }

  function run(headers: Record<string, string>, key: string | undefined, n = 1) {
    return t.app.inject({
      method: "POST",
      url: "/api/services/test.idempotent/run",
      headers: key === undefined ? headers : { ...headers, "idempotency-key": key },
      payload: { input: { n } },
    });
  }

  /** Waits (up to 2 s) until the service has been called `count` times: a run holds its key. */
  async function untilCalled(count: number) {
    for (let i = 0; i < 200 && paid.calls < count; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function logCount(userId: string) {
    return (await t.services.db.select().from(requestLogs).where(eq(requestLogs.userId, userId)))
      .length;
  }

  it("replays the first reply to a repeat of the same request, marked, and charges once", async () => {
    const { user, bearer } = await customer();
    const key = randomUUID();
    const first = await run(bearer, key);
    expect(first.statusCode).toBe(200);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await run(bearer, key);
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(again.body).toBe(first.body);
    expect(await availableCredits(t.services, user.id)).toBe(9);
    expect(await logCount(user.id)).toBe(1);
  });

  it("refuses the same key with a different request with 422 idempotency_key_mismatch", async () => {
    const { user, bearer } = await customer();
    const key = "order-42";
    expect((await run(bearer, key, 1)).statusCode).toBe(200);
    expectProblem(await run(bearer, key, 2), 422, "idempotency_key_mismatch");
    const otherPath = await t.app.inject({
      method: "POST",
      url: "/api/services/demo_free_service/run",
      headers: { ...bearer, "idempotency-key": key },
      payload: { input: { n: 1 } },
    });
    // Validation comes first (nothing ran), then the key: a valid body elsewhere is a mismatch.
    expectProblem(otherPath, 400, "validation_error");
    const elsewhere = await t.app.inject({
      method: "POST",
      url: "/api/services/demo_free_service/run",
      headers: { ...bearer, "idempotency-key": key },
      payload: { input: { message: "x" } },
    });
    expectProblem(elsewhere, 422, "idempotency_key_mismatch");
    expect(await availableCredits(t.services, user.id)).toBe(9);
  });

  it("answers 409 idempotency_key_in_use while the first request is still running", async () => {
    const { user, bearer } = await customer();
    let open!: () => void;
    paid.script = { waitFor: new Promise<void>((resolve) => (open = resolve)) };
    try {
      const key = randomUUID();
      const first = run(bearer, key);
      // The first has claimed the key once its provider is being asked.
      const calls = paid.calls;
      await untilCalled(calls + 1);
      const during = await run(bearer, key);
      const problem = expectProblem(during, 409, "idempotency_key_in_use");
      expect(problem.detail).toMatch(/still running/);
      expect(during.headers["retry-after"]).toBe("1");
      open();
      expect((await first).statusCode).toBe(200);
      expect((await run(bearer, key)).headers["idempotent-replayed"]).toBe("true");
    } finally {
      paid.script = "ok";
    }
    expect(await availableCredits(t.services, user.id)).toBe(9);
  });

  it("lets a retry take over a claim whose process died once its lease lapsed: a normal first run, charged once, the dead attempt's credits released", async () => {
    const { user, bearer } = await customer();
    const key = randomUUID();
    // What a process killed mid-request leaves: its claim and its credit hold, nothing else.
    const dead = randomUUID();
    const start = clock.now();
    await claimIdempotencyKey(t.services.db, {
      userId: user.id,
      key,
      fingerprint: requestFingerprint(
        "POST",
        "/api/services/test.idempotent/run",
        JSON.stringify({ input: { n: 1 } }),
      ),
      requestId: dead,
      now: start,
      lockedUntil: new Date(start.getTime() + IDEMPOTENCY_LEASE_MS),
      expiredBefore: new Date(0),
    });
    const accountId = await t.services.credits.accountIdOf(user.id);
    const hold = await t.services.credits.reserve({
      accountId,
      requestId: dead,
      service: "test.idempotent",
      amount: 1000,
    });
    expect(hold.ok).toBe(true);
    expect(await availableCredits(t.services, user.id)).toBe(9);
    try {
      expectProblem(await run(bearer, key), 409, "idempotency_key_in_use");
      clock.set(new Date(start.getTime() + IDEMPOTENCY_LEASE_MS + 1));
      const retry = await run(bearer, key);
      expect(retry.statusCode).toBe(200);
      expect(retry.headers["idempotent-replayed"]).toBeUndefined();
      expect(await availableCredits(t.services, user.id)).toBe(9);
      expect(await logCount(user.id)).toBe(1);
      expect((await run(bearer, key)).headers["idempotent-replayed"]).toBe("true");
      expect((await t.services.credits.reconcile()).problemCount).toBe(0);
    } finally {
      clock.set(start);
    }
  });

  it("keeps renewing the claim of a request that is still running, so no retry takes it over", async () => {
    const { user, bearer } = await customer();
    let open!: () => void;
    paid.script = { waitFor: new Promise<void>((resolve) => (open = resolve)) };
    const start = clock.now();
    try {
      const key = randomUUID();
      const first = run(bearer, key);
      const calls = paid.calls;
      await untilCalled(calls + 1);
      clock.set(new Date(start.getTime() + 2 * IDEMPOTENCY_LEASE_MS));
      expect(await t.services.idempotency.renewHeld()).toBe(1);
      clock.set(new Date(start.getTime() + 2 * IDEMPOTENCY_LEASE_MS + IDEMPOTENCY_LEASE_MS / 2));
      expectProblem(await run(bearer, key), 409, "idempotency_key_in_use");
      open();
      expect((await first).statusCode).toBe(200);
      expect(await t.services.idempotency.renewHeld()).toBe(0);
      expect((await run(bearer, key)).headers["idempotent-replayed"]).toBe("true");
    } finally {
      paid.script = "ok";
      clock.set(start);
    }
    expect(await availableCredits(t.services, user.id)).toBe(9);
    expect(await logCount(user.id)).toBe(1);
  });

  it("charges only the run that holds the claim when a stalled run and a retry that took its key over both finish", async () => {
    const { user, bearer } = await customer();
    let open!: () => void;
    paid.script = { waitFor: new Promise<void>((resolve) => (open = resolve)) };
    const start = clock.now();
    try {
      const key = randomUUID();
      const stalledId = randomUUID();
      const stalled = run({ ...bearer, "x-request-id": stalledId }, key);
      const calls = paid.calls;
      await untilCalled(calls + 1);
      // As if its process stopped renewing (a stalled event loop) until the lease lapsed.
      t.services.idempotency.settled({ userId: user.id, key, requestId: stalledId });
      clock.set(new Date(start.getTime() + IDEMPOTENCY_LEASE_MS + 1));
      const retry = run(bearer, key);
      await untilCalled(calls + 2);
      open();
      expect((await retry).statusCode).toBe(200);
      expectProblem(await stalled, 409, "idempotency_key_in_use");
      const again = await run(bearer, key);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.body).toBe((await retry).body);
    } finally {
      paid.script = "ok";
      clock.set(start);
    }
    expect(await availableCredits(t.services, user.id)).toBe(9);
    expect(await logCount(user.id)).toBe(1);
    expect((await t.services.credits.reconcile()).problemCount).toBe(0);
  });

  it("refuses an over-long or non-ASCII key with 400 validation_error, running nothing", async () => {
    const { user, bearer } = await customer();
    for (const key of ["k".repeat(256), "clé", "tab\tkey"]) {
      const response = await run(bearer, key);
      const problem = expectProblem(response, 400, "validation_error");
      expect(problem.errors?.[0]?.field).toBe("Idempotency-Key");
    }
    expect((await run(bearer, "k".repeat(255))).statusCode).toBe(200);
    expect(await logCount(user.id)).toBe(1);
  });

  it("never shares a key between users", async () => {
    const alice = await customer();
    const bob = await customer();
    const key = "shared-key";
    const first = await run(alice.bearer, key, 1);
    const second = await run(bob.bearer, key, 1);
    expect(second.statusCode).toBe(200);
    expect(second.headers["idempotent-replayed"]).toBeUndefined();
    expect(second.body).not.toBe(first.body);
    expect(await availableCredits(t.services, bob.user.id)).toBe(9);
  });

  it("replays a failure that ran (the provider's 502) but not a refusal before the run (402)", async () => {
    const { user, bearer } = await customer(0.5);
    const key = randomUUID();
    const refused = await run(bearer, key);
    expectProblem(refused, 402, "insufficient_credits");
    await grantCredits(t.services, user.id, 5);
    // The refusal was not stored: with credits, the same key runs.
    paid.script = "fail";
    try {
      const failed = await run(bearer, key);
      expectProblem(failed, 502, "provider_unavailable");
      paid.script = "ok";
      const replayed = await run(bearer, key);
      expect(replayed.statusCode).toBe(502);
      expect(replayed.headers["idempotent-replayed"]).toBe("true");
      expect(replayed.body).toBe(failed.body);
    } finally {
      paid.script = "ok";
    }
    expect(await availableCredits(t.services, user.id)).toBe(5.5);
  });

  it("treats a key older than 24 h as new, and purges expired keys", async () => {
    const { user, bearer } = await customer();
    const key = randomUUID();
    const start = clock.now();
    try {
      expect((await run(bearer, key)).statusCode).toBe(200);
      clock.set(new Date(start.getTime() + 24 * 3_600_000 + 1));
      const later = await run(bearer, key);
      expect(later.headers["idempotent-replayed"]).toBeUndefined();
      expect(await availableCredits(t.services, user.id)).toBe(8);
      clock.set(new Date(start.getTime() + 49 * 3_600_000));
      expect(await t.services.idempotency.purgeExpired()).toBeGreaterThanOrEqual(1);
      const left = await t.services.db
        .select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.userId, user.id));
      expect(left).toEqual([]);
    } finally {
      clock.set(start);
    }
  });

  it("works on POST /api/core/solve too: a retried upload gets the first answer, charged once", async () => {
    const { user, bearer } = await customer();
    const key = randomUUID();
    const solve = (payload: Buffer) =>
      t.app.inject({
        method: "POST",
        url: "/api/core/solve",
        headers: { ...bearer, "content-type": "application/octet-stream", "idempotency-key": key },
        payload,
      });
    const image = samplePng(3, 3);
    const first = await solve(image);
    expect(first.statusCode).toBe(200);
    const again = await solve(image);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body).toBe(first.body);
    expect(again.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    expect(await logCount(user.id)).toBe(1);
    expectProblem(await solve(samplePng(4, 4)), 422, "idempotency_key_mismatch");
  });
});
