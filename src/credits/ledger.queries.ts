import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { hasSqlState } from "../platform/db/errors.js";
import { rowsOf } from "../platform/db/rows.js";
import type { Millicredits } from "./credit-amounts.js";
import type { CreditKind } from "./credit-grants.table.js";
import type { CreditEntryType } from "./credit-entries.table.js";

/*
 * The credit ledger's statements. Rules every writer here follows:
 * - it runs inside a transaction that first locked the rows of the accounts it touches, in id
 *   order, so two writers never deadlock on each other (`lockAccounts`; the hot-path functions
 *   `credit_reserve` and `credit_resolve` of migration 0005 lock for themselves); the statements
 *   after the lock see everything those accounts' earlier writers committed;
 * - counters change only inside SQL (`remaining = remaining - n`), never read-modify-write in JS;
 * - every change writes journal entries whose balance_after is the account's sum of `remaining`
 *   right after it (see credit-entries.table.ts).
 * Amounts are millicredits throughout.
 */

/** Spend order: trial, then subscription (soonest expiry first), then payg, then adjustment; oldest first. */
const SPEND_ORDER = sql.raw(
  "case g.kind when 'trial' then 0 when 'subscription' then 1 when 'payg' then 2 else 3 end, " +
    "g.expires_at asc nulls last, g.created_at, g.id",
);

/** A grant that can be spent at `now`. */
function liveGrant(now: Date): SQL {
  return sql`g.remaining > 0 and (g.expires_at is null or g.expires_at > ${now.toISOString()}::timestamptz)`;
}

/** The statement that locks the accounts' rows, in id order, for the rest of the transaction. */
export function lockAccountsQuery(accountIds: readonly string[]): SQL | undefined {
  const ids = [...new Set(accountIds)].sort();
  if (ids.length === 0) return undefined;
  return sql`select id from billing_accounts where id in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}) order by id for update`;
}

/** Locks the accounts' rows, in id order, for the rest of the transaction. */
export async function lockAccounts(tx: DbOrTx, accountIds: readonly string[]): Promise<void> {
  const query = lockAccountsQuery(accountIds);
  if (query !== undefined) await tx.execute(query);
}

/** The user's billing account id (every user has one, made with the user). */
export async function findAccountIdOfUser(db: DbOrTx, userId: string): Promise<string | undefined> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`select id from billing_accounts where user_id = ${userId}::uuid`,
  );
  return row?.id;
}

/** The account's unspent credits (expired but not yet swept included): what balance_after tracks. */
function unspentOf(accountId: SQL): SQL {
  return sql`(select coalesce(sum(remaining), 0)::bigint from credit_grants where account_id = ${accountId})`;
}

export interface NewGrant {
  readonly accountId: string;
  readonly kind: CreditKind;
  readonly amount: Millicredits;
  readonly expiresAt: Date | null;
  readonly sourceType: string;
  readonly sourceId: string;
  /** `grant` for credits the system gives, `adjust` for staff's. */
  readonly entryType: Extract<CreditEntryType, "grant" | "adjust">;
  readonly reason?: string | null;
  readonly actorId?: string | null;
  readonly requestId?: string | null;
}

/**
 * Adds a grant and its journal entry; undefined when its source already granted (the unique
 * source makes a replayed verification, order or invoice grant nothing). Call with the account
 * locked.
 */
export async function insertGrant(
  tx: DbOrTx,
  grant: NewGrant,
): Promise<{ grantId: string; balanceAfter: Millicredits } | undefined> {
  const [row] = await rowsOf<{ grantId: string; balanceAfter: string }>(
    tx,
    sql`with inserted as (
          insert into credit_grants (account_id, kind, amount, remaining, expires_at, source_type, source_id)
          values (${grant.accountId}::uuid, ${grant.kind}::credit_kind, ${grant.amount}::bigint,
            ${grant.amount}::bigint, ${grant.expiresAt?.toISOString() ?? null}::timestamptz,
            ${grant.sourceType}, ${grant.sourceId})
          on conflict (source_type, source_id) do nothing
          returning id, account_id, amount
        )
        insert into credit_entries (account_id, grant_id, type, amount, balance_after, reason, actor_id, request_id)
        select i.account_id, i.id, ${grant.entryType}::credit_entry_type, i.amount,
          ${unspentOf(sql`i.account_id`)} + i.amount, ${grant.reason ?? null}, ${grant.actorId ?? null}::uuid,
          ${grant.requestId ?? null}::uuid
        from inserted i
        returning grant_id as "grantId", balance_after::text as "balanceAfter"`,
  );
  return row === undefined
    ? undefined
    : { grantId: row.grantId, balanceAfter: Number(row.balanceAfter) };
}

