import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { recordTestRequest } from "../../test/factories/usage.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { billingPeriods } from "./billing-periods.table.js";
import { getOrCreateCurrentBillingPeriod, monthBounds, recordRequest } from "./metering.js";
import { requestLogs } from "./request-logs.table.js";

describe("metering", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  async function periodsOf(userId: string) {
    return database.db
      .select()
      .from(billingPeriods)
      .where(eq(billingPeriods.userId, userId))
      .orderBy(billingPeriods.periodStart);
  }

  it("computes UTC calendar month bounds, leap years and December included", () => {
    expect(monthBounds(new Date("2024-02-10T12:00:00Z"))).toEqual({
      periodStart: "2024-02-01",
      periodEnd: "2024-02-29",
    });
    expect(monthBounds(new Date("2025-02-28T23:59:59.999Z"))).toEqual({
      periodStart: "2025-02-01",
      periodEnd: "2025-02-28",
    });
    expect(monthBounds(new Date("2025-12-31T23:59:59.999Z"))).toEqual({
      periodStart: "2025-12-01",
      periodEnd: "2025-12-31",
    });
    // 23:30 on Jan 31 in New York is already February in UTC.
    expect(monthBounds(new Date("2025-01-31T23:30:00-05:00")).periodStart).toBe("2025-02-01");
  });

  it("creates the current period once and returns the same row afterwards", async () => {
    const user = await createUser(database.db);
    const now = new Date("2025-03-15T10:00:00Z");
    const first = await getOrCreateCurrentBillingPeriod(database.db, user.id, now);
    const second = await getOrCreateCurrentBillingPeriod(database.db, user.id, now);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({
      userId: user.id,
      periodStart: "2025-03-01",
      periodEnd: "2025-03-31",
      totalRequests: 0,
      totalCostCents: 0,
      isCurrent: true,
      paymentStatus: "pending",
    });
  });

  it("links a successful request to its month's period and adds it to the totals", async () => {
    const user = await createUser(database.db);
    const a = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-03-02T08:00:00Z"),
      costCents: 150,
    });
    const b = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-03-31T23:59:59.999Z"),
      costCents: 250,
    });
    expect(b.billingPeriodId).toBe(a.billingPeriodId);
    const [period] = await periodsOf(user.id);
    expect(period).toMatchObject({ id: a.billingPeriodId, totalRequests: 2, totalCostCents: 400 });
    const [log] = await database.db
      .select()
      .from(requestLogs)
      .where(eq(requestLogs.id, a.requestLogId));
    expect(log).toMatchObject({
      userId: user.id,
      billingPeriodId: a.billingPeriodId,
      status: "success",
      costCents: 150,
      service: "core.image_solve",
    });
    expect(log?.requestTs.toISOString()).toBe("2025-03-02T08:00:00.000Z");
  });

  it("logs a failed request with cost 0 and does not charge it", async () => {
    const user = await createUser(database.db);
    await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-03-02T08:00:00Z"),
    });
    const failed = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-03-02T09:00:00Z"),
      status: "error",
      errorCode: "openai_timeout",
      costCents: 100,
    });
    const [period] = await periodsOf(user.id);
    expect(period).toMatchObject({ totalRequests: 1, totalCostCents: 100 });
    const [log] = await database.db
      .select()
      .from(requestLogs)
      .where(eq(requestLogs.id, failed.requestLogId));
    expect(log).toMatchObject({
      status: "error",
      errorCode: "openai_timeout",
      costCents: 0,
      billingPeriodId: period?.id,
    });
  });

  it("logs a failed first request of a month by creating the period without charging", async () => {
    const user = await createUser(database.db);
    const failed = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-05-01T00:00:00Z"),
      status: "error",
      errorCode: "openai_error",
    });
    const periods = await periodsOf(user.id);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      id: failed.billingPeriodId,
      periodStart: "2025-05-01",
      totalRequests: 0,
      totalCostCents: 0,
      isCurrent: true,
    });
  });

  it("moves is_current to the new month at the boundary", async () => {
    const user = await createUser(database.db);
    const january = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-01-31T23:59:59.999Z"),
    });
    const february = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-02-01T00:00:00.000Z"),
    });
    expect(february.billingPeriodId).not.toBe(january.billingPeriodId);
    const periods = await periodsOf(user.id);
    expect(periods.map((p) => [p.periodStart, p.periodEnd, p.isCurrent, p.totalRequests])).toEqual([
      ["2025-01-01", "2025-01-31", false, 1],
      ["2025-02-01", "2025-02-28", true, 1],
    ]);
  });

  it("keeps is_current on the newer period when a late request for last month arrives", async () => {
    const user = await createUser(database.db);
    await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-07-01T00:00:01Z"),
    });
    // The June period did not exist yet: it is created, but not made current.
    const late = await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-06-30T23:59:59Z"),
    });
    const periods = await periodsOf(user.id);
    expect(periods.map((p) => [p.periodStart, p.isCurrent, p.totalRequests])).toEqual([
      ["2025-06-01", false, 1],
      ["2025-07-01", true, 1],
    ]);
    expect(late.billingPeriodId).toBe(periods[0]?.id);
    // And getOrCreate for the old month does not steal it either.
    const june = await getOrCreateCurrentBillingPeriod(
      database.db,
      user.id,
      new Date("2025-06-15T00:00:00Z"),
    );
    expect(june.isCurrent).toBe(false);
  });

  it("never charges a request id twice", async () => {
    const user = await createUser(database.db);
    const requestId = randomUUID();
    const ts = new Date("2025-03-02T08:00:00Z");
    await recordTestRequest(database.db, { userId: user.id, requestTs: ts, requestId });
    await expect(
      recordTestRequest(database.db, { userId: user.id, requestTs: ts, requestId }),
    ).rejects.toThrow();
    const [period] = await periodsOf(user.id);
    expect(period).toMatchObject({ totalRequests: 1, totalCostCents: 100 });
  });

  it("refuses a negative or fractional cost", async () => {
    const user = await createUser(database.db);
    const input = {
      userId: user.id,
      tokenId: null,
      service: "core.image_solve",
      requestTs: new Date("2025-03-02T08:00:00Z"),
      durationMs: 1,
      requestBytes: 1,
      responseBytes: 1,
      status: "success" as const,
      errorCode: null,
      requestId: randomUUID(),
    };
    await expect(recordRequest(database.db, { ...input, costCents: -1 })).rejects.toThrow(
      RangeError,
    );
    await expect(recordRequest(database.db, { ...input, costCents: 1.5 })).rejects.toThrow(
      RangeError,
    );
  });

  it("rolls back the log, the charge and a period it created when the caller's transaction fails", async () => {
    const newcomer = await createUser(database.db);
    const regular = await createUser(database.db);
    const at = new Date("2025-03-10T00:00:00Z");
    const existing = await recordTestRequest(database.db, { userId: regular.id, requestTs: at });
    const requestIds = [randomUUID(), randomUUID()];
    const failure = new Error("a later write of the request failed");

    const outcome = database.db.transaction(async (tx) => {
      for (const [i, userId] of [newcomer.id, regular.id].entries()) {
        await recordRequest(tx, {
          userId,
          tokenId: null,
          service: "core.image_solve",
          requestTs: at,
          durationMs: 1,
          requestBytes: 1,
          responseBytes: 1,
          status: "success",
          errorCode: null,
          requestId: requestIds[i]!,
          costCents: 100,
        });
      }
      throw failure;
    });
    await expect(outcome).rejects.toBe(failure);

    expect(await periodsOf(newcomer.id)).toEqual([]);
    const [period] = await periodsOf(regular.id);
    expect(period).toMatchObject({
      id: existing.billingPeriodId,
      totalRequests: 1,
      totalCostCents: 100,
    });
    const logs = await database.db
      .select()
      .from(requestLogs)
      .where(inArray(requestLogs.requestId, requestIds));
    expect(logs).toEqual([]);
  });

  it("counts every request when many of one user arrive together across a month boundary", async () => {
    const user = await createUser(database.db);
    const times = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? new Date("2025-08-31T23:59:59Z") : new Date("2025-09-01T00:00:00Z"),
    );
    await Promise.all(
      times.map((requestTs) => recordTestRequest(database.db, { userId: user.id, requestTs })),
    );
    const periods = await periodsOf(user.id);
    expect(periods.map((p) => [p.periodStart, p.isCurrent, p.totalRequests])).toEqual([
      ["2025-08-01", false, 20],
      ["2025-09-01", true, 20],
    ]);
  });
});
