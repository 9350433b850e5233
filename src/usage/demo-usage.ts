import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { billingPeriods } from "./billing-periods.table.js";
import { ensureBillingPeriod, monthBounds, recordRequest } from "./metering.js";
import { requestIdIsLogged } from "./request-logs.queries.js";
import type { RequestStatus } from "./request-logs.table.js";

/** The calls the demo user "made" last month: day of the month (UTC) and how each ended. */
const DEMO_CALLS: readonly { day: number; status: RequestStatus; errorCode: string | null }[] = [
  { day: 3, status: "success", errorCode: null },
  { day: 9, status: "success", errorCode: null },
  { day: 14, status: "error", errorCode: "openai_timeout" },
  { day: 21, status: "success", errorCode: null },
];

export interface DemoUsageInput {
  readonly userId: string;
  readonly tokenId: string | null;
  /** e.g. "core.image_solve". */
  readonly service: string;
  /** The current price, in cents: what those calls would have been charged. */
  readonly costPerRequestCents: number;
  readonly now: Date;
}

/**
 * The n-th demo request id, derived from the user's id: a re-run, even months later, finds the
 * demo's logs instead of adding more, and two runs at once collide on the log's unique index.
 * Laid out as a UUIDv8 (RFC 9562: custom content).
 */
function demoRequestId(userId: string, n: number): string {
  const bytes = createHash("sha256").update(`tollgate demo request ${userId} ${n}`).digest();
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x80, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Gives the demo user a month that has ended: last month's period, pending, with a few requests
 * (one failed) logged through the real metering, so totals reconcile, and staff can try the
 * payment actions, which refuse a month still running. Done once per demo user, and never when
 * the user already has a period for last month: it holds real usage, or staff may have settled
 * it (paid is final). Returns the period's id when it was seeded now.
 */
export async function seedDemoUsage(db: Db, input: DemoUsageInput): Promise<string | null> {
  const { userId, now } = input;
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const { periodStart } = monthBounds(lastMonth);
  if (await requestIdIsLogged(db, demoRequestId(userId, 0))) return null;
  const [existing] = await db
    .select({ id: billingPeriods.id })
    .from(billingPeriods)
    .where(and(eq(billingPeriods.userId, userId), eq(billingPeriods.periodStart, periodStart)));
  if (existing !== undefined) return null;
  // This month's period first: a period is made current when no newer one exists.
  await ensureBillingPeriod(db, userId, now);
  try {
    return await db.transaction(async (tx) => {
      let periodId: string | null = null;
      for (const [n, call] of DEMO_CALLS.entries()) {
        const recorded = await recordRequest(tx, {
          userId,
          tokenId: input.tokenId,
          service: input.service,
          requestTs: new Date(
            Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth(), call.day, 10 + n),
          ),
          durationMs: call.status === "success" ? 700 + 90 * n : 30_000,
          requestBytes: 48_000 + 1_000 * n,
          responseBytes: call.status === "success" ? 150 : 260,
          status: call.status,
          errorCode: call.errorCode,
          requestId: demoRequestId(userId, n),
          costCents: input.costPerRequestCents,
        });
        periodId = recorded.billingPeriodId;
      }
      return periodId;
    });
  } catch (error) {
    // Another bootstrap-demo logged the same requests first.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