export interface HoldRequest {
  readonly holdId: string;
  readonly accountId: string;
  readonly requestId: string;
  readonly service: string;
  readonly amount: Millicredits;
  readonly expiresAt: Date;
  /**
   * Live credits of the account to leave untouched (what this process's calls running without a
   * hold will be charged): the request is admitted only if it fits in the rest.
   */
  readonly keep?: Millicredits;
}

/**
 * Reserves credits for a batch of requests in one statement: per account, in batch order, the
 * longest prefix of requests that the account's live credits cover gets a hold, allocated across
 * its grants in spend order (`remaining → held`). Returns the admitted request ids with the live
 * credits left after each; a request refused here may still fit alone (a later, smaller one), so
 * callers retry refused requests one at a time before answering 402. Locks the accounts itself.
 */
export async function reserveHolds(
  tx: DbOrTx,
  requests: readonly HoldRequest[],
  now: Date,
): Promise<Map<string, Millicredits>> {
  return admittedOf(await rowsOf<Record<string, unknown>>(tx, reserveHoldsQuery(requests, now)));
}

/** A request the batch admitted, and the account's live credits right after it. */
export interface AdmittedRow {
  readonly requestId: string;
  readonly availableAfter: string | number;
}

/** Admitted request ids with the live credits after each. */
export function admittedOf(rows: readonly Record<string, unknown>[]): Map<string, Millicredits> {
  return new Map(
    (rows as unknown as AdmittedRow[]).map((r) => [r.requestId, Number(r.availableAfter)]),
  );
}

/**
 * The statement of `reserveHolds`: the `credit_reserve` function (migration 0005), which locks
 * the batch's accounts first; one round trip, and a plan Postgres keeps.
 */
export function reserveHoldsQuery(requests: readonly HoldRequest[], now: Date): SQL {
  return sql`select request_id::text as "requestId", available_after::text as "availableAfter"
    from credit_reserve(${holdRequestsJson(requests)}::jsonb, ${now.toISOString()}::timestamptz)`;
}

/**
 * Charges calls that ran before their credits were held (optimistic-admission.ts): the
 * `credit_charge` function (migration 0008) reserves and settles each at once, with the same
 * ledger rows as a reserved call. All or nothing: it raises TGC01 (`isChargeRefused`), rolling
 * the transaction back, when the live credits no longer cover every charge. Rows as
 * `reserveHoldsQuery`'s.
 */
export function chargeHoldsQuery(requests: readonly HoldRequest[], now: Date): SQL {
  return sql`select request_id::text as "requestId", available_after::text as "availableAfter"
    from credit_charge(${holdRequestsJson(requests)}::jsonb, ${now.toISOString()}::timestamptz)`;
}

/** True when `credit_charge` refused: an account no longer covered a charge. */
export function isChargeRefused(error: unknown): boolean {
  return hasSqlState(error, "TGC01");
}

function holdRequestsJson(requests: readonly HoldRequest[]): string {
  return JSON.stringify(
    requests.map((r, ord) => ({
      hold_id: r.holdId,
      account_id: r.accountId,
      request_id: r.requestId,
      service: r.service,
      amount: r.amount,
      expires_at: r.expiresAt.toISOString(),
      ord,
      keep: r.keep ?? 0,
    })),
  );
}

export interface HoldResolution {
  readonly holdId: string;
  /** Millicredits to charge (clamped to the hold), or null to release the hold whole. */
  readonly charge: Millicredits | null;
}

export interface ResolvedHold {
  readonly holdId: string;
  readonly accountId: string;
  /** Millicredits charged: 0 for a release. */
  readonly charged: Millicredits;
}

