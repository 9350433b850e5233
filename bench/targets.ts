import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database } from "../src/platform/db/database.js";
import { createLogger } from "../src/platform/logging.js";
import { users as users_, type User } from "../src/schema.js";
import { buildServices, type Services } from "../src/services.js";

/** A running server to point the load at, and how to take it down. */
export interface Target {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly authorizations?: readonly string[];
  /** The request body (default: the benchmark's PNG). */
  readonly body?: Buffer;
  /** Facts after the run (metering, the ledger). */
  facts?(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A Fastify server with one route that reads the same upload and returns a JSON body of the same
 * shape as /api/core/solve: the floor the real endpoint is compared with.
 */
export async function startBareTarget(): Promise<Target> {
  const app: FastifyInstance = Fastify({ logger: false });
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: 10 * 1024 * 1024 },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.post("/bare", async (request) => ({
    request_id: request.id,
    result: `stub: png image, ${(request.body as Buffer).length} bytes`,
    model: "stub",
    duration_ms: 0,
  }));
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: `${address}/bare`,
    headers: { "content-type": "application/octet-stream" },
    close: () => app.close(),
  };
}

export interface DatabaseChoice {
  readonly label: string;
  /** `url`: the database's postgres:// URL on a server, for a server process of its own. */
  open(): Promise<{ database: Database; url?: string; cleanup(): Promise<void> }>;
}

