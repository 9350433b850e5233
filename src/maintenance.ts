import type { Services } from "./services.js";

/** How often the server runs its maintenance, in ms. */
export const MAINTENANCE_INTERVAL_MS = 60_000;

/**
 * Housekeeping every instance runs on a timer (each job is idempotent and safe to run from
 * several instances at once): expire credits past their date, release the holds of requests
 * that died, purge Idempotency-Keys older than 24 h and JWT refresh tokens whose login expired. The
 * same jobs are CLI commands for cron.
 * Returns a function that stops it and waits for a run in progress.
 */
export function startMaintenance(
  services: Pick<Services, "credits" | "customers" | "idempotency" | "log">,
  intervalMs = MAINTENANCE_INTERVAL_MS,
): () => Promise<void> {
  const { credits, customers, idempotency, log } = services;
  let running: Promise<void> = Promise.resolve();
  const runOnce = async () => {
    const jobs = {
      expired_grants: () => credits.expireCredits(),
      released_holds: () => credits.releaseStaleHolds(),
      purged_idempotency_keys: () => idempotency.purgeExpired(),
      purged_refresh_tokens: () => customers.jwt.purgeExpired(),
    };
    const done: Record<string, number> = {};
    for (const [name, job] of Object.entries(jobs)) {
      try {
        done[name] = await job();
      } catch (error) {
        log.warn({ err: error, job: name }, "maintenance job failed; it runs again next time");
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