/**
 * Settles (charges at most the held amount, in allocation order; the rest returns to
 * `remaining`) or releases holds still `held`, each once. A hold already resolved (the sweep
 * released it, say) is left alone and missing from the result. Locks the accounts itself.
 */
export async function resolveHolds(
  tx: DbOrTx,
  resolutions: readonly HoldResolution[],
  now: Date,
): Promise<Map<string, ResolvedHold>> {
  if (resolutions.length === 0) return new Map();
  const rows = await rowsOf<{ holdId: string; accountId: string; charged: string }>(
    tx,
    resolveHoldsQuery(resolutions, now),
  );
  return new Map(
    rows.map((r) => [
      r.holdId,
      { holdId: r.holdId, accountId: r.accountId, charged: Number(r.charged) },
    ]),
  );
}

/**
 * The statement of `resolveHolds`: the `credit_resolve` function (migration 0005), which locks
 * the holds' accounts first. With `expectAll`, it fails (rolling the transaction back) unless
 * every hold was still `held`: a caller that built its replies from the expected charges must
 * not commit if another writer (the sweep) resolved one of its holds first.
 */
export function resolveHoldsQuery(
  resolutions: readonly HoldResolution[],
  now: Date,
  options: { expectAll?: boolean } = {},
): SQL {
  const input = JSON.stringify(
    resolutions.map((r, ord) => ({ hold_id: r.holdId, charge: r.charge, ord })),
  );
  return sql`select hold_id as "holdId", account_id as "accountId", charged::text as charged
    from credit_resolve(${input}::jsonb, ${now.toISOString()}::timestamptz, ${options.expectAll === true})`;
}

/**
 * Gives a settled hold's charge back to the grants it was taken from, once. Returns the
 * millicredits refunded, or undefined when there is nothing (left) to refund. Call with the
 * account locked.
 */
export async function refundHold(
  tx: DbOrTx,
  requestId: string,
  now: Date,
  reason: string | null,
): Promise<Millicredits | undefined> {
  const [row] = await rowsOf<{ refunded: string }>(
    tx,
    sql`with hold as (
          update credit_holds set refunded = captured, refunded_at = ${now.toISOString()}::timestamptz
          where request_id = ${requestId}::uuid and status = 'settled' and refunded_at is null
            and captured > 0
          returning id, account_id, captured, service, request_id
        ),
        allocations as (
          update credit_hold_allocations a set refunded = a.captured
          from hold h where a.hold_id = h.id and a.captured > 0
          returning a.grant_id, a.captured
        ),
        grants_updated as (
          update credit_grants g
          set consumed = g.consumed - a.captured, remaining = g.remaining + a.captured
          from allocations a where g.id = a.grant_id
        ),
        entries as (
          insert into credit_entries (account_id, hold_id, type, amount, balance_after, service, request_id, reason)
          select h.account_id, h.id, 'refund', h.captured,
            ${unspentOf(sql`h.account_id`)} + h.captured, h.service, h.request_id, ${reason}
          from hold h
        )
        select captured::text as refunded from hold`,
  );
  return row === undefined ? undefined : Number(row.refunded);
}

/** The holder of a hold, for locking before refunding it. */
export async function findHoldAccount(db: DbOrTx, requestId: string): Promise<string | undefined> {
  const [row] = await rowsOf<{ accountId: string }>(
    db,
    sql`select account_id as "accountId" from credit_holds where request_id = ${requestId}::uuid`,
  );
  return row?.accountId;
}

/**
 * Takes `amount` of an account's live credits away (staff debit), in spend order, into the
 * grants' `debited`; one `adjust` entry per grant touched. Returns false, changing nothing, when
 * the live credits do not cover it. Call with the account locked.
 */
