import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Millicredits } from "../credits/credit-amounts.js";
import {
  admittedOf,
  chargeHoldsQuery,
  lockAccountsQuery,
  readAvailable,
  reserveHolds,
  reserveHoldsQuery,
  resolveHolds,
  resolveHoldsQuery,
  type HoldRequest,
  type HoldResolution,
} from "../credits/ledger.queries.js";
import {
  createOptimisticAdmission,
  type OptimisticAdmission,
} from "../credits/optimistic-admission.js";
import type { Reservation, ReservationRequest } from "../credits/reservations.js";
import type { Database, DbOrTx } from "../platform/db/database.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { createGroupCommit, type Waiting } from "../platform/db/group-commit.js";
import { rowsOf } from "../platform/db/rows.js";
import {
  completeIdempotencyKeys,
  completeIdempotencyKeysQuery,
  type KeyCompletion,
} from "../platform/idempotency/idempotency.queries.js";
import {
  checkedCost,
  ensureBillingPeriod,
  monthBounds,
  type RecordedRequest,
  type RecordRequestInput,
} from "./metering.js";

/**
 * Group commit for the metering hot path. Every successful request of a user adds to the same
 * billing-period row, so one statement per request queues all of that user's requests on the
 * row lock, each held until its own commit (docs/performance.md). The meter instead records
 * whatever requests finished while the previous batch was being written together: one row update
 * per (user, month), one commit for the whole batch. Each caller still waits for the commit that
 * holds its own log, so a reply is never sent before its charge is durable.
 *
 * Everything a request's outcome changes commits together, batch by batch: its log and period
 * totals, the settlement (or release) of its credit hold, and the stored reply of its
 * Idempotency-Key. A batch without credits or keys is one statement; otherwise one transaction.
 */
export interface RequestMeter {
  /** Logs the call, charges it (success only), settles its credits and stores its reply. */
  record(call: MeteredCall): Promise<MeteredOutcome>;
  /**
   * Reserves credits before a call runs, in the same batches as the calls being recorded: one
   * round trip settles the calls that finished and reserves for the ones starting, so an
   * account's row is locked once per batch, not once per kind of work.
   */
  reserve(request: ReservationRequest): Promise<Reservation>;
  /**
   * True when a call costing `cost` may run before its credits are held, to be charged with its
   * log (`credits.optimistic`); see optimistic-admission.ts. Record every call it admits.
   */
  admitOptimistically(accountId: string, cost: Millicredits): boolean;
}