/** The embedded database (PGlite) in a fresh temporary directory, as `npm start` uses it. */
export const embeddedDatabase: DatabaseChoice = {
  label: "embedded (PGlite)",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "tollgate-bench-"));
    const database = await openDatabase({ pgliteDir: join(dir, "pglite") });
    return {
      database,
      async cleanup() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/**
 * The embedded database (PGlite) in memory: the same engine and migrations, without the data
 * directory's initdb (5 s to open instead of 12 s here), for runs that keep nothing.
 */
export const embeddedMemoryDatabase: DatabaseChoice = {
  label: "embedded (PGlite, in memory)",
  async open() {
    const database = await openDatabase({});
    return { database, cleanup: () => database.close() };
  },
};

/** A bench database of its own on the server at `adminUrl`, dropped afterwards. */
export function serverDatabase(adminUrl: string): DatabaseChoice {
  return {
    label: "server PostgreSQL",
    async open() {
      const name = `tollgate_bench_${randomBytes(4).toString("hex")}`;
      const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
      await admin.query(`create database "${name}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ url: url.toString(), poolSize: 10 });
      return {
        database,
        url: url.toString(),
        async cleanup() {
          await database.close();
          await admin.query(`drop database if exists "${name}" with (force)`);
          await admin.close();
        },
      };
    },
  };
}

/** The real application, running, with bench users who have API tokens (and credits). */
export interface AppTarget {
  readonly base: string;
  readonly services: Services;
  readonly database: Database;
  readonly authorizations: readonly string[];
  close(): Promise<void>;
}

/**
 * A verified user without a usable password (`!unusable`: no argon2 hash to wait for), staff when
 * told, with `credits` pay-as-you-go credits.
 */
export async function createBenchUser(
  database: Database,
  services: Services,
  options: { isStaff?: boolean; credits?: number } = {},
): Promise<User> {
  const [user] = await database.db
    .insert(users_)
    .values({
      email: `bench-${randomBytes(4).toString("hex")}@example.com`,
      password: "!unusable",
      emailVerifiedAt: new Date(),
      isStaff: options.isStaff ?? false,
    })
    .returning();
  if (user === undefined) throw new Error("bench user not created");
  if ((options.credits ?? 0) > 0) {
    await services.credits.adjust({
      userId: user.id,
      amount: (options.credits ?? 0) * 1000,
      reason: "benchmark",
      kind: "payg",
      actor: null,
    });
  }
  return user;
}

export interface StartAppOptions {
  /** Users, each with one API token (default 1). */
  readonly users?: number;
  /** Pay-as-you-go credits for each of them. */
  readonly credits?: number;
  /** Extra environment for the configuration (e.g. a DATA_DIR of the caller's own). */
  readonly env?: Readonly<Record<string, string>>;
  /** Where the server's log goes (default /dev/null). */
  readonly log?: DestinationStream;
}

/**
 * The real application (stub provider, info logging to /dev/null, rate limits off) on a random
 * port, with `users` verified users, one API token each made by the token service, and
 * `credits` pay-as-you-go credits each.
 */
export async function startApp(
  choice: DatabaseChoice,
  options: StartAppOptions = {},
): Promise<AppTarget> {
  const opened = await choice.open();
  const database = opened.database;
  await database.migrate();
  const config = loadConfig(
    {
      SECRET_KEY: randomBytes(48).toString("base64url"),
      DATA_DIR: join(tmpdir(), "tollgate-bench-data"),
      LOG_LEVEL: process.env["BENCH_LOG_LEVEL"] ?? "info",
      COST_PER_REQUEST_CENTS: "100",
      ...options.env,
    },
    { persistSecretKey: false },
  );
  const { default: pino } = await import("pino");
  const log = createLogger(
    config,
    options.log ?? pino.destination({ dest: "/dev/null", sync: false }),
  );
  const services: Services = await buildServices(config, database, log);
  await services.aiServices.createDefaultRows();
  const authorizations: string[] = [];
  for (let i = 0; i < (options.users ?? 1); i++) {
    const user = await createBenchUser(database, services, { credits: options.credits ?? 0 });
    const token = await services.customers.tokens.createToken(user.id, "bench");
    authorizations.push(`Bearer ${token.token}`);
  }
  const app = await buildApp(config, services);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    base,
    services,
    database,
    authorizations,
    async close() {
      await app.close();
      await services.close();
      await opened.cleanup();
    },
  };
}

/** POST /api/core/solve on a running application. */
export function solveTarget(app: AppTarget): Target {
  return {
    url: `${app.base}/api/core/solve`,
    headers: {
      authorization: app.authorizations[0] ?? "",
      "content-type": "application/octet-stream",
    },
    authorizations: app.authorizations,
    async facts() {
      const [row] = await app.database.query<{ logs: string; ok: string; total: number }>(
        `select count(*) as logs, count(*) filter (where status = 'success') as ok,
                (select coalesce(sum(total_requests), 0) from billing_periods) as total
         from request_logs`,
      );
      const stats = app.services.customers.tokens.stats();
      return (
        `request logs ${row?.logs ?? "?"} (success ${row?.ok ?? "?"}), period total_requests ` +
        `${String(row?.total ?? "?")}, argon2 verifications ${stats.argon2Verifications}`
      );
    },
    close: () => Promise.resolve(),
  };
}

/** POST /api/services/{name}/run with a JSON body on a running application. */
export function serviceTarget(app: AppTarget, name: string): Target {
  return {
    url: `${app.base}/api/services/${name}/run`,
    headers: { authorization: app.authorizations[0] ?? "", "content-type": "application/json" },
    authorizations: app.authorizations,
    async facts() {
      const ledger = await app.services.credits.reconcile();
      const usage = await app.services.usage.reconcile();
      const [row] = await app.database.query<{ logs: string; credits: string; optimistic: string }>(
        `select count(*) as logs, coalesce(sum(credits_charged_milli), 0) / 1000 as credits,
           (select count(*) from credit_holds
            where service = $1 and expires_at = created_at) as optimistic
         from request_logs where service = $1`,
        [name],
      );
      return (
        `request logs ${row?.logs ?? "?"}, credits charged ${row?.credits ?? "?"} ` +
        `(${row?.optimistic ?? "?"} admitted on a recent balance); reconcile: ` +
        `ledger ${ledger.problemCount === 0 ? "clean" : `${ledger.problemCount} problem(s)`}, ` +
        `periods ${usage.totals.count + usage.logs.count === 0 ? "clean" : "MISMATCHED"}`
      );
    },
    close: () => Promise.resolve(),
  };
}
