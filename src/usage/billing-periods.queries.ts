import { and, count, desc, eq, gt, ilike, inArray, lt, sql } from "drizzle-orm";
import { rowsOf } from "../platform/db/rows.js";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";
import type { DbOrTx } from "../platform/db/database.js";
import { containsPattern } from "../platform/db/like.js";
import { billingPeriods, type BillingPeriod, type PaymentStatus } from "./billing-periods.table.js";
import { utcDateString } from "./usage.time.js";

export interface PeriodWindow {
  limit: number;
  offset: number;
}

/** The user's period by id; undefined for another user's (ownership is part of the lookup). */
export async function findUserBillingPeriod(
  db: DbOrTx,
  userId: string,
  periodId: string,
): Promise<BillingPeriod | undefined> {
  const [row] = await db
    .select()
    .from(billingPeriods)
    .where(and(eq(billingPeriods.id, periodId), eq(billingPeriods.userId, userId)));
  return row;
}

/** A user's periods, newest month first. */
export async function listUserBillingPeriods(
  db: DbOrTx,
  params: PeriodWindow & { userId: string; status?: PaymentStatus | undefined },
): Promise<{ count: number; rows: BillingPeriod[] }> {
  const where = and(
    eq(billingPeriods.userId, params.userId),
    params.status === undefined ? undefined : eq(billingPeriods.paymentStatus, params.status),
  );
  const [total] = await db.select({ n: count() }).from(billingPeriods).where(where);
  const rows = await db
    .select()
    .from(billingPeriods)
    .where(where)
    .orderBy(desc(billingPeriods.periodStart))
    .limit(params.limit)
    .offset(params.offset);
  return { count: total?.n ?? 0, rows };
}

export interface AdminPeriodFilters {
  /** Case-insensitive substring of the user's email. */
  email?: string | undefined;
  userId?: string | undefined;
  status?: PaymentStatus | undefined;
  /** 'YYYY-MM-01' of the month. */
  periodStart?: string | undefined;
}

export type BillingPeriodWithEmail = BillingPeriod & { userEmail: string };

/** Every user's periods for staff, newest month first, then by email. */
export async function listAllBillingPeriods(
  db: DbOrTx,
  params: PeriodWindow & AdminPeriodFilters,
): Promise<{ count: number; rows: BillingPeriodWithEmail[] }> {
  const where = and(
    params.email === undefined ? undefined : ilike(users.email, containsPattern(params.email)),
    params.userId === undefined ? undefined : eq(billingPeriods.userId, params.userId),
    params.status === undefined ? undefined : eq(billingPeriods.paymentStatus, params.status),
    params.periodStart === undefined
      ? undefined
      : eq(billingPeriods.periodStart, params.periodStart),
  );
  const [total] = await db
    .select({ n: count() })
    .from(billingPeriods)
    .innerJoin(users, eq(users.id, billingPeriods.userId))
    .where(where);
  const rows = await db
    .select({ period: billingPeriods, userEmail: users.email })
    .from(billingPeriods)
    .innerJoin(users, eq(users.id, billingPeriods.userId))
    .where(where)
    .orderBy(desc(billingPeriods.periodStart), users.email)
    .limit(params.limit)
    .offset(params.offset);
  return { count: total?.n ?? 0, rows: rows.map((r) => ({ ...r.period, userEmail: r.userEmail })) };
}

export async function findBillingPeriodWithEmail(
  db: DbOrTx,
  periodId: string,
): Promise<BillingPeriodWithEmail | undefined> {
  const [row] = await db
    .select({ period: billingPeriods, userEmail: users.email })
    .from(billingPeriods)
    .innerJoin(users, eq(users.id, billingPeriods.userId))
    .where(eq(billingPeriods.id, periodId));
  return row === undefined ? undefined : { ...row.period, userEmail: row.userEmail };
}

// ---------------------------------------------------------------------------------------------
// Payment status transitions. Each is one conditional UPDATE, so of two concurrent admins only
// one can move a period out of a given status; the other sees `invalid_transition`.

