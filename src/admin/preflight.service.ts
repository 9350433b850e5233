import { eq, max } from "drizzle-orm";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { deploymentProblems, type Config } from "../config.js";
import type { ProviderHealth } from "../core/provider-health.js";
import { MAINTENANCE_INTERVAL_MS, MAINTENANCE_JOBS, type MaintenanceJob } from "../maintenance.js";
import type { Clock } from "../platform/clock.js";
import type { Database } from "../platform/db/database.js";
import { committedMigrations } from "../platform/db/migrate.js";
import type { Mailer } from "../platform/email.js";
import { listMaintenanceRuns } from "../platform/maintenance-runs.queries.js";
import type { MaintenanceRun } from "../platform/maintenance-runs.table.js";
import { valueWithin } from "../platform/timeout.js";
import { paymentEvents } from "../payments/orders.table.js";
import type { PaymentProvider } from "../payments/payment-provider.js";
import { adminError } from "./admin.errors.js";

export type CheckStatus = "ok" | "warn" | "fail";

export interface CheckOutcome {
  readonly status: CheckStatus;
  /** One line: what was found. */
  readonly detail: string;
  /** One line: what to do about it; null when the check is ok. */
  readonly fix: string | null;
}

export interface CheckResult extends CheckOutcome {
  readonly name: string;
}

export interface PreflightReport {
  /** The worst status of any check. */
  readonly status: CheckStatus;
  readonly checkedAt: Date;
  readonly checks: readonly CheckResult[];
}

/** What checks may look at. */
export interface PreflightDeps {
  readonly config: Config;
  readonly database: Pick<Database, "kind" | "query">;
  readonly db: Database["db"];
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly providerHealth: ProviderHealth;
  readonly paymentProvider: Pick<PaymentProvider, "name" | "ping">;
  readonly log: Pick<Logger, "warn">;
}

/**
 * One check of the preflight. Adding one (e.g. the payment provider) is adding an object to
 * PREFLIGHT_CHECKS; it may throw, which reads as a failure.
 */
export interface PreflightCheck {
  readonly name: string;
  run(deps: PreflightDeps): Promise<CheckOutcome>;
}

/** A check that has not answered by then fails, so one hung dependency cannot hang the report. */
export const CHECK_TIMEOUT_MS = 5_000;
/** The database and Redis get less: both answer in milliseconds when healthy. */
const ROUND_TRIP_TIMEOUT_MS = 2_000;

const ok = (detail: string): CheckOutcome => ({ status: "ok", detail, fix: null });
const warn = (detail: string, fix: string): CheckOutcome => ({ status: "warn", detail, fix });
const fail = (detail: string, fix: string): CheckOutcome => ({ status: "fail", detail, fix });

/** DEBUG off is how Tollgate tells production (as `check --deploy` assumes). */
const isProduction = (config: Config) => !config.debug;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const SEVERITY: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 };

export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), "ok");
}

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  const timedOut = Symbol("timeout");
  const value = await valueWithin<T | typeof timedOut>(work, ms, timedOut);
  if (value === timedOut) throw new Error(`no answer within ${String(ms / 1000)} s`);
  return value;
}

const databaseName = (deps: PreflightDeps) =>
  deps.database.kind === "pglite" ? "embedded PGlite" : "PostgreSQL server";

export const databaseCheck: PreflightCheck = {
  name: "database",
  async run(deps) {
    const started = performance.now();
    try {
      await within(deps.database.query("select 1"), ROUND_TRIP_TIMEOUT_MS);
    } catch (error) {
      return fail(
        `${databaseName(deps)} not reachable: ${messageOf(error)}`,
        "Check DATABASE_URL and that the database server accepts connections.",
      );
    }
    const ms = Math.round(performance.now() - started);
    return ok(`${databaseName(deps)} answered in ${String(ms)} ms`);
  },
};

export const migrationsCheck: PreflightCheck = {
  name: "migrations",
  async run(deps) {
    const committed = committedMigrations();
    const [table] = await deps.database.query<{ exists: boolean }>(
      "select to_regclass('drizzle.__drizzle_migrations') is not null as exists",
    );
    const rows =
      table?.exists === true
        ? await deps.database.query<{ created_at: string }>(
            "select created_at::text as created_at from drizzle.__drizzle_migrations",
          )
        : [];
    const applied = rows.map((row) => Number(row.created_at));
    // Drizzle's own rule: a committed migration newer than the last one applied is pending.
    const lastApplied = Math.max(0, ...applied);
    const pending = committed.filter((m) => m.when > lastApplied);
    if (pending.length > 0) {
      return fail(
        `${String(pending.length)} pending migration(s): ${pending.map((m) => m.tag).join(", ")}`,
        "Run `npm run migrate` (the server also applies them when it starts).",
      );
    }
    const newestCommitted = Math.max(0, ...committed.map((m) => m.when));
    const unknown = applied.filter((when) => when > newestCommitted).length;
    if (unknown > 0) {
      return warn(
        `the database has ${String(unknown)} migration(s) newer than this release's`,
        "Run the release that applied them (this one may not match the database's schema).",
      );
    }
    return ok(
      `all ${String(committed.length)} applied (latest ${committed.at(-1)?.tag ?? "none"})`,
    );
  },
};