/** A reply exactly as it is sent (its body's size is what the log records). */
export interface MeteredReply {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface MeteredCall {
  /** The log, but for what the meter works out: the reply's size and the credits charged. */
  readonly log: Omit<RecordRequestInput, "responseBytes" | "creditsChargedMilli">;
  /** For calls of services that speak credits: the caller's account and the request's hold. */
  readonly credits?: {
    readonly accountId: string;
    /** Null when the service costs no credits. */
    readonly holdId: string | null;
    /** Millicredits the hold holds (0 without one). */
    readonly held: Millicredits;
    /** Millicredits to charge on success (at most `held`); a failure releases the hold. */
    readonly charge: Millicredits;
    /**
     * The account's live credits right after the hold was taken (from the reservation): the
     * balance a reply shows, without a read under the account's lock.
     */
    readonly availableAfterHold?: Millicredits;
    /**
     * The call ran without a hold (admitted on a recent balance): on success `charge` is taken
     * with its log, all or nothing; if the credits no longer cover it, nothing is written and
     * `record` fails with `ChargeRefused`.
     */
    readonly optimistic?: boolean;
  };
  /** The caller's Idempotency-Key, whose claim gets this reply. */
  readonly idempotency?: { readonly userId: string; readonly key: string };
  /**
   * The reply, built once the charge is known: `balance` is the account's live credits after
   * the call (as of its reservation, or read with the batch for calls without a hold; null
   * without `credits`).
   */
  readonly reply: (settled: {
    credits: Millicredits;
    balance: Millicredits | null;
  }) => MeteredReply;
}

export interface MeteredOutcome {
  readonly recorded: RecordedRequest;
  readonly reply: MeteredReply;
}

interface Pending {
  readonly call: MeteredCall;
  /**
   * The log's id, chosen here: a batch that committed without its reply reaching us is then
   * recognised by it, never mistaken for another request that reused the request id.
   */
  readonly logId: string;
  readonly costCents: number;
  readonly periodStart: string;
}

/**
 * An optimistic call that ran, and whose account no longer covers its charge: nothing was logged
 * or charged (the caller answers 402, as for a reservation that did not fit).
 */
export class ChargeRefused extends Error {
  constructor(readonly available: Millicredits) {
    super("the account no longer covers the charge of a call that ran without a hold");
  }
}

/**
 * How old a balance this process observed may be to stand in for a read in an optimistic call's
 * reply (admission itself relies on one up to a second old).
 */
const REPLY_BALANCE_MAX_AGE_MS = 100;

/** At most this many requests in one batch (keeps the JSON parameters small). */
export const MAX_BATCH = 500;

/** Periods known to exist are remembered up to this many (user, month) pairs, then forgotten. */
const KNOWN_PERIODS_LIMIT = 100_000;

export interface RequestMeterOptions {
  /** Told when a batch is refused as a whole (its entries then go one by one). */
  readonly onBatchRefused?: (error: unknown) => void;
  /** The clock for settlement times and balances. */
  readonly now?: () => Date;
  /** How long a hold lives before the sweep may release it (its request is then dead). */
  readonly holdTtlMs?: number;
  /** Which calls may run before their credits are held (default: optimistic-admission.ts's). */
  readonly admission?: OptimisticAdmission;
}

/** Default hold lifetime: CREDIT_RESERVATION_TTL_S's default. */
const DEFAULT_HOLD_TTL_MS = 600_000;

/** A piece of work for the meter's next batch. */
type Job =
  | { readonly kind: "record"; readonly pending: Pending }
  | { readonly kind: "reserve"; readonly request: HoldRequest };

export function createRequestMeter(
  database: Pick<Database, "db" | "script">,
  options: RequestMeterOptions = {},
): RequestMeter {
  const db = database.db;
  const now = options.now ?? (() => new Date());
  const admission = options.admission ?? createOptimisticAdmission({ now: () => now().getTime() });
  // Periods are never deleted, so one that existed once exists: its first request of the month
  // creates it, the rest skip the look-up.
  const knownPeriods = new Set<string>();

  async function ensurePeriods(batch: readonly Pending[]): Promise<void> {
    const missing = new Map<string, Pending>();
    for (const entry of batch) {
      const key = `${entry.call.log.userId}/${entry.periodStart}`;
      if (!knownPeriods.has(key)) missing.set(key, entry);
    }
    if (knownPeriods.size + missing.size > KNOWN_PERIODS_LIMIT) knownPeriods.clear();
    await Promise.all(
      [...missing].map(async ([key, entry]) => {
        await ensureBillingPeriod(db, entry.call.log.userId, entry.call.log.requestTs);
        knownPeriods.add(key);
      }),
    );
  }

  const submit = createGroupCommit<Job, MeteredOutcome | Reservation>(async (batch) => {
    const records: Waiting<Pending, MeteredOutcome>[] = [];
    const reservations: Waiting<HoldRequest, Reservation>[] = [];
    for (const waiting of batch) {
      const job = waiting.input;
      if (job.kind === "record") records.push({ ...waiting, input: job.pending });
      else reservations.push({ ...waiting, input: job.request });
    }
    let written: WrittenBatch | undefined;
    try {
      await ensurePeriods(records.map((w) => w.input));
      written = await writeBatch(
        database,
        records.map((w) => w.input),
        reservations.map((w) => w.input),
        now(),
        admission,
      );
    } catch (error) {
      options.onBatchRefused?.(error);
    }
    if (written === undefined) {
      // What these entries do to their accounts is not observed one by one: read them again.
      for (const { input } of records) {
        if (input.call.credits !== undefined) admission.forget(input.call.credits.accountId);
      }
      await Promise.all(records.map((waiting) => recordAlone(db, waiting, now())));
      for (const waiting of reservations) await reserveAlone(db, waiting, now(), admission);
      return;
    }
    const { outcomes, admitted, charged } = written;
    for (const waiting of records) {
      const credits = waiting.input.call.credits;
      const after = charged.get(waiting.input.call.log.requestId.toLowerCase());
      if (credits !== undefined && after !== undefined) admission.observe(credits.accountId, after);
    }
    records.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) waiting.reject(new Error("metering: an outcome is missing"));
      else waiting.resolve(outcome);
    });
    const refused: Waiting<HoldRequest, Reservation>[] = [];
    for (const waiting of reservations) {
      const availableAfter = admitted.get(waiting.input.requestId);
      if (availableAfter === undefined) {
        refused.push(waiting);
      } else {
        admission.observe(waiting.input.accountId, availableAfter);
        waiting.resolve({ ok: true, holdId: waiting.input.holdId, availableAfter });
      }
    }
    // A batch admits the longest affordable prefix per account: a request it refused may still
    // fit alone. One after the other, in arrival order, so the answers are those of serial calls.
    for (const waiting of refused) await reserveAlone(db, waiting, now(), admission);
  }, MAX_BATCH);

  const holdTtlMs = options.holdTtlMs ?? DEFAULT_HOLD_TTL_MS;
  return {
    async record(call) {
      try {
        const costCents = checkedCost(call.log);
        return (await submit({
          kind: "record",
          pending: {
            call,
            logId: randomUUID(),
            costCents,
            periodStart: monthBounds(call.log.requestTs).periodStart,
          },
        })) as MeteredOutcome;
      } finally {
        if (call.credits?.optimistic === true) {
          admission.finished(call.credits.accountId, call.credits.charge);
        }
      }
    },
    admitOptimistically(accountId, cost) {
      return admission.admit(accountId, cost);
    },
    async reserve(request) {
      return (await submit({
        kind: "reserve",
        request: {
          ...request,
          holdId: randomUUID(),
          expiresAt: new Date(now().getTime() + holdTtlMs),
        },
      })) as Reservation;
    },
  };
}

