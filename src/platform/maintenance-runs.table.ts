import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The last run of each periodic maintenance job, by any instance or cron command: what the
 * preflight reads to tell whether the jobs run at all. One row per job, overwritten each run,
 * so it never grows.
 */
export const maintenanceRuns = pgTable("maintenance_runs", {
  /** e.g. "credit_expiry", "reservation_sweep". */
  job: text("job").primaryKey(),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }).notNull(),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }).notNull(),
  lastOk: boolean("last_ok").notNull(),
  /** The failure's message when the last run failed; null after a success. */
  lastError: text("last_error"),
});

export type MaintenanceRun = typeof maintenanceRuns.$inferSelect;