export const emailCheck: PreflightCheck = {
  name: "email",
  async run(deps) {
    const { email } = deps.config;
    const testHint = "POST /api/admin/preflight/test-email sends you a test message";
    if (email.host === undefined || deps.mailer.verify === undefined) {
      const detail = "no EMAIL_HOST: emails are written to DATA_DIR/outbox/, nobody receives them";
      return isProduction(deps.config)
        ? warn(detail, "Set EMAIL_HOST, EMAIL_PORT and, if the server needs them, its credentials.")
        : ok(`${detail} (fine for local use)`);
    }
    const server = `${email.host}:${String(email.port)}`;
    try {
      await deps.mailer.verify();
    } catch (error) {
      return fail(
        `SMTP server ${server} refused or did not answer: ${messageOf(error)}`,
        "Check EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS, EMAIL_HOST_USER and EMAIL_HOST_PASSWORD.",
      );
    }
    return ok(
      `SMTP server ${server} accepts a connection${email.user ? " and login" : ""}; ${testHint}`,
    );
  },
};

export const aiProviderCheck: PreflightCheck = {
  name: "ai_provider",
  async run(deps) {
    const status = await deps.providerHealth.status();
    const host = new URL(deps.config.openai.baseUrl).host;
    if (status === "stub") {
      const detail = "stub (no OPENAI_API_KEY): solve answers with a description, no model";
      return isProduction(deps.config)
        ? warn(detail, "Set OPENAI_API_KEY (and OPENAI_BASE_URL for another provider).")
        : ok(detail);
    }
    if (status === "error") {
      return fail(
        `the provider at ${host} refused the key or could not be reached`,
        "Check OPENAI_API_KEY and OPENAI_BASE_URL; the server log has the provider's reason.",
      );
    }
    return ok(`the provider at ${host} accepts the key (checked at most once a minute)`);
  },
};

export const paymentsCheck: PreflightCheck = {
  name: "payments",
  async run(deps) {
    const provider = deps.paymentProvider;
    if (provider.name === "local") {
      const detail = "the local test provider (no STRIPE_SECRET_KEY): no money moves";
      return isProduction(deps.config)
        ? fail(detail, "Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (docs/payments.md).")
        : ok(detail);
    }
    try {
      await within(provider.ping(), 6_000);
    } catch (error) {
      return fail(
        `Stripe refused the key or could not be reached: ${messageOf(error)}`,
        "Check STRIPE_SECRET_KEY (and STRIPE_API_BASE, which production leaves unset).",
      );
    }
    if (deps.config.payments.stripe?.webhookSecret === undefined) {
      return fail(
        "Stripe accepts the key, but STRIPE_WEBHOOK_SECRET is not set: no payment can be verified",
        "Add the endpoint /api/webhooks/stripe in Stripe and set its signing secret.",
      );
    }
    const [last] = await deps.db
      .select({ at: max(paymentEvents.receivedAt) })
      .from(paymentEvents)
      .where(eq(paymentEvents.provider, "stripe"));
    return ok(
      last?.at
        ? `Stripe accepts the key; the last event arrived at ${last.at.toISOString()}`
        : "Stripe accepts the key; no webhook event has arrived yet",
    );
  },
};