/** Which statuses each target status may be reached from; paid and waived are final. */
export const ALLOWED_FROM = {
  paid: ["pending", "overdue"],
  overdue: ["pending"],
  waived: ["pending", "overdue"],
} as const satisfies Record<Exclude<PaymentStatus, "pending">, readonly PaymentStatus[]>;

export type TransitionResult =
  | { ok: true; period: BillingPeriod }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "invalid_transition"; from: PaymentStatus }
  | { ok: false; code: "period_open"; periodEnd: string };

/**
 * `endedBefore` ('YYYY-MM-DD', today in UTC): the period must have ended. A month still running
 * keeps adding requests to its totals, so it can be neither settled nor late yet; waiving one is
 * fine (everything in it is forgiven, later requests included).
 */
async function transition(
  db: DbOrTx,
  periodId: string,
  to: keyof typeof ALLOWED_FROM,
  changes: PgUpdateSetSource<typeof billingPeriods>,
  endedBefore?: string,
): Promise<TransitionResult> {
  const [updated] = await db
    .update(billingPeriods)
    .set({ ...changes, paymentStatus: to })
    .where(
      and(
        eq(billingPeriods.id, periodId),
        inArray(billingPeriods.paymentStatus, [...ALLOWED_FROM[to]]),
        endedBefore === undefined ? undefined : lt(billingPeriods.periodEnd, endedBefore),
      ),
    )
    .returning();
  if (updated !== undefined) return { ok: true, period: updated };
  const [current] = await db
    .select({ status: billingPeriods.paymentStatus, periodEnd: billingPeriods.periodEnd })
    .from(billingPeriods)
    .where(eq(billingPeriods.id, periodId));
  if (current === undefined) return { ok: false, code: "not_found" };
  if (
    (ALLOWED_FROM[to] as readonly PaymentStatus[]).includes(current.status) &&
    endedBefore !== undefined
  ) {
    return { ok: false, code: "period_open", periodEnd: current.periodEnd };
  }
  return { ok: false, code: "invalid_transition", from: current.status };
}

export interface MarkAsPaidInput {
  /** Amount received, in cents; defaults to the period's total_cost_cents. */
  amountCents?: number | undefined;
  reference?: string | undefined;
  notes?: string | undefined;
}

/**
 * pending | overdue → paid, once the period has ended; sets paid_at, paid_amount_cents (default:
 * the total) and reference.
 */
export async function markAsPaid(
  db: DbOrTx,
  periodId: string,
  now: Date,
  input: MarkAsPaidInput = {},
): Promise<TransitionResult> {
  return transition(
    db,
    periodId,
    "paid",
    {
      paidAt: now,
      paidAmountCents: input.amountCents ?? sql`${billingPeriods.totalCostCents}`,
      ...(input.reference === undefined ? {} : { paymentReference: input.reference }),
      ...(input.notes === undefined ? {} : { paymentNotes: input.notes }),
    },
    utcDateString(now),
  );
}

/** pending → overdue, once the period has ended. */
export async function markAsOverdue(
  db: DbOrTx,
  periodId: string,
  now: Date,
): Promise<TransitionResult> {
  return transition(db, periodId, "overdue", {}, utcDateString(now));
}

/** pending | overdue → waived (nothing is owed any more). */
export async function markAsWaived(
  db: DbOrTx,
  periodId: string,
  input: { notes?: string | undefined } = {},
): Promise<TransitionResult> {
  return transition(
    db,
    periodId,
    "waived",
    input.notes === undefined ? {} : { paymentNotes: input.notes },
  );
}

/**
 * pending → overdue, in bulk, for periods whose last day is before `lastDayBefore`
 * ('YYYY-MM-DD') and that cost something: a period of 0 cents owes nothing, and every idle
 * account (staff included) has one each month. Returns how many changed.
 */
export async function markPeriodsOverdue(db: DbOrTx, lastDayBefore: string): Promise<number> {
  const changed = await db
    .update(billingPeriods)
    .set({ paymentStatus: "overdue" })
    .where(
      and(
        eq(billingPeriods.paymentStatus, "pending"),
        lt(billingPeriods.periodEnd, lastDayBefore),
        gt(billingPeriods.totalCostCents, 0),
      ),
    )
    .returning({ id: billingPeriods.id });
  return changed.length;
}

