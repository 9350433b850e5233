import { recordMaintenanceRun } from "./platform/maintenance-runs.queries.js";
import type { Services } from "./services.js";

/** How often the server runs its maintenance, in ms. */
export const MAINTENANCE_INTERVAL_MS = 60_000;

type MaintenanceServices = Pick<
  Services,
  "credits" | "customers" | "idempotency" | "log" | "db" | "clock"
>;

export interface MaintenanceJob {
  /** Its row in maintenance_runs, and its name in the preflight. */
  readonly name: string;
  /** The key of its count in the "maintenance" log line (kept as it was before the table). */
  readonly logKey: string;
  /** The management command that runs the same job from cron, when there is one. */
  readonly command?: string;
  run(services: MaintenanceServices): Promise<number>;
}

/** The jobs, in the order each run does them. */
export const MAINTENANCE_JOBS: readonly MaintenanceJob[] = [
  {
    name: "credit_expiry",
    logKey: "expired_grants",
    command: "expire-credits",
    run: (s) => s.credits.expireCredits(),
  },
  {
    name: "reservation_sweep",
    logKey: "released_holds",
    command: "release-stale-reservations",
    run: (s) => s.credits.releaseStaleHolds(),
  },
  {
    name: "idempotency_key_purge",
    logKey: "purged_idempotency_keys",
    run: (s) => s.idempotency.purgeExpired(),
  },
  {
    name: "refresh_token_purge",
    logKey: "purged_refresh_tokens",
    run: (s) => s.customers.jwt.purgeExpired(),
  },
];

/**
 * Housekeeping every instance runs on a timer (each job is idempotent and safe to run from
 * several instances at once): expire credits past their date, release the holds of requests
 * that died, purge Idempotency-Keys older than 24 h and JWT refresh tokens whose login expired. The
 * credit jobs are also CLI commands for cron. Each run of a job is recorded in maintenance_runs,
 * so the preflight can tell from any instance whether the jobs run.
 * Returns a function that stops it and waits for a run in progress.
 */
export function startMaintenance(
  services: MaintenanceServices,
  intervalMs = MAINTENANCE_INTERVAL_MS,
): () => Promise<void> {
  const { log, clock, db } = services;
  let running: Promise<void> = Promise.resolve();
  const runOnce = async () => {
    const done: Record<string, number> = {};
    for (const job of MAINTENANCE_JOBS) {
      const startedAt = clock.now();
      let error: unknown;
      try {
        done[job.logKey] = await job.run(services);
      } catch (caught) {
        error = caught ?? new Error("failed");
        log.warn(
          { err: caught, job: job.logKey },
          "maintenance job failed; it runs again next time",
        );
      }
      try {
        await recordMaintenanceRun(db, {
          job: job.name,
          startedAt,
          finishedAt: clock.now(),
          ...(error === undefined ? {} : { error }),
        });
      } catch (recordError) {
        // The jobs matter more than their record: a lost record only makes the preflight warn.
        log.warn({ err: recordError, job: job.logKey }, "could not record a maintenance run");
      }
    }
    if (Object.values(done).some((n) => n > 0)) log.info(done, "maintenance");
  };
  const timer = setInterval(() => {
    running = running.then(runOnce);
  }, intervalMs);
  timer.unref();
  running = runOnce();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
