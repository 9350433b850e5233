import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "../platform/db/rows.js";
import type { DbOrTx } from "../platform/db/database.js";
import { billingPeriods, type BillingPeriod } from "./billing-periods.table.js";
import type { RequestStatus } from "./request-logs.table.js";

/**
 * Metering: the hot path every metered endpoint calls inside its own transaction.
 *
 * Invariants (checked by the `reconcile` command):
 * - a period's total_requests / total_cost_cents equal the count / sum of cost_cents of its
 *   successful request logs; failed requests are logged with cost 0 and never counted;
 * - totals change only through one atomic `SET total = total + $n` statement;
 * - at most one period per (user, month) and at most one `is_current` period per user, and the
 *   current one is the user's newest period.
 */

export interface RecordRequestInput {
  userId: string;
  tokenId: string | null;
  /** e.g. "core.image_solve". */
  service: string;
  requestTs: Date;
  durationMs: number;
  requestBytes: number;
  responseBytes: number;
  status: RequestStatus;
  errorCode: string | null;
  /** The request's X-Request-ID; unique, so a request is never charged twice. */
  requestId: string;
  /** Price charged, in cents; forced to 0 when status is "error". */
  costCents: number;
  /** Credits charged, in millicredits (the hold's settlement); 0 when omitted. */
  creditsChargedMilli?: number;
  /** Tokens the service reported (tokens_per_month); null or omitted when it reports none. */
  tokensUsed?: number | null;
}

export interface RecordedRequest {
  requestLogId: string;
  billingPeriodId: string;
}

/** The UTC calendar month containing `at`, as inclusive 'YYYY-MM-DD' bounds. */
export function monthBounds(at: Date): { periodStart: string; periodEnd: string } {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const mm = String(month + 1).padStart(2, "0");
  const yyyy = String(year).padStart(4, "0");
  return {
    periodStart: `${yyyy}-${mm}-01`,
    periodEnd: `${yyyy}-${mm}-${String(lastDay).padStart(2, "0")}`,
  };
}

/**
 * Serializes the creation of a user's periods (and the move of `is_current`) for the rest of the
 * transaction. Only the slow path takes it: once per user and month, or for a late request.
 * An advisory lock, not a row lock on `users`, so it never blocks the FK checks of the hot path.
 */
