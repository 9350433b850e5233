import { sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import {
  checkedCost,
  ensureBillingPeriod,
  monthBounds,
  recordRequest,
  rowsOf,
  type RecordedRequest,
  type RecordRequestInput,
} from "./metering.js";

/**
 * Group commit for the metering hot path. Every successful request of a user adds to the same
 * billing-period row, so one statement per request queues all of that user's requests on the
 * row lock, each held until its own commit (docs/performance.md). The meter instead records
 * whatever requests finished while the previous batch was being written in one statement: one
 * row update per (user, month) and one commit for the whole batch. Each caller still waits for
 * the commit that holds its own log, so a reply is never sent before its charge is durable.
 *
 * The invariants of `recordRequest` hold batch by batch, because a batch is one statement:
 * the logs and the totals they add are written together or not at all.
 */
export interface RequestMeter {
  /** Logs the request and charges it (success only), as `recordRequest` does. */
  record(input: RecordRequestInput): Promise<RecordedRequest>;
}

interface Pending {
  readonly input: RecordRequestInput;
  readonly costCents: number;
  readonly periodStart: string;
  readonly resolve: (recorded: RecordedRequest) => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many requests in one statement (keeps the JSON parameter small). */
export const MAX_BATCH = 500;

export interface RequestMeterOptions {
  /** Told when a batch statement is refused as a whole (its entries then go one by one). */
  readonly onBatchRefused?: (error: unknown) => void;
}

/**
 * Writes batches one at a time: requests that finish while a batch is in flight wait for the
 * next one, so batches grow with the load and no two batches of this process contend for the
 * same period row.
 */
export function createRequestMeter(db: DbOrTx, options: RequestMeterOptions = {}): RequestMeter {
  const queue: Pending[] = [];
  let writing = false;

  const writeNext = async (): Promise<void> => {
    writing = true;
    try {
      while (queue.length > 0) await writeBatch(db, queue.splice(0, MAX_BATCH), options);
    } finally {
      writing = false;
    }
  };

  return {
    record(input) {
      return new Promise<RecordedRequest>((resolve, reject) => {
        const costCents = checkedCost(input);
        const { periodStart } = monthBounds(input.requestTs);
        queue.push({ input, costCents, periodStart, resolve, reject });
        // writeBatch settles every entry itself and never throws.
        if (!writing) setImmediate(() => void (writing ? undefined : writeNext()));
      });
    },
  };
}

/**
 * Records a batch in one statement. Entries whose period does not exist yet (the first requests
 * of a user in a month) get their periods created and go in a second statement. Every entry of a
 * statement that was refused (a replayed request_id, a deadlock with another instance) is
 * recorded one by one with `recordRequest`, so each caller gets its own outcome.
 */
async function writeBatch(
  db: DbOrTx,
  batch: Pending[],
  options: RequestMeterOptions,
): Promise<void> {
  const first = await tryInsertBatch(db, batch, options);
  const recorded = first ?? new Map<string, RecordedRequest>();
  const withoutPeriod = first === undefined ? [] : batch.filter((e) => !recorded.has(keyOf(e)));
  if (withoutPeriod.length > 0) {
    const months = new Map(withoutPeriod.map((e) => [`${e.input.userId}/${e.periodStart}`, e]));
    const created = await Promise.allSettled(
      [...months.values()].map((e) => ensureBillingPeriod(db, e.input.userId, e.input.requestTs)),
    );
    if (created.every((outcome) => outcome.status === "fulfilled")) {
      for (const [key, row] of (await tryInsertBatch(db, withoutPeriod, options)) ?? []) {
        recorded.set(key, row);
      }
    }
  }
  const singles: Promise<void>[] = [];
  for (const entry of batch) {
    const row = recorded.get(keyOf(entry));
    if (row !== undefined) {
      entry.resolve(row);
    } else {
      singles.push(recordAlone(db, entry));
    }
  }
  await Promise.all(singles);
}

/** Request ids as Postgres prints them. */
function keyOf(entry: Pending): string {
  return entry.input.requestId.toLowerCase();
}

/** The logged entries by request id, or undefined when the statement failed as a whole. */
async function tryInsertBatch(
  db: DbOrTx,
  batch: Pending[],
  options: RequestMeterOptions,
): Promise<Map<string, RecordedRequest> | undefined> {
  try {
    return await insertBatch(db, batch);
  } catch (error) {
    options.onBatchRefused?.(error);
    return undefined;
  }
}

/**
 * `recordRequest` for one entry. A unique violation usually means a replayed request id, but it
 * is also what a batch that committed without its reply reaching us (a dropped connection) looks
 * like: a log with this id, user and time is then this entry's own, and already charged.
 */
async function recordAlone(db: DbOrTx, entry: Pending): Promise<void> {
  try {
    entry.resolve(await recordRequest(db, entry.input));
  } catch (error) {
    const own = isUniqueViolation(error)
      ? await findOwnLog(db, entry.input).catch(() => undefined)
      : undefined;
    if (own === undefined) entry.reject(error);
    else entry.resolve(own);
  }
}

async function findOwnLog(
  db: DbOrTx,
  input: RecordRequestInput,
): Promise<RecordedRequest | undefined> {
  const [row] = await rowsOf<RecordedRequest>(
    db,
    sql`select id as "requestLogId", billing_period_id as "billingPeriodId" from request_logs
        where request_id = ${input.requestId}::uuid and user_id = ${input.userId}::uuid
          and request_ts = ${input.requestTs.toISOString()}::timestamptz`,
  );
  return row;
}

/**
 * The whole batch in one statement: lock the existing periods the batch touches (in id order, so
 * two instances' batches cannot deadlock on each other), add each period's successful requests
 * and their costs to its totals, and insert the logs linked to their period. Entries without a
 * period are neither logged nor charged here.
 */
async function insertBatch(db: DbOrTx, batch: Pending[]): Promise<Map<string, RecordedRequest>> {
  const rows = JSON.stringify(
    batch.map(({ input, costCents, periodStart }) => ({
      user_id: input.userId,
      token_id: input.tokenId,
      service: input.service,
      request_ts: input.requestTs.toISOString(),
      duration_ms: input.durationMs,
      request_bytes: input.requestBytes,
      response_bytes: input.responseBytes,
      status: input.status,
      error_code: input.errorCode,
      request_id: input.requestId,
      cost_cents: costCents,
      period_start: periodStart,
    })),
  );
  const logged = await rowsOf<RecordedRequest & { requestId: string }>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${rows}::jsonb) as x(
            user_id uuid, token_id uuid, service text, request_ts timestamptz, duration_ms int,
            request_bytes int, response_bytes int, status request_status, error_code text,
            request_id uuid, cost_cents bigint, period_start date)
        ),
        periods as (
          select bp.id, bp.user_id, bp.period_start from billing_periods bp
          where (bp.user_id, bp.period_start) in (select user_id, period_start from input)
          order by bp.id
          for update
        ),
        charges as (
          select p.id, count(*)::int as requests, sum(i.cost_cents)::bigint as cost_cents
          from input i join periods p using (user_id, period_start)
          where i.status = 'success'
          group by p.id
        ),
        charged as (
          update billing_periods bp
          set total_requests = bp.total_requests + c.requests,
              total_cost_cents = bp.total_cost_cents + c.cost_cents
          from charges c where bp.id = c.id
        )
        insert into request_logs (user_id, token_id, billing_period_id, service, request_ts,
          duration_ms, request_bytes, response_bytes, status, error_code, request_id, cost_cents)
        select i.user_id, i.token_id, p.id, i.service, i.request_ts, i.duration_ms,
          i.request_bytes, i.response_bytes, i.status, i.error_code, i.request_id, i.cost_cents
        from input i join periods p using (user_id, period_start)
        returning request_id::text as "requestId", id as "requestLogId",
          billing_period_id as "billingPeriodId"`,
  );
  return new Map(
    logged.map(({ requestId, requestLogId, billingPeriodId }) => [
      requestId,
      { requestLogId, billingPeriodId },
    ]),
  );
}