/** An entry with its reply and the credits it is charged, ready to be logged. */
interface Item {
  readonly entry: Pending;
  readonly reply: MeteredReply;
  readonly charged: Millicredits;
}

function resolutionOf({ call }: Pending): HoldResolution[] {
  if (call.credits?.holdId == null) return [];
  return [
    {
      holdId: call.credits.holdId,
      charge: call.log.status === "success" ? call.credits.charge : null,
    },
  ];
}

interface WrittenBatch {
  /** The records' outcomes, in order. */
  readonly outcomes: MeteredOutcome[];
  /** The reservations admitted, with the live credits after each. */
  readonly admitted: Map<string, Millicredits>;
  /** The optimistic calls charged (by request id), with the live credits after each. */
  readonly charged: Map<string, Millicredits>;
}

/**
 * Writes a batch: the settlement (or release) of its finished calls' holds, the reservations of
 * the calls starting, the logs and period totals, and the replies of idempotency keys, in one
 * transaction sent as one script, so the accounts are locked only while Postgres runs it, never
 * across round trips (one plain statement when there is nothing but logs). The replies are built
 * first, from what each hold will settle for; the script fails, writing nothing, if a hold did
 * not (another writer resolved it) or any entry cannot be logged.
 */
async function writeBatch(
  database: Pick<Database, "db" | "script">,
  batch: readonly Pending[],
  reservations: readonly HoldRequest[],
  at: Date,
  admission: Pick<OptimisticAdmission, "recentlyAvailable" | "inFlight">,
): Promise<WrittenBatch> {
  const plain = batch.every(
    (e) => e.call.credits === undefined && e.call.idempotency === undefined,
  );
  if (plain && reservations.length === 0) {
    const items = batch.map((entry) => ({
      entry,
      reply: entry.call.reply({ credits: 0, balance: null }),
      charged: 0,
    }));
    const logs = await rowsOf(database.db, insertLogsQuery(items));
    return { outcomes: recordedOf(items, logs), admitted: new Map(), charged: new Map() };
  }
  // Calls without a hold show the balance read now; the others, the one their hold left.
  // Optimistic calls start from what the previous batch's charges left (when this process knows
  // it), so a batch of them needs no read before its script.
  const balances = new Map<string, Millicredits>();
  const unheld: string[] = [];
  for (const { call } of batch) {
    const credits = call.credits;
    if (credits === undefined || credits.availableAfterHold !== undefined) continue;
    const recent =
      credits.optimistic === true
        ? admission.recentlyAvailable(credits.accountId, REPLY_BALANCE_MAX_AGE_MS)
        : undefined;
    if (recent === undefined) unheld.push(credits.accountId);
    else balances.set(credits.accountId, recent);
  }
  for (const [accountId, available] of await readAvailable(database.db, unheld, at)) {
    balances.set(accountId, available);
  }
  // Optimistic calls charge in this batch: each one's balance is the one above less the charges
  // of the account's calls before it here.
  const charges: HoldRequest[] = [];
  const spent = new Map<string, Millicredits>();
  const items = batch.map((entry): Item => {
    const credits = entry.call.credits;
    if (credits === undefined) {
      return { entry, reply: entry.call.reply({ credits: 0, balance: null }), charged: 0 };
    }
    if (credits.optimistic === true) {
      const charge = optimisticChargeOf(entry, at);
      if (charge !== undefined) charges.push(charge);
      const charged = charge?.amount ?? 0;
      const total = (spent.get(credits.accountId) ?? 0) + charged;
      spent.set(credits.accountId, total);
      const balance = Math.max(0, (balances.get(credits.accountId) ?? 0) - total);
      return { entry, reply: entry.call.reply({ credits: charged, balance }), charged };
    }
    const settles = credits.holdId !== null && entry.call.log.status === "success";
    const charged = settles ? Math.min(credits.charge, credits.held) : 0;
    const balance =
      credits.availableAfterHold === undefined
        ? (balances.get(credits.accountId) ?? 0)
        : credits.availableAfterHold + (credits.holdId !== null ? credits.held - charged : 0);
    return { entry, reply: entry.call.reply({ credits: charged, balance }), charged };
  });
  const resolutions = batch.flatMap(resolutionOf);
  // Reservations leave what this process's calls still running without a hold will be charged
  // (less what this batch charges them now).
  const reserving = reservations.map((r) => ({
    ...r,
    keep: Math.max(0, admission.inFlight(r.accountId) - (spent.get(r.accountId) ?? 0)),
  }));
  const ledger = resolutions.length + charges.length + reservations.length > 0;
  // Settle first: credits a finished call did not use are there for the calls starting; and
  // charge the calls that ran before the ones that are only starting. The three lock their
  // accounts themselves, each in id order; locking every account of the batch first keeps two
  // instances' batches from taking them in opposite orders across the three.
  const script: [name: string, statement: SQL | undefined][] = [
    ["lock", ledger ? lockAccountsQuery(accountsOf(batch, reservations)) : undefined],
    [
      "resolve",
      resolutions.length === 0
        ? undefined
        : resolveHoldsQuery(resolutions, at, { expectAll: true }),
    ],
    ["charge", charges.length === 0 ? undefined : chargeHoldsQuery(charges, at)],
    ["reserve", reserving.length === 0 ? undefined : reserveHoldsQuery(reserving, at)],
    ["logs", items.length === 0 ? undefined : insertLogsQuery(items)],
    ["complete", completeIdempotencyKeysQuery(completionsOf(items))],
  ];
  const present = script.flatMap(([name, statement]) =>
    statement === undefined ? [] : [{ name, statement }],
  );
  const results = await database.script(present.map((s) => s.statement));
  const rowsOfStatement = (name: string) =>
    results[present.findIndex((s) => s.name === name)] ?? [];
  return {
    outcomes: recordedOf(items, rowsOfStatement("logs")),
    admitted: admittedOf(rowsOfStatement("reserve")),
    charged: admittedOf(rowsOfStatement("charge")),
  };
}