async function lockUserPeriods(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`tollgate.billing_periods:${userId}`}, 0))`,
  );
}

async function findPeriod(
  db: DbOrTx,
  userId: string,
  periodStart: string,
): Promise<BillingPeriod | undefined> {
  const [row] = await db
    .select()
    .from(billingPeriods)
    .where(and(eq(billingPeriods.userId, userId), eq(billingPeriods.periodStart, periodStart)));
  return row;
}

/**
 * Returns the user's period for the UTC month of `at`, creating it when missing; `created` says
 * whether this call made it. Safe under concurrency and for out-of-order months:
 * - creation is serialized per user (advisory lock), so concurrent callers at a month boundary
 *   wait for the first one and then find its row: no duplicates, no unique violations;
 * - the row is inserted with is_current = false, then the older current period is cleared, then
 *   the new one is set current only when no newer period exists — so the partial unique index
 *   "one current period per user" is never violated mid-way, and a late request for last month
 *   never takes `is_current` back from this month.
 * Runs in a nested transaction (a savepoint when `db` is already a transaction).
 */
export async function ensureBillingPeriod(
  db: DbOrTx,
  userId: string,
  at: Date,
): Promise<{ period: BillingPeriod; created: boolean }> {
  const { periodStart, periodEnd } = monthBounds(at);
  const existing = await findPeriod(db, userId, periodStart);
  if (existing !== undefined) return { period: existing, created: false };

  return db.transaction(async (tx) => {
    await lockUserPeriods(tx, userId);
    const inserted = await tx
      .insert(billingPeriods)
      .values({ userId, periodStart, periodEnd, isCurrent: false })
      .onConflictDoNothing({ target: [billingPeriods.userId, billingPeriods.periodStart] })
      .returning({ id: billingPeriods.id });
    const created = inserted.length > 0;
    if (created) {
      await tx.execute(sql`
        update billing_periods set is_current = false
        where user_id = ${userId} and is_current and period_start < ${periodStart}`);
      await tx.execute(sql`
        update billing_periods set is_current = true
        where user_id = ${userId} and period_start = ${periodStart}
          and not exists (
            select 1 from billing_periods newer
            where newer.user_id = ${userId} and newer.period_start > ${periodStart})`);
    }
    const period = await findPeriod(tx, userId, periodStart);
    if (period === undefined) throw new Error("billing period missing after insert");
    return { period, created };
  });
}

/** The user's billing period for the UTC month of `now`, created (and made current) if missing. */
export async function getOrCreateCurrentBillingPeriod(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<BillingPeriod> {
  return (await ensureBillingPeriod(db, userId, now)).period;
}

/**
 * One statement in the common case: charges the period (success) or finds it (error) and inserts
 * the log linked to it. Returns nothing when the period does not exist yet.
 */
async function chargeAndLog(
  tx: DbOrTx,
  input: RecordRequestInput,
  periodStart: string,
  costCents: number,
): Promise<RecordedRequest | undefined> {
  const period =
    input.status === "success"
      ? sql`update billing_periods
            set total_requests = total_requests + 1,
                total_cost_cents = total_cost_cents + ${costCents}
            where user_id = ${input.userId} and period_start = ${periodStart}
            returning id`
      : sql`select id from billing_periods
            where user_id = ${input.userId} and period_start = ${periodStart}`;
  const [row] = await rowsOf<RecordedRequest>(
    tx,
    sql`with period as (${period})
        insert into request_logs (user_id, token_id, billing_period_id, service, request_ts,
          duration_ms, request_bytes, response_bytes, status, error_code, request_id, cost_cents,
          credits_charged_milli, tokens_used)
        select ${input.userId}::uuid, ${input.tokenId}::uuid, period.id, ${input.service}::text,
          ${input.requestTs.toISOString()}::timestamptz, ${input.durationMs}::int,
          ${input.requestBytes}::int, ${input.responseBytes}::int,
          ${input.status}::request_status, ${input.errorCode}::text, ${input.requestId}::uuid,
          ${costCents}::bigint, ${input.creditsChargedMilli ?? 0}::bigint,
          ${input.tokensUsed ?? null}::int
        from period
        returning id as "requestLogId", billing_period_id as "billingPeriodId"`,
  );
  return row;
}

/** The cents a request is charged: its price on success, 0 on error; a bad price is a bug. */
export function checkedCost(input: Pick<RecordRequestInput, "costCents" | "status">): number {
  if (!Number.isSafeInteger(input.costCents) || input.costCents < 0) {
    throw new RangeError(`costCents must be a whole number of cents >= 0, got ${input.costCents}`);
  }
  return input.status === "success" ? input.costCents : 0;
}

/**
 * Logs one metered request against the period of its UTC month and, for a success, adds it to
 * that period's totals atomically. Call it inside the transaction that does the rest of the
 * request's billing writes; with a plain `db` it is still exact, because the charge and the log
 * are one statement (a CTE) and period creation runs in its own transaction. A duplicate `requestId` raises a unique violation (never charged
 * twice); the caller's transaction then rolls back.
 */
export async function recordRequest(
  tx: DbOrTx,
  input: RecordRequestInput,
): Promise<RecordedRequest> {
  const costCents = checkedCost(input);
  const { periodStart } = monthBounds(input.requestTs);
  const recorded = await chargeAndLog(tx, input, periodStart, costCents);
  if (recorded !== undefined) return recorded;
  await ensureBillingPeriod(tx, input.userId, input.requestTs);
  const retried = await chargeAndLog(tx, input, periodStart, costCents);
  if (retried === undefined) throw new Error("billing period missing after creation");
  return retried;
}
