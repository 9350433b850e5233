import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { rowsOf } from "../platform/db/rows.js";

/** At most this many problems of each kind are listed (all are counted). */
export const LEDGER_RECONCILE_LIMIT = 50;

export type LedgerProblemKind =
  | "grant_counters"
  | "account_journal"
  | "journal_chain"
  | "hold_allocations"
  | "hold_entries"
  | "hold_request_log";

export interface LedgerProblem {
  readonly kind: LedgerProblemKind;
  /** The grant, account, entry or hold concerned. */
  readonly id: string;
  readonly detail: string;
}

export interface LedgerReport {
  readonly grants: number;
  readonly holds: number;
  readonly entries: number;
  readonly problemCount: number;
  readonly problems: readonly LedgerProblem[];
}

/*
 * Each check selects (id, detail) for what breaks one invariant of the ledger:
 * - grant_counters: a grant's counters equal what its journal and holds say happened to it:
 *   amount = its grant/adjust credit, held = its open allocations, consumed = captured minus
 *   refunded, expired and debited = its expire and adjust debits; and they partition the amount
 *   (so remaining = amount − held − settled + refunded − expired − debited, and ≥ 0);
 * - account_journal: an account's entries add up to its grants' remaining, and its newest
 *   entry's balance_after is that sum;
 * - journal_chain: each entry's balance_after is the previous one's plus its amount;
 * - hold_allocations: a hold's allocations add up to its amount, captured and refunded;
 * - hold_entries: a hold has one reserve entry, one settle or release entry once resolved, and
 *   one refund entry once refunded; no more (settled, released, refunded at most once each); a
 *   hold charged when its call finished (optimistic) has one charge entry instead of reserve and
 *   settle, and is settled;
 * - hold_request_log: a settled hold has the request log of its request, charged what it captured,
 *   and a log charged credits has a settled hold capturing as much.
 */
