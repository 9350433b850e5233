import type { Logger } from "pino";
import type { Clock } from "../platform/clock.js";
import type { ImageSolver } from "./services/image-solver.js";

/** What /healthz says about the AI provider: it accepts our key, it does not, or none (stub). */
export type ProviderStatus = "ok" | "error" | "stub";

/**
 * At most one provider check per this many ms per instance (measured from the start of the
 * last one); probes in between get its answer. Health probes come every few seconds from every
 * orchestrator, and each check counts against the provider's rate limits.
 */
export const PROVIDER_CHECK_INTERVAL_MS = 60_000;

/** A provider check gives up after this many ms, so /healthz answers about as fast as the database. */
export const PROVIDER_CHECK_TIMEOUT_MS = 2_000;

export interface ProviderHealth {
  status(): Promise<ProviderStatus>;
}

/**
 * The provider's reachability for /healthz, cached for a minute. Only /healthz calls it, never the
 * solve path: a solve finds out about an outage from its own call (502/503/504).
 */
export function createProviderHealth(deps: {
  solver: ImageSolver;
  clock: Clock;
  log?: Pick<Logger, "warn"> | undefined;
}): ProviderHealth {
  const { solver, clock, log } = deps;
  const check = solver.checkReachable;
  if (check === undefined) return { status: () => Promise.resolve("stub") };

  let last: { startedAt: number; status: "ok" | "error" } | undefined;
  let running: Promise<"ok" | "error"> | undefined;

  const refresh = async (startedAt: number): Promise<"ok" | "error"> => {
    const outcome = await check(PROVIDER_CHECK_TIMEOUT_MS);
    if (!outcome.ok) {
      log?.warn({ provider: solver.mode, reason: outcome.detail }, "AI provider check failed");
    }
    last = { startedAt, status: outcome.ok ? "ok" : "error" };
    return last.status;
  };

  return {
    status() {
      const now = clock.now().getTime();
      if (last !== undefined && now - last.startedAt < PROVIDER_CHECK_INTERVAL_MS) {
        return Promise.resolve(last.status);
      }
      // Probes that arrive while a check runs wait for it: still one provider call.
      running ??= refresh(now).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
