import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../src/platform/db/database.js";
import type { RequestMeter } from "../../src/usage/batched-metering.js";
import { billingPeriods, type BillingPeriod } from "../../src/usage/billing-periods.table.js";
import {
  monthBounds,
  recordRequest,
  type RecordRequestInput,
  type RecordedRequest,
} from "../../src/usage/metering.js";

/**
 * Records a metered request through the real metering path (so totals stay reconciled):
 * a successful 100-cent "core.image_solve" call unless told otherwise.
 */
export async function recordTestRequest(
  db: DbOrTx,
  overrides: Partial<RecordRequestInput> & { userId: string; requestTs: Date },
): Promise<RecordedRequest> {
  return db.transaction((tx) =>
    recordRequest(tx, {
      tokenId: null,
      service: "core.image_solve",
      durationMs: 120,
      requestBytes: 2048,
      responseBytes: 64,
      status: "success",
      errorCode: null,
      requestId: randomUUID(),
      costCents: 100,
      ...overrides,
    }),
  );
}

/**
 * Inserts a billing period row directly (for payment-status and listing tests); totals are
 * whatever the test says, so such rows need not reconcile. Not current unless told otherwise.
 */
export async function createBillingPeriod(
  db: DbOrTx,
  overrides: Partial<typeof billingPeriods.$inferInsert> & { userId: string; month?: string },
): Promise<BillingPeriod> {
  const { month = "2025-01", ...values } = overrides;
  const bounds = monthBounds(new Date(`${month}-01T00:00:00Z`));
  const [period] = await db
    .insert(billingPeriods)
    .values({ ...bounds, isCurrent: false, ...values })
    .returning();
  return period!;
}

/** The user's periods, oldest first: [period_start, is_current, total_requests, total_cost_cents]. */
export async function periodTotals(db: DbOrTx, userId: string) {
  const periods = await db
    .select()
    .from(billingPeriods)
    .where(eq(billingPeriods.userId, userId))
    .orderBy(billingPeriods.periodStart);
  return periods.map((p) => [p.periodStart, p.isCurrent, p.totalRequests, p.totalCostCents]);
}

/**
 * Records a plain log through a meter (no credits, no idempotency key), with a reply body of
 * exactly `responseBytes` bytes; resolves to what the meter recorded.
 */
export async function recordThroughMeter(
  meter: RequestMeter,
  input: RecordRequestInput,
): Promise<RecordedRequest> {
  const { responseBytes, creditsChargedMilli: _charged, ...log } = input;
  const outcome = await meter.record({
    log,
    reply: () => ({
      status: 200,
      contentType: "application/json",
      headers: {},
      body: "x".repeat(responseBytes),
    }),
  });
  return outcome.recorded;
}