const CHECKS: Readonly<Record<LedgerProblemKind, SQL>> = {
  grant_counters: sql`
    with journal as (
      select grant_id,
        coalesce(sum(amount) filter (where type in ('grant', 'adjust') and amount > 0), 0) as credited,
        coalesce(-sum(amount) filter (where type = 'expire'), 0) as expired,
        coalesce(-sum(amount) filter (where type = 'adjust' and amount < 0), 0) as debited
      from credit_entries where grant_id is not null group by grant_id
    ),
    allocations as (
      select a.grant_id,
        coalesce(sum(a.amount) filter (where h.status = 'held'), 0) as held,
        coalesce(sum(a.captured - a.refunded), 0) as consumed
      from credit_hold_allocations a join credit_holds h on h.id = a.hold_id group by a.grant_id
    )
    select g.id::text as id,
      format('amount %s remaining %s held %s consumed %s expired %s debited %s; journal credited %s expired %s debited %s; holds held %s consumed %s',
        g.amount, g.remaining, g.held, g.consumed, g.expired, g.debited,
        coalesce(j.credited, 0), coalesce(j.expired, 0), coalesce(j.debited, 0),
        coalesce(a.held, 0), coalesce(a.consumed, 0)) as detail
    from credit_grants g
      left join journal j on j.grant_id = g.id
      left join allocations a on a.grant_id = g.id
    where g.amount <> coalesce(j.credited, 0) or g.expired <> coalesce(j.expired, 0)
      or g.debited <> coalesce(j.debited, 0) or g.held <> coalesce(a.held, 0)
      or g.consumed <> coalesce(a.consumed, 0) or g.remaining < 0
      or g.amount <> g.remaining + g.held + g.consumed + g.expired + g.debited`,
  account_journal: sql`
    with sums as (
      select account_id, sum(amount) as total,
        (array_agg(balance_after order by seq desc))[1] as last_balance
      from credit_entries group by account_id
    ),
    unspent as (select account_id, sum(remaining) as total from credit_grants group by account_id)
    select coalesce(s.account_id, u.account_id)::text as id,
      format('journal sum %s, last balance_after %s, grants remaining %s',
        coalesce(s.total, 0), s.last_balance, coalesce(u.total, 0)) as detail
    from sums s full join unspent u on u.account_id = s.account_id
    where coalesce(s.total, 0) <> coalesce(u.total, 0)
      or coalesce(s.last_balance, 0) <> coalesce(u.total, 0)`,
  journal_chain: sql`
    select id::text as id, format('balance_after %s, previous %s, amount %s', balance_after,
      previous, amount) as detail
    from (
      select id, amount, balance_after,
        coalesce(lag(balance_after) over (partition by account_id order by seq), 0) as previous
      from credit_entries
    ) e
    where balance_after <> previous + amount`,
  hold_allocations: sql`
    select h.id::text as id,
      format('hold amount %s captured %s refunded %s; allocations %s captured %s refunded %s',
        h.amount, h.captured, h.refunded, coalesce(sum(a.amount), 0),
        coalesce(sum(a.captured), 0), coalesce(sum(a.refunded), 0)) as detail
    from credit_holds h left join credit_hold_allocations a on a.hold_id = h.id
    group by h.id
    having h.amount <> coalesce(sum(a.amount), 0) or h.captured <> coalesce(sum(a.captured), 0)
      or h.refunded <> coalesce(sum(a.refunded), 0)`,
  hold_entries: sql`
    select h.id::text as id,
      format('status %s, refunded %s; entries reserve %s settle %s charge %s release %s refund %s',
        h.status, h.refunded, count(*) filter (where e.type = 'reserve'),
        count(*) filter (where e.type = 'settle'), count(*) filter (where e.type = 'charge'),
        count(*) filter (where e.type = 'release'),
        count(*) filter (where e.type = 'refund')) as detail
    from credit_holds h left join credit_entries e on e.hold_id = h.id
    group by h.id
    having case when count(*) filter (where e.type = 'charge') > 0
        then count(*) filter (where e.type = 'charge') <> 1 or h.status <> 'settled'
          or count(*) filter (where e.type in ('reserve', 'settle', 'release')) <> 0
        else count(*) filter (where e.type = 'reserve') <> 1
          or count(*) filter (where e.type = 'settle') <> (case when h.status = 'settled' then 1 else 0 end)
          or count(*) filter (where e.type = 'release') <> (case when h.status = 'released' then 1 else 0 end)
        end
      or count(*) filter (where e.type = 'refund') <> (case when h.refunded_at is not null then 1 else 0 end)`,
  hold_request_log: sql`
    select coalesce(h.id, l.id)::text as id,
      format('hold %s captured %s; request log %s charged %s', coalesce(h.status::text, 'none'),
        h.captured, coalesce(l.id::text, 'none'), l.credits_charged_milli) as detail
    from (select * from credit_holds where status = 'settled') h
      full join (select * from request_logs where credits_charged_milli > 0) l
        on l.request_id = h.request_id
    where h.id is null or l.id is null or l.credits_charged_milli <> h.captured`,
};

/** Checks every invariant of the credit ledger over the whole database. */
export async function reconcileLedger(db: DbOrTx): Promise<LedgerReport> {
  const [counts] = await rowsOf<{ grants: number; holds: number; entries: number }>(
    db,
    sql`select (select count(*) from credit_grants)::int as grants,
          (select count(*) from credit_holds)::int as holds,
          (select count(*) from credit_entries)::int as entries`,
  );
  let problemCount = 0;
  const problems: LedgerProblem[] = [];
  for (const [kind, check] of Object.entries(CHECKS) as [LedgerProblemKind, SQL][]) {
    const rows = await rowsOf<{ id: string; detail: string; found: number }>(
      db,
      sql`select id, detail, (count(*) over ())::int as found from (${check}) problems
          limit ${LEDGER_RECONCILE_LIMIT}`,
    );
    problemCount += rows[0]?.found ?? 0;
    problems.push(...rows.map((r) => ({ kind, id: r.id, detail: r.detail })));
  }
  return { grants: 0, holds: 0, entries: 0, ...counts, problemCount, problems };
}