export async function activeUserIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.isActive, true))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Reconciliation: the invariants of metering, checked over the whole database.

export interface TotalsMismatch {
  periodId: string;
  email: string;
  periodStart: string;
  totalRequests: number;
  totalCostCents: number;
  loggedRequests: number;
  loggedCostCents: number;
}

export interface MisplacedLog {
  requestLogId: string;
  /** Null for a log linked to no period (`no_period`). */
  periodId: string | null;
  problem: "no_period" | "other_user" | "outside_period" | "charged_error";
}

/** At most this many rows of each check are returned; `count` still counts them all. */
export const RECONCILE_LIMIT = 1000;

export interface Found<T> {
  /** Every row the check found. */
  count: number;
  /** The first RECONCILE_LIMIT of them. */
  rows: T[];
}

/** Periods whose totals differ from the count and cost sum of their successful logs. */
export async function findTotalsMismatches(db: DbOrTx): Promise<Found<TotalsMismatch>> {
  const rows = await rowsOf<Record<keyof TotalsMismatch | "found", string | number | bigint>>(
    db,
    sql`select p.id::text as "periodId", u.email as "email", p.period_start::text as "periodStart",
          p.total_requests as "totalRequests", p.total_cost_cents::text as "totalCostCents",
          coalesce(l.n, 0) as "loggedRequests", coalesce(l.cost, 0)::text as "loggedCostCents",
          count(*) over ()::int as "found"
        from billing_periods p
        join users u on u.id = p.user_id
        left join (
          select billing_period_id, count(*)::int as n, sum(cost_cents) as cost
          from request_logs where status = 'success' and billing_period_id is not null
          group by billing_period_id
        ) l on l.billing_period_id = p.id
        where p.total_requests <> coalesce(l.n, 0) or p.total_cost_cents <> coalesce(l.cost, 0)
        order by p.period_start, u.email
        limit ${RECONCILE_LIMIT}`,
  );
  return {
    count: Number(rows[0]?.found ?? 0),
    rows: rows.map((r) => ({
      periodId: String(r.periodId),
      email: String(r.email),
      periodStart: String(r.periodStart),
      totalRequests: Number(r.totalRequests),
      totalCostCents: Number(r.totalCostCents),
      loggedRequests: Number(r.loggedRequests),
      loggedCostCents: Number(r.loggedCostCents),
    })),
  };
}

/**
 * Logs linked to no period (metering always links one, so such a log was never charged),
 * to another user's period, outside their period's month, or errors with a cost.
 */
export async function findMisplacedLogs(db: DbOrTx): Promise<Found<MisplacedLog>> {
  const rows = await rowsOf<MisplacedLog & { found: number | string }>(
    db,
    sql`select l.id::text as "requestLogId", p.id::text as "periodId",
          case
            when p.id is null then 'no_period'
            when l.user_id <> p.user_id then 'other_user'
            when l.status = 'error' and l.cost_cents <> 0 then 'charged_error'
            else 'outside_period'
          end as "problem",
          count(*) over ()::int as "found"
        from request_logs l
        left join billing_periods p on p.id = l.billing_period_id
        where p.id is null
          or l.user_id <> p.user_id
          or (l.status = 'error' and l.cost_cents <> 0)
          or l.request_ts < (p.period_start::timestamp at time zone 'UTC')
          or l.request_ts >= ((p.period_end + 1)::timestamp at time zone 'UTC')
        order by l.request_ts, l.id
        limit ${RECONCILE_LIMIT}`,
  );
  return {
    count: Number(rows[0]?.found ?? 0),
    rows: rows.map(({ requestLogId, periodId, problem }) => ({ requestLogId, periodId, problem })),
  };
}

export async function countForReconcile(
  db: DbOrTx,
): Promise<{ periods: number; requestLogs: number }> {
  const [row] = await rowsOf<{ periods: unknown; logs: unknown }>(
    db,
    sql`select (select count(*)::int from billing_periods) as periods,
               (select count(*)::int from request_logs) as logs`,
  );
  return { periods: Number(row?.periods ?? 0), requestLogs: Number(row?.logs ?? 0) };
}
