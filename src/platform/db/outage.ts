import type { Logger } from "pino";
import { platformError, type AppError } from "../errors.js";
import { valueWithin } from "../timeout.js";
import { rootCauseSummary } from "./errors.js";

/** Seconds a client is told to wait (Retry-After) before retrying during a database outage. */
export const DATABASE_RETRY_AFTER_S = 5;

/** At most one outage warning per this many ms; the ones in between are counted. */
export const OUTAGE_WARNING_INTERVAL_MS = 10_000;

/** While an outage lasts, the database is tried this often (ms), to log its end once. */
const PROBE_INTERVAL_MS = 1_000;

/** The answer to a request the database could not serve: 503, retry in a few seconds. */
export function databaseUnavailableError(): AppError {
  return platformError(
    "database_unavailable",
    `The database cannot be reached right now; retry in ${String(DATABASE_RETRY_AFTER_S)} s.`,
    { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_S) } },
  );
}

/**
 * Turns an outage into a few log lines instead of a stack per request: a warning when it starts,
 * then at most one per interval with how many requests were refused since the last one, and one
 * line when the database answers again (a successful health check, or the probe this starts).
 */
export interface DatabaseOutageMonitor {
  /** A request was answered 503 because the database could not be reached. */
  refused(error: unknown): void;
  /** The database answered: ends the outage, if there is one. */
  reachable(): void;
  /** True from the first refusal until the database answers again. */
  readonly active: boolean;
  /** Stops the probe (on shutdown). */
  close(): void;
}

export function createDatabaseOutageMonitor(deps: {
  log: Pick<Logger, "warn" | "info">;
  /** A real round trip; false when the database does not answer. */
  ping: () => Promise<boolean>;
  intervalMs?: number;
  probeIntervalMs?: number;
  /** Monotonic milliseconds. */
  now?: () => number;
}): DatabaseOutageMonitor {
  const intervalMs = deps.intervalMs ?? OUTAGE_WARNING_INTERVAL_MS;
  const probeIntervalMs = deps.probeIntervalMs ?? PROBE_INTERVAL_MS;
  const now = deps.now ?? (() => performance.now());
  let outage: { startedAt: number; refusedTotal: number } | undefined;
  // Kept across outages, so a database that flaps still warns at most once per interval.
  let lastWarnedAt = -Infinity;
  let unreported = 0;
  let probe: NodeJS.Timeout | undefined;
  let closed = false;

  const scheduleProbe = (): void => {
    if (closed || probe !== undefined) return;
    probe = setTimeout(() => {
      // The ping is bounded: a database that accepts connections but never answers must not
      // stall the probe for good.
      void valueWithin(deps.ping(), probeIntervalMs * 5, false).then((ok) => {
        probe = undefined;
        if (ok) monitor.reachable();
        else if (outage !== undefined) scheduleProbe();
      });
    }, probeIntervalMs);
    probe.unref();
  };

  const monitor: DatabaseOutageMonitor = {
    refused(error) {
      const at = now();
      outage ??= { startedAt: at, refusedTotal: 0 };
      outage.refusedTotal += 1;
      unreported += 1;
      scheduleProbe();
      if (at - lastWarnedAt < intervalMs) return;
      lastWarnedAt = at;
      deps.log.warn(
        {
          refused: unreported,
          outage_s: Math.round((at - outage.startedAt) / 1000),
          reason: rootCauseSummary(error),
        },
        "database unavailable: requests are answered 503 database_unavailable until it is back",
      );
      unreported = 0;
    },
    reachable() {
      if (outage === undefined) return;
      const { startedAt, refusedTotal } = outage;
      outage = undefined;
      deps.log.info(
        {
          refused: refusedTotal,
          refused_since_warning: unreported,
          outage_s: Math.round((now() - startedAt) / 1000),
        },
        "database reachable again",
      );
      unreported = 0;
    },
    get active() {
      return outage !== undefined;
    },
    close() {
      closed = true;
      clearTimeout(probe);
      probe = undefined;
    },
  };
  return monitor;
}