export async function debitAccount(
  tx: DbOrTx,
  params: {
    accountId: string;
    amount: Millicredits;
    reason: string;
    actorId: string | null;
    requestId: string | null;
    now: Date;
  },
): Promise<boolean> {
  const rows = await rowsOf<{ grantId: string }>(
    tx,
    sql`with live as (
          select g.id, g.account_id, g.remaining,
            sum(g.remaining) over w - g.remaining as g_start, sum(g.remaining) over w as g_end,
            row_number() over w as ord
          from credit_grants g
          where g.account_id = ${params.accountId}::uuid and ${liveGrant(params.now)}
          window w as (order by ${SPEND_ORDER} rows between unbounded preceding and current row)
        ),
        taken as (
          select id, ord, least(g_end, ${params.amount}::bigint) - g_start as amount from live
          where g_start < ${params.amount}::bigint
            and (select coalesce(sum(remaining), 0) from live) >= ${params.amount}::bigint
        ),
        debited as (
          update credit_grants g set remaining = g.remaining - t.amount, debited = g.debited + t.amount
          from taken t where g.id = t.id
        ),
        entries as (
          insert into credit_entries (account_id, grant_id, type, amount, balance_after, reason, actor_id, request_id)
          select ${params.accountId}::uuid, t.id, 'adjust', -t.amount,
            ${unspentOf(sql`${params.accountId}::uuid`)} - sum(t.amount) over (order by t.ord
              rows between unbounded preceding and current row),
            ${params.reason}, ${params.actorId}::uuid, ${params.requestId}::uuid
          from taken t order by t.ord
        )
        select id as "grantId" from taken`,
  );
  return rows.length > 0;
}

/**
 * Takes up to `amount` back from one grant's unspent credits (a refunded purchase), into its
 * `debited`, with one `adjust` entry; what was spent or is held stays. Returns what was taken.
 * Call with the account locked.
 */
export async function clawBackGrant(
  tx: DbOrTx,
  params: {
    accountId: string;
    grantId: string;
    amount: Millicredits;
    reason: string;
    actorId: string | null;
    requestId: string | null;
  },
): Promise<Millicredits> {
  const [row] = await rowsOf<{ taken: string | number }>(
    tx,
    sql`with taken as (
          update credit_grants g
          set remaining = g.remaining - least(g.remaining, ${params.amount}::bigint),
              debited = g.debited + least(g.remaining, ${params.amount}::bigint)
          from credit_grants before
          where g.id = ${params.grantId}::uuid and g.account_id = ${params.accountId}::uuid
            and before.id = g.id and before.remaining > 0
          returning g.id, least(before.remaining, ${params.amount}::bigint) as amount
        ),
        entry as (
          insert into credit_entries (account_id, grant_id, type, amount, balance_after, reason, actor_id, request_id)
          select ${params.accountId}::uuid, t.id, 'adjust', -t.amount,
            ${unspentOf(sql`${params.accountId}::uuid`)} - t.amount,
            ${params.reason}, ${params.actorId}::uuid, ${params.requestId}::uuid
          from taken t
        )
        select coalesce((select amount from taken), 0) as taken`,
  );
  return Number(row?.taken ?? 0);
}

/**
 * Moves what is left of every expired grant of these accounts into `expired`, one `expire` entry
 * per grant; returns how many grants expired. Call with the accounts locked.
 */
export async function expireGrantsOf(
  tx: DbOrTx,
  accountIds: readonly string[],
  now: Date,
): Promise<number> {
  if (accountIds.length === 0) return 0;
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`with due as (
          select g.id, g.account_id, g.remaining,
            row_number() over (partition by g.account_id order by g.expires_at, g.id) as ord
          from credit_grants g
          where g.account_id in (${sql.join(
            accountIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
            and g.remaining > 0 and g.expires_at <= ${now.toISOString()}::timestamptz
        ),
        expired as (
          update credit_grants g set expired = g.expired + d.remaining, remaining = 0
          from due d where g.id = d.id
        ),
        unspent as (
          select account_id, sum(remaining) as total from credit_grants
          where account_id in (select account_id from due) group by account_id
        ),
        entries as (
          insert into credit_entries (account_id, grant_id, type, amount, balance_after, reason)
          select d.account_id, d.id, 'expire', -d.remaining,
            u.total - sum(d.remaining) over (partition by d.account_id order by d.ord
              rows between unbounded preceding and current row),
            'expired'
          from due d join unspent u using (account_id)
          order by d.account_id, d.ord
        )
        select id from due`,
  );
  return rows.length;
}

