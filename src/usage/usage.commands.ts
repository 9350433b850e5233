import { LEDGER_RECONCILE_LIMIT, type LedgerReport } from "../credits/reconcile.queries.js";
import { intOption, type Command, type CommandIo } from "../platform/cli.js";
import { RECONCILE_LIMIT } from "./billing-periods.queries.js";

/** `create-billing-periods`: this UTC month's period for every active user (cron: monthly). */
export const createBillingPeriodsCommand: Command = {
  name: "create-billing-periods",
  summary: "Create this month's billing period for every active user (idempotent).",
  async run(context) {
    const services = await context.services();
    const result = await services.usage.createBillingPeriods();
    context.io.out(
      `Created ${result.created} billing period(s) for ${result.month}; ${result.existing} already existed.`,
    );
    return 0;
  },
};

/** `mark-overdue-periods`: pending periods past their grace days become overdue (cron: daily). */
export const markOverduePeriodsCommand: Command = {
  name: "mark-overdue-periods",
  summary:
    "Mark pending periods that cost something and ended more than N days ago as overdue (default PAYMENT_GRACE_DAYS).",
  usage: "[--grace-days N]",
  options: { "grace-days": { type: "string" } },
  async run(context, args) {
    // Checked before the database is opened, so a bad value is reported even while it is busy.
    const requested = intOption(args, "grace-days", -1, 0, 3650);
    const services = await context.services();
    const graceDays = requested === -1 ? services.config.paymentGraceDays : requested;
    const result = await services.usage.markOverduePeriods(graceDays);
    context.io.out(
      `Marked ${result.marked} billing period(s) overdue (pending, last day before ${result.lastDayBefore}; grace ${graceDays} day(s)).`,
    );
    return 0;
  },
};

/** `reconcile`: exit 1 and list the problems when metering invariants do not hold. */
export const reconcileCommand: Command = {
  name: "reconcile",
  summary:
    "Check that every billing period's totals equal the sums of its successful request logs, and every invariant of the credit ledger.",
  async run(context) {
    const services = await context.services();
    const report = await services.usage.reconcile();
    const ledger = await services.credits.reconcile();
    const problems = report.totals.count + report.logs.count;
    const ledgerClean = reportLedger(context.io, ledger);
    if (problems === 0) {
      context.io.out(
        `Reconciled ${report.periods} billing period(s) and ${report.requestLogs} request log(s): no mismatches.`,
      );
      return ledgerClean ? 0 : 1;
    }
    for (const m of report.totals.rows) {
      context.io.err(
        `period ${m.periodId} (${m.email}, ${m.periodStart}): totals ${m.totalRequests} request(s) / ${m.totalCostCents} cents, ` +
          `successful logs ${m.loggedRequests} request(s) / ${m.loggedCostCents} cents`,
      );
    }
    const reasons = {
      no_period: "has no billing period, so it was never charged",
      other_user: "points to another user's billing period",
      outside_period: "is outside its billing period's month",
      charged_error: "failed but has a cost",
    } as const;
    for (const log of report.logs.rows) {
      const period = log.periodId === null ? "" : ` (${log.periodId})`;
      context.io.err(`request log ${log.requestLogId} ${reasons[log.problem]}${period}`);
    }
    const shown =
      report.totals.rows.length < report.totals.count || report.logs.rows.length < report.logs.count
        ? ` Only the first ${RECONCILE_LIMIT} of each are listed.`
        : "";
    context.io.err(
      `Found ${report.totals.count} period(s) with wrong totals and ${report.logs.count} misplaced request log(s).${shown}`,
    );
    return 1;
  },
};

/** Prints the ledger's side of `reconcile`; true when it is clean. */
function reportLedger(io: CommandIo, ledger: LedgerReport): boolean {
  if (ledger.problemCount === 0) {
    io.out(
      `Reconciled ${ledger.grants} credit grant(s), ${ledger.holds} hold(s) and ${ledger.entries} journal entries: no mismatches.`,
    );
    return true;
  }
  for (const problem of ledger.problems) {
    io.err(`credit ledger ${problem.kind} ${problem.id}: ${problem.detail}`);
  }
  const shown =
    ledger.problems.length < ledger.problemCount
      ? ` Only the first ${LEDGER_RECONCILE_LIMIT} of each kind are listed.`
      : "";
  io.err(`Found ${ledger.problemCount} credit ledger problem(s).${shown}`);
  return false;
}

export const usageCommands: readonly Command[] = [
  createBillingPeriodsCommand,
  markOverduePeriodsCommand,
  reconcileCommand,
];
