import type { DbOrTx } from "./db/database.js";
import { maintenanceRuns, type MaintenanceRun } from "./maintenance-runs.table.js";

/** Longest failure message kept: enough to read the cause, never a whole stack or query dump. */
const MAX_ERROR_LENGTH = 500;

export interface MaintenanceRunRecord {
  readonly job: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** The failure, or undefined when the job succeeded. */
  readonly error?: unknown;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "failed (not an Error)";
}

/** Records a job's latest run, replacing the one before (one row per job). */
export async function recordMaintenanceRun(db: DbOrTx, run: MaintenanceRunRecord): Promise<void> {
  const failed = run.error !== undefined;
  const values = {
    lastStartedAt: run.startedAt,
    lastFinishedAt: run.finishedAt,
    lastOk: !failed,
    lastError: failed ? messageOf(run.error).slice(0, MAX_ERROR_LENGTH) : null,
  };
  await db
    .insert(maintenanceRuns)
    .values({ job: run.job, ...values })
    .onConflictDoUpdate({ target: maintenanceRuns.job, set: values });
}

export async function listMaintenanceRuns(db: DbOrTx): Promise<MaintenanceRun[]> {
  return db.select().from(maintenanceRuns);
}
