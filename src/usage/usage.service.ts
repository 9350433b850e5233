import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import { platformError, validationError } from "../platform/errors.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import type { BillingPeriod, PaymentStatus } from "./billing-periods.table.js";
import type { RequestStatus } from "./request-logs.table.js";
import {
  activeUserIds,
  countForReconcile,
  findBillingPeriodWithEmail,
  findMisplacedLogs,
  findTotalsMismatches,
  findUserBillingPeriod,
  listAllBillingPeriods,
  listUserBillingPeriods,
  markAsOverdue,
  markAsPaid,
  markAsWaived,
  markPeriodsOverdue,
  type BillingPeriodWithEmail,
  type Found,
  type MarkAsPaidInput,
  type MisplacedLog,
  type TotalsMismatch,
  type TransitionResult,
} from "./billing-periods.queries.js";
import { ensureBillingPeriod, getOrCreateCurrentBillingPeriod, monthBounds } from "./metering.js";
import { toCredits } from "../credits/credit-amounts.js";
import { DAILY_USAGE_DAYS, type DailyUsage } from "./usage.schemas.js";
import {
  dailyUsageByService,
  findRequestLog,
  listAllRequestLogs,
  listRequestLogs,
  summarizeUsage,
  type AllRequestLogFilters,
  type RequestLogWithOwner,
  type RequestLogWithToken,
} from "./request-logs.queries.js";
import { usageError } from "./usage.errors.js";
import {
  addUtcDays,
  parseRequestRange,
  startOfUtcDay,
  SUMMARY_TITLES,
  summaryWindows,
  utcDateString,
} from "./usage.time.js";

export interface UsageDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<Config, "paymentGraceDays">;
}

export interface ReconcileReport {
  periods: number;
  requestLogs: number;
  totals: Found<TotalsMismatch>;
  logs: Found<MisplacedLog>;
}

function orThrow(result: TransitionResult, action: string): BillingPeriod {
  if (result.ok) return result.period;
  if (result.code === "not_found") throw platformError("not_found", "No such billing period.");
  if (result.code === "period_open") {
    throw usageError(
      "invalid_transition",
      `The period runs until ${result.periodEnd}; it can be ${action} once it has ended.`,
    );
  }
  throw usageError("invalid_transition", `A period that is ${result.from} cannot be ${action}.`);
}