/** Every account a batch's ledger statements touch. */
function accountsOf(batch: readonly Pending[], reservations: readonly HoldRequest[]): string[] {
  return [
    ...batch.flatMap(({ call }) => (call.credits === undefined ? [] : [call.credits.accountId])),
    ...reservations.map((r) => r.accountId),
  ];
}

/** The charge of an optimistic call that succeeded (a failed one is charged nothing). */
function optimisticChargeOf({ call }: Pending, at: Date): HoldRequest | undefined {
  const credits = call.credits;
  if (credits?.optimistic !== true || call.log.status !== "success" || credits.charge <= 0) {
    return undefined;
  }
  return {
    holdId: randomUUID(),
    accountId: credits.accountId,
    requestId: call.log.requestId,
    service: call.log.service,
    amount: credits.charge,
    // Settled in the statement that takes it: the sweep never sees it open.
    expiresAt: at,
  };
}

function completionsOf(items: readonly Item[]): KeyCompletion[] {
  return items.flatMap(({ entry, reply }) =>
    entry.call.idempotency === undefined
      ? []
      : [{ ...entry.call.idempotency, requestId: entry.call.log.requestId, reply }],
  );
}

/**
 * One entry in a transaction of its own, its reply built from what the database says after the
 * hold is resolved: the slow path, for entries of a batch that was refused as a whole.
 */
