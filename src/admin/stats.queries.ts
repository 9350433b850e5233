import { sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { rowsOf } from "../platform/db/rows.js";
import type { Millicredits } from "../credits/credit-amounts.js";
import type { TimeWindow } from "../usage/request-logs.queries.js";

function at(instant: Date) {
  return sql`${instant.toISOString()}::timestamptz`;
}

export interface WindowTotals {
  /** Every logged request, failed ones included. */
  readonly requests: number;
  readonly errors: number;
  /** Distinct users with a logged request. */
  readonly activeUsers: number;
  /** What periods marked paid in the window were paid (paid_amount_cents by paid_at). */
  readonly revenueCents: number;
  /** New credits: grants, and staff adjustments that add credits. */
  readonly creditsGrantedMilli: Millicredits;
  /**
   * Credits calls spent, net: reservations, charges and what settles and releases gave back,
   * less refunds (so a hold still open at the window's end counts as spent).
   */
  readonly creditsConsumedMilli: Millicredits;
}

/**
 * Totals over one half-open window [start, end), in one statement: the request logs (by
 * request_ts), the periods paid (by paid_at) and the credit journal (by created_at). Sums are
 * read as text, since node-postgres gives a bigint as text and PGlite as a number.
 */
export async function windowTotals(db: DbOrTx, window: TimeWindow): Promise<WindowTotals> {
  const { start, end } = window;
  const [row] = await rowsOf<{
    requests: number;
    errors: number;
    active_users: number;
    revenue_cents: string;
    granted: string;
    consumed: string;
  }>(
    db,
    sql`select r.requests, r.errors, r.active_users, p.revenue_cents, c.granted, c.consumed
      from (
        select count(*)::int as requests,
          (count(*) filter (where status = 'error'))::int as errors,
          count(distinct user_id)::int as active_users
        from request_logs where request_ts >= ${at(start)} and request_ts < ${at(end)}
      ) r,
      (
        select coalesce(sum(paid_amount_cents), 0)::text as revenue_cents
        from billing_periods
        where payment_status = 'paid' and paid_at >= ${at(start)} and paid_at < ${at(end)}
      ) p,
      (
        select
          coalesce(sum(amount) filter (where type = 'grant' or (type = 'adjust' and amount > 0)), 0)::text as granted,
          coalesce(-sum(amount) filter (where type in ('reserve', 'settle', 'charge', 'release', 'refund')), 0)::text as consumed
        from credit_entries where created_at >= ${at(start)} and created_at < ${at(end)}
      ) c`,
  );
  return {
    requests: row?.requests ?? 0,
    errors: row?.errors ?? 0,
    activeUsers: row?.active_users ?? 0,
    revenueCents: Number(row?.revenue_cents ?? 0),
    creditsGrantedMilli: Number(row?.granted ?? 0),
    creditsConsumedMilli: Number(row?.consumed ?? 0),
  };
}

/** Periods marked overdue and not yet settled, now. */
export async function countOverduePeriods(db: DbOrTx): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from billing_periods where payment_status = 'overdue'`,
  );
  return row?.n ?? 0;
}

export interface DayStats {
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly requests: number;
  readonly requestsByService: Record<string, number>;
  readonly revenueCents: number;
}

/**
 * One row per UTC day from `firstDay` to `lastDay` (inclusive, 'YYYY-MM-DD'), days without
 * activity included: the requests logged that day in all and per service, and the revenue
 * of the periods marked paid that day.
 */
export async function dailySeries(
  db: DbOrTx,
  firstDay: string,
  lastDay: string,
): Promise<DayStats[]> {
  const start = at(new Date(`${firstDay}T00:00:00Z`));
  const end = sql`(${lastDay}::date + 1)::timestamp at time zone 'UTC'`;
  const rows = await rowsOf<{
    day: string;
    requests: number;
    by_service: Record<string, number>;
    revenue_cents: string;
  }>(
    db,
    sql`with days as (
        select d::date as day from generate_series(${firstDay}::date, ${lastDay}::date, interval '1 day') d
      ),
      counts as (
        select (request_ts at time zone 'UTC')::date as day, service, count(*)::int as n
        from request_logs where request_ts >= ${start} and request_ts < ${end}
        group by 1, 2
      ),
      revenue as (
        select (paid_at at time zone 'UTC')::date as day, sum(paid_amount_cents) as cents
        from billing_periods
        where payment_status = 'paid' and paid_at >= ${start} and paid_at < ${end}
        group by 1
      )
      select days.day::text as day,
        coalesce((select sum(n) from counts where counts.day = days.day), 0)::int as requests,
        coalesce(
          (select jsonb_object_agg(service, n) from counts where counts.day = days.day),
          '{}'::jsonb
        ) as by_service,
        coalesce((select cents from revenue where revenue.day = days.day), 0)::text as revenue_cents
      from days order by days.day`,
  );
  return rows.map((row) => ({
    day: row.day,
    requests: row.requests,
    requestsByService: row.by_service,
    revenueCents: Number(row.revenue_cents),
  }));
}
