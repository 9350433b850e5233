import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { scriptedService } from "../../test/support/scripted-service.js";
import { rowsOf } from "../platform/db/rows.js";
import { requestLogs } from "../usage/request-logs.table.js";

describe("calls admitted on a recent balance (optimistic charging)", () => {
  let t: TestApp;
  const service = scriptedService({ name: "test.optimistic", creditCost: 2 });
  const MARGIN_CALLS = 50;
  beforeAll(async () => {
    t = await createTestApp({
      aiServices: [service],
      env: { CREDIT_OPTIMISTIC_MARGIN_CALLS: String(MARGIN_CALLS) },
    });
  });
  afterAll(async () => t.close());

  async function customer(credits: number) {
    const { user } = await createVerifiedUser(t.services.db);
    const token = await createApiToken(t, user.id);
    await grantCredits(t.services, user.id, credits);
    return { user, headers: { authorization: `Bearer ${token.token}` } };
  }

  function run(headers: Record<string, string>, n: number) {
    return t.app.inject({
      method: "POST",
      url: "/api/services/test.optimistic/run",
      headers,
      payload: { input: { n } },
    });
  }

  /** Starts a call whose provider waits; resolves once the provider is running. */
  async function startGated(headers: Record<string, string>) {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const callsBefore = service.calls;
    service.script = { waitFor: gate };
    const reply = run(headers, 2);
    while (service.calls === callsBefore) await new Promise((r) => setTimeout(r, 2));
    service.script = "ok";
    return { reply, open };
  }

  async function openHolds(userId: string): Promise<number> {
    const [row] = await rowsOf<{ n: number }>(
      t.services.db,
      sql`select count(*)::int as n from credit_holds h
          join billing_accounts a on a.id = h.account_id
          where a.user_id = ${userId}::uuid and h.status = 'held'`,
    );
    return row?.n ?? 0;
  }

  async function entriesOf(requestId: string) {
    return rowsOf<{ type: string; amount: string }>(
      t.services.db,
      sql`select type::text, amount::text from credit_entries
          where request_id = ${requestId}::uuid order by seq`,
    );
  }

  it("runs a call before holding its credits and charges it with its log: a settled hold and one charge entry", async () => {
    const { user, headers } = await customer(1_000);
    // The first call is reserved for, and tells the process the account's balance.
    expect((await run(headers, 1)).statusCode).toBe(200);

    const { reply, open } = await startGated(headers);
    expect(await openHolds(user.id)).toBe(0);
    open();
    const answered = await reply;
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ credits_charged: 2, balance: 996 });
    const requestId = answered.json<{ request_id: string }>().request_id;
    expect(await entriesOf(requestId)).toEqual([{ type: "charge", amount: "-2000" }]);
    expect(await availableCredits(t.services, user.id)).toBe(996);
    expect((await t.services.credits.reconcile()).problems).toEqual([]);
  });

  it("charges nothing for a failed call it admitted, and leaves no hold", async () => {
    const { user, headers } = await customer(1_000);
    expect((await run(headers, 1)).statusCode).toBe(200);
    service.script = "fail";
    const failed = await run(headers, 2);
    service.script = "ok";
    expectProblem(failed, 502, "provider_unavailable");
    expect(await openHolds(user.id)).toBe(0);
    expect(await entriesOf(failed.headers["x-request-id"] as string)).toEqual([]);
    expect(await availableCredits(t.services, user.id)).toBe(998);
  });

  it("refuses with 402, logs and charges nothing and gives the key back, when others took the credits while the call ran", async () => {
    const { user, headers } = await customer(1_000);
    expect((await run(headers, 1)).statusCode).toBe(200);
    const callsBefore = service.calls;
    const keyed = { ...headers, "idempotency-key": "optimistic-race-1" };

    const { reply, open } = await startGated(keyed);
    await t.services.credits.adjust({
      userId: user.id,
      amount: -998_000,
      reason: "taken while a call ran",
      actor: null,
    });
    open();
    const refused = expectProblem(await reply, 402, "insufficient_credits");
    expect(refused).toMatchObject({ required: 2, available: 0 });
    // The provider did run: that is the price of not holding first, paid only in this race.
    expect(service.calls).toBe(callsBefore + 1);
    // As for a reservation that did not fit: nothing logged, nothing in the journal.
    const logs = await t.services.db
      .select()
      .from(requestLogs)
      .where(eq(requestLogs.requestId, refused.request_id));
    expect(logs).toEqual([]);
    expect(await entriesOf(refused.request_id)).toEqual([]);
    expect(await availableCredits(t.services, user.id)).toBe(0);
    expect((await t.services.credits.reconcile()).problems).toEqual([]);
    const usage = await t.services.usage.reconcile();
    expect(usage.totals.count + usage.logs.count).toBe(0);

    // The key was given back: after a top-up, a retry with it runs.
    await t.services.credits.adjust({
      userId: user.id,
      amount: 10_000,
      reason: "top-up",
      actor: null,
    });
    const retried = await run(keyed, 2);
    expect(retried.statusCode).toBe(200);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("keeps this instance's reservations off the credits its running calls will be charged", async () => {
    // After the first call: 102 credits, so the next call (2) runs without a hold; every later
    // one, short of the margin, is reserved for, and may not take those 2.
    const { user, headers } = await customer(104);
    expect((await run(headers, 1)).statusCode).toBe(200);
    const { reply, open } = await startGated(headers);
    const reserved = [];
    for (let i = 0; i < 51; i += 1) reserved.push((await run(headers, 3 + i)).statusCode);
    expect(reserved.filter((status) => status === 200)).toHaveLength(50);
    expect(reserved.at(-1)).toBe(402);
    open();
    expect((await reply).statusCode).toBe(200);
    expect(await availableCredits(t.services, user.id)).toBe(0);
    expect((await t.services.credits.reconcile()).problems).toEqual([]);
  });

  it("answers the balance a staff grant just changed, not the one it remembered", async () => {
    const { user, headers } = await customer(1_000);
    expect((await run(headers, 1)).statusCode).toBe(200);
    await t.services.credits.adjust({
      userId: user.id,
      amount: 500_000,
      reason: "gift",
      actor: null,
    });
    const after = await run(headers, 2);
    expect(after.json()).toMatchObject({ credits_charged: 2, balance: 1_496 });
  });

  it("holds the credits of every call before it runs when the balance is short of CREDIT_OPTIMISTIC_MARGIN_CALLS", async () => {
    // After the first call: 80 calls' worth (covers the margin of 50, not the default's 100),
    // and 48 (short of it).
    for (const [calls, heldWhileRunning] of [
      [80, 0],
      [48, 1],
    ] as const) {
      const { user, headers } = await customer(2 * (calls + 1));
      expect((await run(headers, 1)).statusCode).toBe(200);
      const { reply, open } = await startGated(headers);
      expect(await openHolds(user.id)).toBe(heldWhileRunning);
      open();
      expect((await reply).statusCode).toBe(200);
      expect(await openHolds(user.id)).toBe(0);
    }
  });
});