async function writeAlone(db: DbOrTx, entry: Pending, at: Date): Promise<MeteredOutcome> {
  return db.transaction(async (tx) => {
    const credits = entry.call.credits;
    const resolved = await resolveHolds(tx, resolutionOf(entry), at);
    let charged = credits?.holdId == null ? 0 : (resolved.get(credits.holdId)?.charged ?? 0);
    const charge = optimisticChargeOf(entry, at);
    if (charge !== undefined) {
      const fits = (await reserveHolds(tx, [charge], at)).has(charge.requestId.toLowerCase());
      if (!fits) {
        const available = await readAvailable(tx, [charge.accountId], at);
        // Thrown, so the transaction writes nothing for it.
        throw new ChargeRefused(available.get(charge.accountId) ?? 0);
      }
      await resolveHolds(tx, [{ holdId: charge.holdId, charge: charge.amount }], at);
      charged = charge.amount;
    }
    const balances = await readAvailable(tx, credits === undefined ? [] : [credits.accountId], at);
    const reply = entry.call.reply({
      credits: charged,
      balance: credits === undefined ? null : (balances.get(credits.accountId) ?? 0),
    });
    const items = [{ entry, reply, charged }];
    const [outcome] = recordedOf(items, await rowsOf(tx, insertLogsQuery(items)));
    await completeIdempotencyKeys(tx, completionsOf(items));
    if (outcome === undefined) throw new Error("metering: an outcome is missing");
    return outcome;
  });
}

/**
 * One entry alone, for a batch that was refused as a whole. A unique violation usually means a
 * replayed request id, but it is also what a batch that committed without its reply reaching us
 * (a dropped connection) looks like: a log with this entry's own log id is then its own, already
 * charged, and its reply is rebuilt from it.
 */
async function recordAlone(
  db: DbOrTx,
  waiting: Waiting<Pending, MeteredOutcome>,
  at: Date,
): Promise<void> {
  const entry = waiting.input;
  try {
    await ensureBillingPeriod(db, entry.call.log.userId, entry.call.log.requestTs);
    waiting.resolve(await writeAlone(db, entry, at));
  } catch (error) {
    const own = isUniqueViolation(error)
      ? await findOwnLog(db, entry.logId).catch(() => undefined)
      : undefined;
    if (own === undefined) {
      waiting.reject(error);
      return;
    }
    const reply = entry.call.reply({ credits: own.creditsChargedMilli, balance: null });
    waiting.resolve({ recorded: own.recorded, reply });
  }
}

