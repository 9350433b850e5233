import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createUser } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { fixedClock } from "../platform/clock.js";
import { rowsOf } from "../platform/db/rows.js";
import { creditGrants } from "./credit-grants.table.js";
import { creditHolds } from "./credit-holds.table.js";
import { lockAccounts, resolveHolds } from "./ledger.queries.js";
import { createRequestMeter, type RequestMeter } from "../usage/batched-metering.js";

const clock = fixedClock("2026-03-10T12:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(clock.now().getTime() + days * DAY);

describe("the credit ledger", () => {
  let t: TestApp;
  let meter: RequestMeter;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { CREDIT_RESERVATION_TTL_S: "600" } });
    meter = createRequestMeter(t.services.database, { now: () => clock.now() });
  });
  afterAll(async () => t.close());

  const requestOfHold = new Map<string, string>();
  const heldOf = new Map<string, number>();

  async function reserve(userId: string, credits: number, requestId = randomUUID()) {
    const reservation = await t.services.credits.reserve({
      accountId: await t.services.credits.accountIdOf(userId),
      requestId,
      service: "test.service",
      amount: Math.round(credits * 1000),
    });
    if (reservation.ok) {
      requestOfHold.set(reservation.holdId, requestId);
      heldOf.set(reservation.holdId, Math.round(credits * 1000));
    }
    return reservation;
  }

  /**
   * Ends a hold's request as the HTTP path does, through the meter: logged and settled (a
   * success charging `chargeCredits`) or released (a failure: null), in one transaction.
   */
  async function settle(userId: string, holdId: string, chargeCredits: number | null) {
    const accountId = await t.services.credits.accountIdOf(userId);
    let charged: number | undefined;
    await meter.record({
      log: {
        userId,
        tokenId: null,
        service: "test.service",
        requestTs: clock.now(),
        durationMs: 1,
        requestBytes: 1,
        status: chargeCredits === null ? "error" : "success",
        errorCode: chargeCredits === null ? "provider_error" : null,
        requestId: requestOfHold.get(holdId)!,
        costCents: 0,
      },
      credits: {
        accountId,
        holdId,
        held: heldOf.get(holdId) ?? 0,
        charge: Math.round((chargeCredits ?? 0) * 1000),
      },
      reply: (settled) => {
        charged = settled.credits;
        return { status: 200, contentType: "application/json", headers: {}, body: "{}" };
      },
    });
    return charged;
  }

  /** Settles a hold directly, without a log: only for holds already resolved (a no-op). */
  async function settleAgain(userId: string, holdId: string, chargeCredits: number) {
    const accountId = await t.services.credits.accountIdOf(userId);
    return t.services.db.transaction(async (tx) => {
      await lockAccounts(tx, [accountId]);
      const resolved = await resolveHolds(
        tx,
        [{ holdId, charge: Math.round(chargeCredits * 1000) }],
        clock.now(),
      );
      return resolved.get(holdId)?.charged;
    });
  }

  /** Each grant's kind and counters, in the order created. */
  async function grantsOf(userId: string) {
    const accountId = await t.services.credits.accountIdOf(userId);
    const rows = await t.services.db
      .select()
      .from(creditGrants)
      .where(eq(creditGrants.accountId, accountId))
      .orderBy(creditGrants.createdAt, creditGrants.id);
    return rows.map((g) => ({
      id: g.id,
      kind: g.kind,
      remaining: g.remaining / 1000,
      held: g.held / 1000,
      consumed: g.consumed / 1000,
      expired: g.expired / 1000,
    }));
  }

  async function expectReconciled() {
    const report = await t.services.credits.reconcile();
    expect(report.problems).toEqual([]);
    expect(report.problemCount).toBe(0);
  }

  it("spends trial first, then subscription credits soonest expiry first, then payg, then adjustments; never expired ones", async () => {
    const user = await createUser(t.services.db);
    const adjustment = await grantCredits(t.services, user.id, 100, { kind: "adjustment" });
    const payg = await grantCredits(t.services, user.id, 100, { kind: "payg" });
    const laterSubscription = await grantCredits(t.services, user.id, 10, {
      kind: "subscription",
      expiresAt: at(20),
    });
    const soonerSubscription = await grantCredits(t.services, user.id, 10, {
      kind: "subscription",
      expiresAt: at(5),
    });
    const expired = await grantCredits(t.services, user.id, 50, {
      kind: "trial",
      expiresAt: at(-1),
    });
    const trial = await grantCredits(t.services, user.id, 5, { kind: "trial" });

    const first = await reserve(user.id, 12);
    expect(first.ok).toBe(true);
    const held = Object.fromEntries((await grantsOf(user.id)).map((g) => [g.id, g.held]));
    expect(held).toEqual({
      [adjustment]: 0,
      [payg]: 0,
      [laterSubscription]: 0,
      [soonerSubscription]: 7,
      [expired]: 0,
      [trial]: 5,
    });

    const second = await reserve(user.id, 120.5);
    expect(second.ok).toBe(true);
    const after = Object.fromEntries(
      (await grantsOf(user.id)).map((g) => [g.id, [g.remaining, g.held]]),
    );
    expect(after).toEqual({
      [trial]: [0, 5],
      [soonerSubscription]: [0, 10],
      [laterSubscription]: [0, 10],
      [payg]: [0, 100],
      [adjustment]: [92.5, 7.5],
      [expired]: [50, 0],
    });
    expect(await availableCredits(t.services, user.id)).toBe(92.5);
    await expectReconciled();
  });

  it("refuses a reservation past the live credits, changing nothing, and says what is available", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 3);
    await grantCredits(t.services, user.id, 100, { kind: "trial", expiresAt: at(-2) });
    expect(await reserve(user.id, 3.001)).toEqual({ ok: false, available: 3000 });
    expect(await availableCredits(t.services, user.id)).toBe(3);
    expect(await reserve(user.id, 3)).toMatchObject({ ok: true });
    expect(await reserve(user.id, 0.001)).toEqual({ ok: false, available: 0 });
    await expectReconciled();
  });

  it("settles at most the held amount once, returning the rest, and a release gives everything back", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 2, { kind: "trial" });
    await grantCredits(t.services, user.id, 10);
    const hold = await reserve(user.id, 5);
    if (!hold.ok) throw new Error("not reserved");
    // A partial charge captures in spend order: the trial's 2, then 1.5 of payg.
    expect(await settle(user.id, hold.holdId, 3.5)).toBe(3500);
    expect(await settleAgain(user.id, hold.holdId, 5)).toBeUndefined();
    expect((await grantsOf(user.id)).map((g) => [g.kind, g.remaining, g.consumed])).toEqual([
      ["trial", 0, 2],
      ["payg", 8.5, 1.5],
    ]);

    const failed = await reserve(user.id, 8.5);
    if (!failed.ok) throw new Error("not reserved");
    expect(await availableCredits(t.services, user.id)).toBe(0);
    expect(await settle(user.id, failed.holdId, null)).toBe(0);
    expect(await settleAgain(user.id, failed.holdId, 1)).toBeUndefined();
    expect(await availableCredits(t.services, user.id)).toBe(8.5);
    // A charge above the hold is clamped to it.
    const over = await reserve(user.id, 1);
    if (!over.ok) throw new Error("not reserved");
    expect(await settle(user.id, over.holdId, 1000)).toBe(1000);
    await expectReconciled();
  });

  it("refunds a settled request once, to the grants it was taken from", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 1, { kind: "trial" });
    await grantCredits(t.services, user.id, 4);
    const requestId = randomUUID();
    const hold = await reserve(user.id, 3, requestId);
    if (!hold.ok) throw new Error("not reserved");
    await settle(user.id, hold.holdId, 3);
    expect(await availableCredits(t.services, user.id)).toBe(2);

    expect(await t.services.credits.refund(requestId, "generation failed")).toBe(3000);
    expect(await t.services.credits.refund(requestId, "generation failed")).toBe(0);
    expect(await t.services.credits.refund(randomUUID(), "unknown request")).toBe(0);
    expect((await grantsOf(user.id)).map((g) => [g.kind, g.remaining, g.consumed])).toEqual([
      ["trial", 1, 0],
      ["payg", 4, 0],
    ]);
    await expectReconciled();
  });

  it("expires what is left of a grant past its date exactly once, however often the job runs", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 7, { kind: "subscription", expiresAt: at(1) });
    await grantCredits(t.services, user.id, 2);
    const hold = await reserve(user.id, 3);
    if (!hold.ok) throw new Error("not reserved");
    clock.set(at(2));
    try {
      expect(await t.services.credits.expireCredits()).toBeGreaterThanOrEqual(1);
      expect(await t.services.credits.expireCredits()).toBe(0);
      expect(
        (await grantsOf(user.id)).map((g) => [g.kind, g.remaining, g.held, g.expired]),
      ).toEqual([
        ["subscription", 0, 3, 4],
        ["payg", 2, 0, 0],
      ]);
      // A hold taken before the expiry is still settled from it, like a card authorisation.
      expect(await settle(user.id, hold.holdId, 3)).toBe(3000);
      expect(await availableCredits(t.services, user.id)).toBe(2);
      const entries = await rowsOf<{ type: string; amount: string }>(
        t.services.db,
        sql`select type, amount::text from credit_entries
            where account_id = ${await t.services.credits.accountIdOf(user.id)} and type = 'expire'`,
      );
      expect(entries).toEqual([{ type: "expire", amount: "-4000" }]);
      await expectReconciled();
    } finally {
      clock.set(at(-2));
    }
  });

  it("releases a hold whose request died once CREDIT_RESERVATION_TTL_S has passed, never earlier", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 5);
    const hold = await reserve(user.id, 5);
    if (!hold.ok) throw new Error("not reserved");
    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + 599_000));
      await t.services.credits.releaseStaleHolds();
      expect(await availableCredits(t.services, user.id)).toBe(0);
      clock.set(new Date(start.getTime() + 600_000));
      expect(await t.services.credits.releaseStaleHolds()).toBeGreaterThanOrEqual(1);
      expect(await availableCredits(t.services, user.id)).toBe(5);
      const [row] = await t.services.db
        .select()
        .from(creditHolds)
        .where(eq(creditHolds.id, hold.holdId));
      expect(row?.status).toBe("released");
      // Its request, had it come back, can no longer charge it.
      expect(await settleAgain(user.id, hold.holdId, 5)).toBeUndefined();
      await expectReconciled();
    } finally {
      clock.set(start);
    }
  });

  it("reserves a batch of requests of one account with the same answers as one by one", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 5);
    // 1 + 3 fit, 4 does not fit next, 1 still does (alone), 1 more does not.
    const outcomes = await Promise.all([1, 3, 4, 1, 1].map((credits) => reserve(user.id, credits)));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, false]);
    expect(await availableCredits(t.services, user.id)).toBe(0);
    await expectReconciled();
  });

  it("makes the journal and the grants agree, entry by entry, and reconcile finds a tampered grant", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 10);
    const hold = await reserve(user.id, 2);
    if (!hold.ok) throw new Error("not reserved");
    await settle(user.id, hold.holdId, 2);
    const accountId = await t.services.credits.accountIdOf(user.id);
    const journal = await rowsOf<{ type: string; amount: string; balance_after: string }>(
      t.services.db,
      sql`select type, amount::text, balance_after::text from credit_entries
          where account_id = ${accountId} order by seq`,
    );
    expect(journal).toEqual([
      { type: "grant", amount: "10000", balance_after: "10000" },
      { type: "reserve", amount: "-2000", balance_after: "8000" },
      { type: "settle", amount: "0", balance_after: "8000" },
    ]);
    await expectReconciled();

    // Credits appearing without a journal entry: what a bug writing counters directly would do.
    await t.services.db.execute(
      sql`update credit_grants set remaining = remaining + 1000, amount = amount + 1000
          where account_id = ${accountId}`,
    );
    const report = await t.services.credits.reconcile();
    expect(report.problems.map((p) => p.kind).sort()).toEqual([
      "account_journal",
      "grant_counters",
    ]);
    await t.services.db.execute(
      sql`update credit_grants set remaining = remaining - 1000, amount = amount - 1000
          where account_id = ${accountId}`,
    );
    await expectReconciled();
  });

  it("keeps the journal append-only: the database refuses to change or delete an entry", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 1);
    const accountId = await t.services.credits.accountIdOf(user.id);
    await expect(
      t.services.db.execute(
        sql`update credit_entries set amount = 5 where account_id = ${accountId}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.services.db.execute(sql`delete from credit_entries where account_id = ${accountId}`),
    ).rejects.toThrow();
  });

  // Last: it leaves a tampered journal behind, which every later reconcile would report.
  it("charges a call that ran without a hold in spend order with one charge entry, refunds it once, and reconcile checks its entries", async () => {
    const user = await createUser(t.services.db);
    await grantCredits(t.services, user.id, 1, { kind: "trial" });
    await grantCredits(t.services, user.id, 4);
    const accountId = await t.services.credits.accountIdOf(user.id);
    const requestId = randomUUID();
    const { reply } = await meter.record({
      log: {
        userId: user.id,
        tokenId: null,
        service: "test.service",
        requestTs: clock.now(),
        durationMs: 1,
        requestBytes: 1,
        status: "success",
        errorCode: null,
        requestId,
        costCents: 0,
      },
      credits: { accountId, holdId: null, held: 0, charge: 3000, optimistic: true },
      reply: (settled) => ({
        status: 200,
        contentType: "application/json",
        headers: {},
        body: JSON.stringify(settled),
      }),
    });
    expect(JSON.parse(reply.body)).toEqual({ credits: 3000, balance: 2000 });
    expect((await grantsOf(user.id)).map((g) => [g.kind, g.remaining, g.held, g.consumed])).toEqual(
      [
        ["trial", 0, 0, 1],
        ["payg", 2, 0, 2],
      ],
    );
    const journal = () =>
      rowsOf<{ type: string; amount: string; balance_after: string }>(
        t.services.db,
        sql`select type, amount::text, balance_after::text from credit_entries
            where account_id = ${accountId} and type not in ('grant') order by seq`,
      );
    expect(await journal()).toEqual([{ type: "charge", amount: "-3000", balance_after: "2000" }]);
    await expectReconciled();

    expect(await t.services.credits.refund(requestId, "generation failed")).toBe(3000);
    expect(await t.services.credits.refund(requestId, "generation failed")).toBe(0);
    expect((await grantsOf(user.id)).map((g) => [g.kind, g.remaining, g.consumed])).toEqual([
      ["trial", 1, 0],
      ["payg", 4, 0],
    ]);
    await expectReconciled();

    // A reserve entry next to the charge: the hold would have been taken twice.
    await t.services.db.execute(
      sql`insert into credit_entries (account_id, hold_id, type, amount, balance_after, request_id)
          select account_id, id, 'reserve', 0, 5000, request_id from credit_holds
          where request_id = ${requestId}::uuid`,
    );
    const report = await t.services.credits.reconcile();
    expect(report.problems.map((p) => p.kind)).toContain("hold_entries");
  });
});
