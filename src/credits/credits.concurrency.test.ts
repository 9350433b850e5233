import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createApiToken } from "../../test/factories/customers.js";
import { createUser } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import {
  createTestDatabase,
  onServerPostgres,
  SERVER_ONLY,
  type TestDatabase,
} from "../../test/support/database.js";
import { scriptedService } from "../../test/support/scripted-service.js";
import { rowsOf } from "../platform/db/rows.js";

const CALLS = 500;

/** Samples the user's live balance every 5 ms until stopped; `stop` gives the lowest seen. */
function sampleLowestBalance(app: TestApp, userId: string): { stop(): Promise<number> } {
  let lowest = Number.POSITIVE_INFINITY;
  const state = { on: true };
  const sampling = (async () => {
    while (state.on) {
      lowest = Math.min(lowest, await availableCredits(app.services, userId));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    async stop() {
      state.on = false;
      await sampling;
      return lowest;
    },
  };
}
const CREDITS = 100;

describe.skipIf(!onServerPostgres)(
  `credits under concurrency, two app instances on one database (${onServerPostgres ? "server Postgres" : SERVER_ONLY})`,
  () => {
    let database: TestDatabase;
    // Each instance has its own provider; each fails every 5th of its calls (20 %).
    const providers = [
      scriptedService({ name: "test.flaky", creditCost: 1, failEvery: 5 }),
      scriptedService({ name: "test.flaky", creditCost: 1, failEvery: 5 }),
    ];
    let instances: TestApp[];
    beforeAll(async () => {
      database = await createTestDatabase({ poolSize: 20 });
      instances = [];
      for (const provider of providers) {
        instances.push(await createTestApp({ database, aiServices: [provider] }));
      }
    });
    afterAll(async () => {
      for (const instance of instances) await instance.close();
      await database.close();
    });

    it("admits exactly what the credits cover, never overdraws, releases every failure, and reconciles", async () => {
      const [first] = instances;
      if (first === undefined) throw new Error("no instance");
      const user = await createUser(first.services.db);
      const token = await createApiToken(first, user.id);
      await grantCredits(first.services, user.id, CREDITS);

      // Sampled while the calls run: the live balance is never below zero.
      const sampler = sampleLowestBalance(first, user.id);

      const replies = await Promise.all(
        Array.from({ length: CALLS }, (_, i) =>
          instances[i % 2]!.app.inject({
            method: "POST",
            url: "/api/services/test.flaky/run",
            headers: { authorization: `Bearer ${token.token}` },
            payload: { input: { n: i } },
          }),
        ),
      );
      const lowestSeen = await sampler.stop();

      const count = (status: number) => replies.filter((r) => r.statusCode === status).length;
      const succeeded = count(200);
      const failed = count(502);
      const refused = count(402);
      expect(succeeded + failed + refused).toBe(CALLS);
      expect(lowestSeen).toBeGreaterThanOrEqual(0);
      // Every success cost one credit; nothing else did.
      const left = await availableCredits(first.services, user.id);
      expect(succeeded + left).toBe(CREDITS);
      // Only admitted calls reached a provider (a 402 never does).
      expect(providers[0]!.calls + providers[1]!.calls).toBe(succeeded + failed);
      expect(failed).toBeGreaterThan(0);
      // Failures near the end may release credits after every other call was refused: spend
      // what is left, one call at a time, and the successes add up to the credits exactly.
      let drained = 0;
      for (let i = 0; i < 100 && (await availableCredits(first.services, user.id)) > 0; i += 1) {
        const reply = await first.app.inject({
          method: "POST",
          url: "/api/services/test.flaky/run",
          headers: { authorization: `Bearer ${token.token}` },
          payload: { input: { n: CALLS + i } },
        });
        if (reply.statusCode === 200) drained += 1;
      }
      expect(succeeded + drained).toBe(CREDITS);
      expect(await availableCredits(first.services, user.id)).toBe(0);

      const [holds] = await rowsOf<{ held: number; settled: number; released: number }>(
        first.services.db,
        sql`select count(*) filter (where status = 'held')::int as held,
              count(*) filter (where status = 'settled')::int as settled,
              count(*) filter (where status = 'released')::int as released
            from credit_holds`,
      );
      expect(holds?.held).toBe(0);
      expect(holds?.settled).toBe(CREDITS);
      expect(holds?.released).toBeGreaterThanOrEqual(failed);
      const ledger = await first.services.credits.reconcile();
      expect(ledger.problems).toEqual([]);
      const usage = await first.services.usage.reconcile();
      expect(usage.totals.count + usage.logs.count).toBe(0);
      expect(usage.requestLogs).toBe(CREDITS + (holds?.released ?? 0));
    }, 120_000);

    it("charges exactly when both instances admit calls on a recent balance and run it out together", async () => {
      const [first] = instances;
      if (first === undefined) throw new Error("no instance");
      const user = await createUser(first.services.db);
      const token = await createApiToken(first, user.id);
      // Enough for each instance to run its calls before holding their credits (it knows the
      // balance after one call), not enough for every call: near the end the two instances'
      // admissions overlap and some calls that ran are no longer covered.
      const credits = 4 * CREDITS;
      await grantCredits(first.services, user.id, credits);
      const call = (i: number) =>
        instances[i % 2]!.app.inject({
          method: "POST",
          url: "/api/services/test.flaky/run",
          headers: { authorization: `Bearer ${token.token}` },
          payload: { input: { n: i } },
        });
      const callsBefore = providers[0]!.calls + providers[1]!.calls;
      const warmUp = [await call(0), await call(1)];

      const sampler = sampleLowestBalance(first, user.id);
      const replies = [
        ...warmUp,
        ...(await Promise.all(Array.from({ length: CALLS }, (_, i) => call(i + 2)))),
      ];
      const lowestSeen = await sampler.stop();

      const count = (status: number) => replies.filter((r) => r.statusCode === status).length;
      const succeeded = count(200);
      expect(succeeded + count(502) + count(402)).toBe(CALLS + 2);
      expect(lowestSeen).toBeGreaterThanOrEqual(0);
      expect(succeeded + (await availableCredits(first.services, user.id))).toBe(credits);

      const [logs] = await rowsOf<{ ran: number; optimistic: number }>(
        first.services.db,
        sql`select count(*)::int as ran,
              (select count(*)::int from credit_holds h where h.expires_at = h.created_at
                and h.request_id in (select request_id from request_logs where user_id = ${user.id}::uuid)) as optimistic
            from request_logs where user_id = ${user.id}::uuid`,
      );
      // Calls ran optimistically; every call that reached a provider is logged but those whose
      // charge no longer fitted (answered 402 like a refused reservation), and only successes
      // were charged.
      expect(logs?.optimistic).toBeGreaterThan(0);
      const ranUnlogged =
        providers[0]!.calls + providers[1]!.calls - callsBefore - (logs?.ran ?? 0);
      expect(ranUnlogged).toBeGreaterThanOrEqual(0);
      expect(ranUnlogged).toBeLessThanOrEqual(count(402));
      const ledger = await first.services.credits.reconcile();
      expect(ledger.problems).toEqual([]);
      const usage = await first.services.usage.reconcile();
      expect(usage.totals.count + usage.logs.count).toBe(0);
    }, 120_000);
  },
);