/** One reservation alone, answering how much is available when it does not fit. */
async function reserveAlone(
  db: DbOrTx,
  waiting: Waiting<HoldRequest, Reservation>,
  at: Date,
  admission: OptimisticAdmission,
): Promise<void> {
  const keep = admission.inFlight(waiting.input.accountId);
  const request = { ...waiting.input, keep };
  try {
    const availableAfter = (await reserveHolds(db, [request], at)).get(request.requestId);
    if (availableAfter !== undefined) {
      admission.observe(request.accountId, availableAfter);
      waiting.resolve({ ok: true, holdId: request.holdId, availableAfter });
      return;
    }
    // What this process's calls running without a hold will be charged is not available.
    const available = (await readAvailable(db, [request.accountId], at)).get(request.accountId);
    waiting.resolve({ ok: false, available: Math.max(0, (available ?? 0) - keep) });
  } catch (error) {
    waiting.reject(error);
  }
}

async function findOwnLog(
  db: DbOrTx,
  logId: string,
): Promise<{ recorded: RecordedRequest; creditsChargedMilli: Millicredits } | undefined> {
  const [row] = await rowsOf<RecordedRequest & { credits: string }>(
    db,
    sql`select id as "requestLogId", billing_period_id as "billingPeriodId",
          credits_charged_milli::text as credits
        from request_logs where id = ${logId}::uuid`,
  );
  return row === undefined
    ? undefined
    : {
        recorded: { requestLogId: row.requestLogId, billingPeriodId: row.billingPeriodId },
        creditsChargedMilli: Number(row.credits),
      };
}

/**
 * The statement that logs a batch: lock the periods it touches (in id order, so two instances'
 * batches cannot deadlock on each other), add each period's successful requests and their costs
 * to its totals, and insert the logs linked to their period. Throws when an entry has no period
 * (nothing is then written: the statement, or the caller's transaction, fails as a whole).
 */
function insertLogsQuery(items: readonly Item[]): SQL {
  const rows = JSON.stringify(
    items.map(({ entry, reply, charged }) => {
      const { log } = entry.call;
      return {
        id: entry.logId,
        user_id: log.userId,
        token_id: log.tokenId,
        service: log.service,
        request_ts: log.requestTs.toISOString(),
        duration_ms: log.durationMs,
        request_bytes: log.requestBytes,
        response_bytes: Buffer.byteLength(reply.body),
        status: log.status,
        error_code: log.errorCode,
        request_id: log.requestId,
        cost_cents: entry.costCents,
        credits_charged_milli: charged,
        tokens_used: log.tokensUsed ?? null,
        period_start: entry.periodStart,
      };
    }),
  );
  return sql`with input as (
          select * from jsonb_to_recordset(${rows}::jsonb) as x(
            id uuid, user_id uuid, token_id uuid, service text, request_ts timestamptz, duration_ms int,
            request_bytes int, response_bytes int, status request_status, error_code text,
            request_id uuid, cost_cents bigint, credits_charged_milli bigint, tokens_used int,
            period_start date)
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
        insert into request_logs (id, user_id, token_id, billing_period_id, service, request_ts,
          duration_ms, request_bytes, response_bytes, status, error_code, request_id, cost_cents,
          credits_charged_milli, tokens_used)
        select i.id, i.user_id, i.token_id, p.id, i.service, i.request_ts, i.duration_ms,
          i.request_bytes, i.response_bytes, i.status, i.error_code, i.request_id, i.cost_cents,
          i.credits_charged_milli, i.tokens_used
        from input i join periods p using (user_id, period_start)
        returning request_id::text as "requestId", id as "requestLogId",
          billing_period_id as "billingPeriodId"`;
}

/** Each item's log, from what the insert returned; throws when one is missing (no period). */
function recordedOf(items: readonly Item[], rows: readonly unknown[]): MeteredOutcome[] {
  const logged = rows as (RecordedRequest & { requestId: string })[];
  const byId = new Map(
    logged.map(({ requestId, requestLogId, billingPeriodId }) => [
      requestId,
      { requestLogId, billingPeriodId },
    ]),
  );
  return items.map(({ entry, reply }) => {
    const recorded = byId.get(entry.call.log.requestId.toLowerCase());
    if (recorded === undefined) throw new Error("metering: a request's billing period is missing");
    return { recorded, reply };
  });
}