/** Rules of usage and billing; the routes and commands call these, never the queries directly. */
export function buildUsageService(deps: UsageDeps) {
  const { db, clock } = deps;

  async function markWithAudit(
    periodId: string,
    actor: Actor,
    action: "mark_paid" | "mark_overdue" | "mark_waived",
    verb: string,
    mark: (tx: DbOrTx) => Promise<TransitionResult>,
  ): Promise<BillingPeriodWithEmail> {
    const period = await db.transaction(async (tx) => {
      const marked = orThrow(await mark(tx), verb);
      await recordAudit(tx, {
        actor,
        action: `billing_period.${action}`,
        targetType: "billing_period",
        targetId: marked.id,
        details: {
          user_id: marked.userId,
          period_start: marked.periodStart,
          payment_status: marked.paymentStatus,
          ...(marked.paidAmountCents === null ? {} : { paid_amount_cents: marked.paidAmountCents }),
          ...(marked.paymentReference === null ? {} : { reference: marked.paymentReference }),
        },
      });
      return marked;
    });
    return withEmail(period);
  }

  async function withEmail(period: BillingPeriod): Promise<BillingPeriodWithEmail> {
    const row = await findBillingPeriodWithEmail(db, period.id);
    if (row === undefined) throw platformError("not_found", "No such billing period.");
    return row;
  }

  return {
    /** The caller's request logs, newest first; `from`/`to` are ISO dates or datetimes. */
    async listRequests(
      userId: string,
      query: {
        from?: string | undefined;
        to?: string | undefined;
        service?: string | undefined;
        status?: RequestStatus | undefined;
        page?: number | undefined;
      },
    ): Promise<Listed<RequestLogWithToken>> {
      const parsed = parseRequestRange(query.from, query.to);
      if (!parsed.ok) throw validationError(parsed.errors);
      const { limit, offset, page } = pageWindow(query.page);
      const { count, rows } = await listRequestLogs(db, {
        userId,
        ...parsed.range,
        service: query.service,
        status: query.status,
        limit,
        offset,
      });
      return { page, count, rows };
    },

    /**
     * Staff: every user's request logs, newest first, filtered as the query says; `from`/`to`
     * are read as for listRequests.
     */
    async listAllRequests(
      query: Omit<AllRequestLogFilters, "from" | "toInclusive" | "before"> & {
        from?: string | undefined;
        to?: string | undefined;
        page?: number | undefined;
      },
    ): Promise<Listed<RequestLogWithOwner>> {
      const { from, to, page: requested, ...filters } = query;
      const parsed = parseRequestRange(from, to);
      if (!parsed.ok) throw validationError(parsed.errors);
      const { limit, offset, page } = pageWindow(requested);
      const { count, rows } = await listAllRequestLogs(db, {
        ...filters,
        ...parsed.range,
        limit,
        offset,
      });
      return { page, count, rows };
    },

    /** Staff: one request log, whoever's it is. */
    async getRequestLog(id: string): Promise<RequestLogWithOwner> {
      const log = await findRequestLog(db, id);
      if (log === undefined) throw platformError("not_found", "No such request log.");
      return log;
    },

    /** All-time totals and the Today / Yesterday / Last 7 Days / This Month windows (UTC). */
    async getUsageSummary(userId: string) {
      const summary = await summarizeUsage(db, userId, summaryWindows(clock.now()));
      return {
        total_requests: summary.total.count,
        successful_requests: summary.total.successful,
        failed_requests: summary.total.failed,
        total_cost_cents: summary.total.costCents,
        by_period: SUMMARY_TITLES.map((title) => ({
          title,
          count: summary.windows[title].count,
          successful_requests: summary.windows[title].successful,
          failed_requests: summary.windows[title].failed,
          cost_cents: summary.windows[title].costCents,
        })),
      };
    },

    /** Requests and credits per UTC day (the last DAILY_USAGE_DAYS, today included) by service. */
    async getDailyUsage(userId: string): Promise<DailyUsage> {
      const end = addUtcDays(startOfUtcDay(clock.now()), 1);
      const start = addUtcDays(end, -DAILY_USAGE_DAYS);
      const rows = await dailyUsageByService(db, userId, start, end);
      const days: DailyUsage["days"] = [];
      for (let i = 0; i < DAILY_USAGE_DAYS; i++) {
        const day = utcDateString(addUtcDays(start, i));
        const services = rows.filter((row) => row.day === day);
        days.push({
          day,
          requests: services.reduce((sum, row) => sum + row.requests, 0),
          credits: toCredits(services.reduce((sum, row) => sum + row.creditsMilli, 0)),
          by_service: services.map((row) => ({
            service: row.service,
            requests: row.requests,
            credits: toCredits(row.creditsMilli),
          })),
        });
      }
      return { days };
    },

    /** The caller's period for this UTC month, created (and made current) when missing. */
    async getCurrentBillingPeriod(userId: string): Promise<BillingPeriod> {
      return getOrCreateCurrentBillingPeriod(db, userId, clock.now());
    },

    async listBillingPeriods(
      userId: string,
      query: { status?: PaymentStatus | undefined; page?: number | undefined },
    ): Promise<Listed<BillingPeriod>> {
      const { limit, offset, page } = pageWindow(query.page);
      const { count, rows } = await listUserBillingPeriods(db, {
        userId,
        status: query.status,
        limit,
        offset,
      });
      return { page, count, rows };
    },

    /** One of the caller's periods and its requests; another user's period is not_found. */
    async getBillingPeriod(
      userId: string,
      periodId: string,
      query: { page?: number | undefined },
    ): Promise<{ period: BillingPeriod; requests: Listed<RequestLogWithToken> }> {
      const period = await findUserBillingPeriod(db, userId, periodId);
      if (period === undefined) throw platformError("not_found", "No such billing period.");
      const { limit, offset, page } = pageWindow(query.page);
      const { count, rows } = await listRequestLogs(db, {
        userId,
        billingPeriodId: period.id,
        limit,
        offset,
      });
      return { period, requests: { page, count, rows } };
    },

    /** Staff: every user's periods; `month` is 'YYYY-MM', `email` a case-insensitive part. */
    async listAllBillingPeriods(query: {
      email?: string | undefined;
      user?: string | undefined;
      status?: PaymentStatus | undefined;
      month?: string | undefined;
      page?: number | undefined;
    }): Promise<Listed<BillingPeriodWithEmail>> {
      const { limit, offset, page } = pageWindow(query.page);
      const { count, rows } = await listAllBillingPeriods(db, {
        email: query.email === "" ? undefined : query.email,
        userId: query.user?.toLowerCase(),
        status: query.status,
        periodStart: query.month === undefined ? undefined : `${query.month}-01`,
        limit,
        offset,
      });
      return { page, count, rows };
    },

    /** Staff marks, each with its audit entry in the same transaction. */
    async markPeriodPaid(periodId: string, input: MarkAsPaidInput, actor: Actor) {
      return markWithAudit(periodId, actor, "mark_paid", "marked paid", (tx) =>
        markAsPaid(tx, periodId, clock.now(), input),
      );
    },

    async markPeriodOverdue(periodId: string, actor: Actor) {
      return markWithAudit(periodId, actor, "mark_overdue", "marked overdue", (tx) =>
        markAsOverdue(tx, periodId, clock.now()),
      );
    },

    async markPeriodWaived(periodId: string, input: { notes?: string | undefined }, actor: Actor) {
      return markWithAudit(periodId, actor, "mark_waived", "waived", (tx) =>
        markAsWaived(tx, periodId, input),
      );
    },

    /** Makes sure every active user has a period for this UTC month. Idempotent. */
    async createBillingPeriods(): Promise<{ month: string; created: number; existing: number }> {
      const now = clock.now();
      let created = 0;
      const ids = await activeUserIds(db);
      for (const userId of ids) {
        if ((await ensureBillingPeriod(db, userId, now)).created) created += 1;
      }
      return {
        month: monthBounds(now).periodStart.slice(0, 7),
        created,
        existing: ids.length - created,
      };
    },

    /**
     * pending → overdue for periods with something to pay whose last day is more than
     * `graceDays` days before today (UTC); with 0, every such period of a past month. Idempotent.
     */
    async markOverduePeriods(
      graceDays: number = deps.config.paymentGraceDays,
    ): Promise<{ marked: number; lastDayBefore: string }> {
      const lastDayBefore = utcDateString(addUtcDays(startOfUtcDay(clock.now()), -graceDays));
      return { marked: await markPeriodsOverdue(db, lastDayBefore), lastDayBefore };
    },

    /** Checks the metering invariants over the whole database (see metering.ts). */
    async reconcile(): Promise<ReconcileReport> {
      const [counts, totals, logs] = await Promise.all([
        countForReconcile(db),
        findTotalsMismatches(db),
        findMisplacedLogs(db),
      ]);
      return { ...counts, totals, logs };
    },
  };
}

export type UsageService = ReturnType<typeof buildUsageService>;
