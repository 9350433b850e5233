import { randomUUID } from "node:crypto";
import { rowsOf } from "../platform/db/rows.js";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { periodTotals, recordTestRequest, recordThroughMeter } from "../../test/factories/usage.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { createRequestMeter, type RequestMeter } from "./batched-metering.js";
import { getOrCreateCurrentBillingPeriod, type RecordRequestInput } from "./metering.js";
import { requestLogs } from "./request-logs.table.js";

describe("batched metering", () => {
  let database: TestDatabase;
  let meter: RequestMeter;
  beforeAll(async () => {
    database = await createTestDatabase();
    meter = createRequestMeter(database);
  });
  afterAll(async () => database.close());

  function request(userId: string, overrides: Partial<RecordRequestInput> = {}) {
    return {
      userId,
      tokenId: null,
      service: "core.image_solve",
      requestTs: new Date("2025-03-10T12:00:00Z"),
      durationMs: 7,
      requestBytes: 531,
      responseBytes: 120,
      status: "success" as const,
      errorCode: null,
      requestId: randomUUID(),
      costCents: 100,
      ...overrides,
    } satisfies RecordRequestInput;
  }

  /** How many transactions wrote the user's logs (rows written together share their xmin). */
  async function writingTransactions(userId: string): Promise<number> {
    const [row] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(distinct xmin::text)::int as n from request_logs where user_id = ${userId}`,
    );
    return row?.n ?? 0;
  }

  it("records requests that finish together in one statement, each logged and charged", async () => {
    const user = await createUser(database.db);
    const period = await getOrCreateCurrentBillingPeriod(
      database.db,
      user.id,
      new Date("2025-03-01T00:00:00Z"),
    );
    const inputs = Array.from({ length: 20 }, (_, i) =>
      request(
        user.id,
        i % 4 === 0
          ? { status: "error", errorCode: "openai_timeout", costCents: 0 }
          : { costCents: 10 + i },
      ),
    );
    const results = await Promise.all(inputs.map((input) => recordThroughMeter(meter, input)));

    expect(await writingTransactions(user.id)).toBe(1);
    const charged = inputs.filter((input) => input.status === "success");
    expect(await periodTotals(database.db, user.id)).toEqual([
      ["2025-03-01", true, charged.length, charged.reduce((sum, i) => sum + i.costCents, 0)],
    ]);
    const logs = await database.db
      .select()
      .from(requestLogs)
      .where(eq(requestLogs.userId, user.id));
    expect(logs).toHaveLength(20);
    for (const [i, input] of inputs.entries()) {
      const log = logs.find((row) => row.requestId === input.requestId);
      expect(log).toMatchObject({
        id: results[i]?.requestLogId,
        billingPeriodId: period.id,
        status: input.status,
        errorCode: input.errorCode,
        costCents: input.status === "success" ? input.costCents : 0,
        requestBytes: 531,
        responseBytes: 120,
        durationMs: 7,
      });
      expect(results[i]?.billingPeriodId).toBe(period.id);
      expect(log?.requestTs.toISOString()).toBe("2025-03-10T12:00:00.000Z");
    }
  });

  it("creates the periods a batch needs and moves is_current across a month boundary", async () => {
    const user = await createUser(database.db);
    const inputs = Array.from({ length: 30 }, (_, i) =>
      request(user.id, {
        requestTs: new Date(i % 3 === 0 ? "2025-04-30T23:59:59.999Z" : "2025-05-01T00:00:00Z"),
        costCents: 5,
      }),
    );
    await Promise.all(inputs.map((input) => recordThroughMeter(meter, input)));
    // A later batch, now that both periods exist, goes through the one-statement path.
    await Promise.all(
      [request(user.id, { requestTs: new Date("2025-05-02T00:00:00Z"), costCents: 5 })].map(
        (input) => recordThroughMeter(meter, input),
      ),
    );
    // The first batch found no period, created both, and wrote its 30 logs in one statement.
    expect(await writingTransactions(user.id)).toBe(2);
    expect(await periodTotals(database.db, user.id)).toEqual([
      ["2025-04-01", false, 10, 50],
      ["2025-05-01", true, 21, 105],
    ]);
  });

  it("refuses a replayed request id alone and charges the rest of its batch once", async () => {
    const user = await createUser(database.db);
    const replayed = randomUUID();
    await recordTestRequest(database.db, {
      userId: user.id,
      requestTs: new Date("2025-03-02T00:00:00Z"),
      requestId: replayed,
    });
    const others = Array.from({ length: 5 }, () => request(user.id));
    const outcomes = await Promise.allSettled([
      ...others.map((input) => recordThroughMeter(meter, input)),
      recordThroughMeter(meter, request(user.id, { requestId: replayed })),
    ]);

    expect(outcomes.slice(0, 5).map((o) => o.status)).toEqual(Array(5).fill("fulfilled"));
    const refused = outcomes[5];
    expect(refused?.status === "rejected" && isUniqueViolation(refused.reason)).toBe(true);
    expect(await periodTotals(database.db, user.id)).toEqual([["2025-03-01", true, 6, 600]]);
  });

  it("says when a batch is refused, and takes a log it wrote itself (its reply lost) as its own", async () => {
    // What a batch that committed without its reply reaching us (a dropped connection) leaves:
    // the first statement that logs requests commits, then its reply is lost.
    let dropped = false;
    const flaky = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property !== "execute") return Reflect.get(target, property, receiver) as unknown;
        return async (query: Parameters<typeof target.execute>[0]) => {
          const result = await target.execute(query);
          const text = JSON.stringify(query);
          if (!dropped && text.includes("insert into request_logs")) {
            dropped = true;
            throw new Error("Connection terminated unexpectedly");
          }
          return result;
        };
      },
    });
    const refusals: unknown[] = [];
    const own = createRequestMeter(
      { db: flaky, script: (s) => database.script(s) },
      { onBatchRefused: (error) => refusals.push(error) },
    );
    const user = await createUser(database.db);
    const [first, second] = await Promise.all([
      recordThroughMeter(own, request(user.id)),
      recordThroughMeter(own, request(user.id)),
    ]);

    expect(dropped).toBe(true);
    expect(refusals).toHaveLength(1);
    expect(first.billingPeriodId).toBe(second.billingPeriodId);
    expect(first.requestLogId).not.toBe(second.requestLogId);
    // Charged once each, although each was written twice over.
    expect(await periodTotals(database.db, user.id)).toEqual([["2025-03-01", true, 2, 200]]);
  });

  it("never takes another request's log for its own, even one with the same id, user and time", async () => {
    const user = await createUser(database.db);
    const input = request(user.id);
    await recordTestRequest(database.db, input);
    const outcome = await recordThroughMeter(meter, input).catch((error: unknown) => error);
    expect(isUniqueViolation(outcome)).toBe(true);
    expect(await periodTotals(database.db, user.id)).toEqual([["2025-03-01", true, 1, 100]]);
  });

  it("refuses a negative or fractional cost without holding up the others", async () => {
    const user = await createUser(database.db);
    const [negative, ...outcomes] = await Promise.allSettled([
      recordThroughMeter(meter, request(user.id, { costCents: -1 })),
      recordThroughMeter(meter, request(user.id, { costCents: 1.5 })),
      recordThroughMeter(meter, request(user.id, { costCents: 100 })),
    ]);
    expect(negative.status === "rejected" && negative.reason).toBeInstanceOf(RangeError);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "fulfilled"]);
    expect(await periodTotals(database.db, user.id)).toEqual([["2025-03-01", true, 1, 100]]);
  });
});