export const redisCheck: PreflightCheck = {
  name: "redis",
  async run(deps) {
    const { redisUrl, rateLimit } = deps.config;
    if (redisUrl === undefined) {
      return ok(
        rateLimit.enabled
          ? "not configured (in-process limits: each instance counts on its own)"
          : "not configured (in-process limits; rate limits are off)",
      );
    }
    // A client of its own that never retries: the preflight wants an answer, not resilience.
    const redis = new Redis(redisUrl, {
      lazyConnect: true,
      connectTimeout: ROUND_TRIP_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    // Reported through the check's answer; without a listener ioredis would print it.
    redis.on("error", () => undefined);
    const host = new URL(redisUrl).host;
    const started = performance.now();
    try {
      await within(
        redis.connect().then(() => redis.ping()),
        ROUND_TRIP_TIMEOUT_MS,
      );
    } catch (error) {
      return fail(
        `Redis at ${host} did not answer PING: ${messageOf(error)}`,
        "Check REDIS_URL and that Redis runs (until it does, each instance counts limits alone).",
      );
    } finally {
      redis.disconnect();
    }
    return ok(
      `Redis at ${host} answered PING in ${String(Math.round(performance.now() - started))} ms`,
    );
  },
};

/** How long after its last run a job counts as not running: two of the server's intervals. */
export const MAINTENANCE_STALE_MS = 2 * MAINTENANCE_INTERVAL_MS;

function maintenanceFix(job: MaintenanceJob): string {
  const cron =
    job.command === undefined ? "" : `, or run \`npm run cli -- ${job.command}\` from cron`;
  return `Keep a server running (each runs the job every ${String(MAINTENANCE_INTERVAL_MS / 1000)} s)${cron}; its log says why a run failed.`;
}

/** One check per periodic job, read from maintenance_runs (written by every instance). */
export function maintenanceCheck(job: MaintenanceJob): PreflightCheck {
  const runs = new WeakMap<PreflightDeps, Promise<MaintenanceRun[]>>();
  return {
    name: `job.${job.name}`,
    async run(deps) {
      // The jobs' checks of one report share one read.
      let all = runs.get(deps);
      if (all === undefined) {
        all = listMaintenanceRuns(deps.db);
        runs.set(deps, all);
      }
      const run = (await all).find((r) => r.job === job.name);
      if (run === undefined) return warn("never ran", maintenanceFix(job));
      const age = deps.clock.now().getTime() - run.lastFinishedAt.getTime();
      const when = `${run.lastFinishedAt.toISOString()} (${String(Math.max(0, Math.round(age / 1000)))} s ago)`;
      if (!run.lastOk) {
        return fail(
          `last run failed at ${when}: ${run.lastError ?? "no message"}`,
          maintenanceFix(job),
        );
      }
      if (age > MAINTENANCE_STALE_MS) {
        return warn(`last ran at ${when}, not since`, maintenanceFix(job));
      }
      return ok(`last ran at ${when}`);
    },
  };
}

export const deploymentCheck: PreflightCheck = {
  name: "deployment",
  async run(deps) {
    const problems = deploymentProblems(deps.config);
    if (problems.length === 0) return ok("`check --deploy` finds no problem");
    const detail = problems.join(" ");
    const fix = "Fix each as it says; `npm run cli -- check --deploy` then passes.";
    return isProduction(deps.config)
      ? fail(detail, fix)
      : warn(`${detail} (DEBUG is on, so not production)`, fix);
  },
};

/** Every check, in the order the report lists them. */
export const PREFLIGHT_CHECKS: readonly PreflightCheck[] = [
  databaseCheck,
  migrationsCheck,
  emailCheck,
  aiProviderCheck,
  paymentsCheck,
  redisCheck,
  ...MAINTENANCE_JOBS.map(maintenanceCheck),
  deploymentCheck,
];

async function runCheck(check: PreflightCheck, deps: PreflightDeps): Promise<CheckResult> {
  try {
    return { name: check.name, ...(await within(check.run(deps), CHECK_TIMEOUT_MS)) };
  } catch (error) {
    return {
      name: check.name,
      status: "fail",
      detail: `the check itself failed: ${messageOf(error)}`,
      fix: "See the server log; fix what it names and run the preflight again.",
    };
  }
}

export interface TestEmailResult {
  readonly to: string;
  readonly transport: Mailer["transport"];
}

export interface PreflightService {
  /** Runs every check at once; never throws. */
  run(): Promise<PreflightReport>;
  /** Sends a test message to `to`; AppError email_send_failed (502) when it cannot. */
  sendTestEmail(to: string): Promise<TestEmailResult>;
}

export function createPreflightService(
  deps: PreflightDeps,
  checks: readonly PreflightCheck[] = PREFLIGHT_CHECKS,
): PreflightService {
  return {
    async run() {
      // A fresh object per report, so checks that share work (the jobs' read) share it per run.
      const runDeps = { ...deps };
      const results = await Promise.all(checks.map((check) => runCheck(check, runDeps)));
      return {
        status: worstStatus(results.map((r) => r.status)),
        checkedAt: deps.clock.now(),
        checks: results,
      };
    },
    async sendTestEmail(to) {
      try {
        await deps.mailer.send({
          to,
          subject: "Tollgate test email",
          text:
            "This is a test message from Tollgate's preflight.\n\n" +
            "It reached you, so the server can send email (verification links, password resets).\n",
        });
      } catch (error) {
        deps.log.warn({ err: error }, "test email could not be sent");
        const { host, port } = deps.config.email;
        const server = host === undefined ? "the outbox" : `SMTP server ${host}:${String(port)}`;
        throw adminError(
          "email_send_failed",
          `${server} did not take the message: ${messageOf(error)}`,
        );
      }
      return { to, transport: deps.mailer.transport };
    },
  };
}