/** Accounts with expired grants that still hold credits, at most `limit`. */
export async function accountsWithExpiredCredits(
  db: DbOrTx,
  now: Date,
  limit: number,
): Promise<string[]> {
  const rows = await rowsOf<{ accountId: string }>(
    db,
    sql`select distinct account_id as "accountId" from credit_grants
        where remaining > 0 and expires_at <= ${now.toISOString()}::timestamptz
        limit ${limit}`,
  );
  return rows.map((r) => r.accountId);
}

/** A request's hold while it is still `held`. */
export async function findOpenHold(
  db: DbOrTx,
  requestId: string,
): Promise<{ holdId: string; accountId: string } | undefined> {
  const [row] = await rowsOf<{ holdId: string; accountId: string }>(
    db,
    sql`select id as "holdId", account_id as "accountId" from credit_holds
        where request_id = ${requestId}::uuid and status = 'held'`,
  );
  return row;
}

/** Holds still `held` whose time ran out, at most `limit`: their requests died. */
export async function findStaleHolds(
  db: DbOrTx,
  now: Date,
  limit: number,
): Promise<{ holdId: string; accountId: string }[]> {
  return rowsOf<{ holdId: string; accountId: string }>(
    db,
    sql`select id as "holdId", account_id as "accountId" from credit_holds
        where status = 'held' and expires_at <= ${now.toISOString()}::timestamptz
        order by expires_at limit ${limit}`,
  );
}

export interface AccountBalance {
  readonly byKind: Readonly<Record<CreditKind, Millicredits>>;
  readonly reserved: Millicredits;
  readonly nextExpiry: { readonly amount: Millicredits; readonly expiresAt: Date } | null;
}

/** Live credits by kind, what open holds reserve, and the soonest expiry (read only, no lock). */
export async function readBalance(
  db: DbOrTx,
  accountId: string,
  now: Date,
): Promise<AccountBalance> {
  const [row] = await rowsOf<{
    trial: string;
    subscription: string;
    payg: string;
    adjustment: string;
    reserved: string;
    expiresAt: string | null;
    expiring: string | null;
  }>(
    db,
    sql`with live as (
          select g.kind, g.remaining, g.expires_at from credit_grants g
          where g.account_id = ${accountId}::uuid and ${liveGrant(now)}
        ),
        soonest as (
          select expires_at, sum(remaining) as amount from live where expires_at is not null
          group by expires_at order by expires_at limit 1
        )
        select
          coalesce(sum(remaining) filter (where kind = 'trial'), 0)::text as trial,
          coalesce(sum(remaining) filter (where kind = 'subscription'), 0)::text as subscription,
          coalesce(sum(remaining) filter (where kind = 'payg'), 0)::text as payg,
          coalesce(sum(remaining) filter (where kind = 'adjustment'), 0)::text as adjustment,
          (select coalesce(sum(amount), 0) from credit_holds
            where account_id = ${accountId}::uuid and status = 'held')::text as reserved,
          (select to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from soonest) as "expiresAt",
          (select amount::text from soonest) as expiring
        from live`,
  );
  const n = (value: string | undefined) => Number(value ?? 0);
  return {
    byKind: {
      trial: n(row?.trial),
      subscription: n(row?.subscription),
      payg: n(row?.payg),
      adjustment: n(row?.adjustment),
    },
    reserved: n(row?.reserved),
    nextExpiry:
      row?.expiresAt == null
        ? null
        : { amount: n(row.expiring ?? undefined), expiresAt: new Date(row.expiresAt) },
  };
}

/** Live credits of several accounts at once (replies of a metering batch). */
export async function readAvailable(
  db: DbOrTx,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, Millicredits>> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<{ accountId: string; total: string }>(
    db,
    sql`select g.account_id as "accountId", sum(g.remaining)::text as total from credit_grants g
        where g.account_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and ${liveGrant(now)}
        group by g.account_id`,
  );
  const totals = new Map(ids.map((id) => [id, 0]));
  for (const row of rows) totals.set(row.accountId, Number(row.total));
  return totals;
}
