/**
 * `npm run bench -- crash`: crash-safe charging under load (docs/reliability.md). On server
 * PostgreSQL (BENCH_DATABASE_URL, a maintenance database to create the bench database from), the
 * real server runs as a child process and is killed with SIGKILL several times while clients post
 * to POST /api/core/solve (with a credit cost, so the ledger is exercised too). Each logical request
 * has its own Idempotency-Key and is retried with it until it gets a reply. At the end every
 * logical request must be charged exactly once, and `reconcile` must exit 0.
 *
 * Options: BENCH_CRASH_REQUESTS (3000 logical requests), BENCH_CONNECTIONS (32 clients),
 * BENCH_CRASH_KILLS (3), BENCH_CRASH_INTERVAL_MS (1500: time between a restart and the next kill).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { samplePng } from "../src/core/sample-images.js";
import { IMAGE_SOLVE_SERVICE } from "../src/core/solve.service.js";
import type { Database } from "../src/platform/db/database.js";
import { createLogger } from "../src/platform/logging.js";
import { buildServices } from "../src/services.js";
import { freePort } from "../test/support/free-port.js";
import { createBenchUser, serverDatabase } from "./targets.js";

const env = process.env;
const REQUESTS = Number(env["BENCH_CRASH_REQUESTS"] ?? 3000);
const CLIENTS = Number(env["BENCH_CONNECTIONS"] ?? 32);
const KILLS = Number(env["BENCH_CRASH_KILLS"] ?? 3);
const INTERVAL_MS = Number(env["BENCH_CRASH_INTERVAL_MS"] ?? 1500);
/** Credits each solve costs in this run (staff may give core.image_solve a credit cost). */
const CREDIT_COST = 1;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const IMAGE = samplePng(8, 8);

interface Tally {
  replies: number;
  replays: number;
  /** Attempts that got no reply (connection reset or refused while the server was down). */
  lost: number;
  /** 409 idempotency_key_in_use (the dead attempt's claim had not lapsed yet) and 503s. */
  waits: number;
  unexpected: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real server (`src/server.ts`), as `npm start` runs it, on the bench database. */
class ServerProcess {
  private child: ChildProcess | undefined;
  constructor(
    private readonly serverEnv: NodeJS.ProcessEnv,
    readonly base: string,
  ) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: ROOT,
      env: this.serverEnv,
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${this.base}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error("the server did not become healthy within 30 s");
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child?.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => {
        resolve();
      });
      child.kill(signal);
    });
  }
}

/** Posts one logical request with its key until it gets a reply, counting what happened. */
async function solveUntilAnswered(base: string, token: string, tally: Tally): Promise<void> {
  const key = randomUUID();
  for (;;) {
    let response: Response;
    try {
      response = await fetch(`${base}/api/core/solve`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/octet-stream",
          "idempotency-key": key,
        },
        body: IMAGE,
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      tally.lost += 1;
      await sleep(100);
      continue;
    }
    const body = await response.text().catch(() => undefined);
    if (body === undefined) {
      tally.lost += 1;
      continue;
    }
    if (response.status === 200) {
      tally.replies += 1;
      if (response.headers.get("idempotent-replayed") === "true") tally.replays += 1;
      return;
    }
    if (response.status === 409 || response.status === 503) {
      tally.waits += 1;
      await sleep(Number(response.headers.get("retry-after") ?? 1) * 1000);
      continue;
    }
    tally.unexpected.push(`${response.status} ${body.slice(0, 200)}`);
    return;
  }
}

function runCli(serverEnv: NodeJS.ProcessEnv, command: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", command], {
      cwd: ROOT,
      env: serverEnv,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("exit", (code) => {
      resolve(code ?? 1);
    });
  });
}

export async function benchCrash(): Promise<void> {
  const adminUrl = env["BENCH_DATABASE_URL"];
  if (adminUrl === undefined || adminUrl === "") {
    process.stderr.write("The crash benchmark needs server PostgreSQL: set BENCH_DATABASE_URL.\n");
    process.exit(2);
  }
  const bench = await serverDatabase(adminUrl).open();
  const { database } = bench;
  const dataDir = mkdtempSync(join(tmpdir(), "tollgate-bench-crash-"));
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = {
    PATH: env["PATH"],
    DATABASE_URL: bench.url,
    SECRET_KEY: randomBytes(48).toString("base64url"),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "error",
  };
  const server = new ServerProcess(serverEnv, `http://127.0.0.1:${port}`);
  try {
    const token = await prepare(database, dataDir);
    await server.start();

    const tally: Tally = { replies: 0, replays: 0, lost: 0, waits: 0, unexpected: [] };
    let next = 0;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        next += 1;
        await solveUntilAnswered(server.base, token, tally);
      }
    });
    const started = performance.now();
    let kills = 0;
    const killer = (async () => {
      for (; kills < KILLS; kills++) {
        await sleep(INTERVAL_MS);
        if (next >= REQUESTS) break;
        await server.kill("SIGKILL");
        await server.start();
      }
    })();
    await Promise.all([...clients, killer]);
    const seconds = (performance.now() - started) / 1000;
    await server.kill("SIGTERM");

    const charges = await chargesOf(database);
    const reconcileExit = await runCli(serverEnv, "reconcile");
    const lines = [
      `logical requests  ${REQUESTS} (${CLIENTS} clients, one Idempotency-Key each, ${seconds.toFixed(1)} s)`,
      `server kills      ${kills} (SIGKILL mid-run, then restarted)`,
      `attempts lost     ${tally.lost} (no reply: reset or refused; retried with the same key)`,
      `waits             ${tally.waits} (409 idempotency_key_in_use or 503, retried after Retry-After)`,
      `replies           ${tally.replies}, of which replays ${tally.replays}`,
      `charges           ${charges.logs} request logs, ${charges.periodTotal} on the billing period, ` +
        `${charges.credits} credits charged, ${charges.openHolds} reservations still open`,
      `reconcile         exit ${reconcileExit}`,
      ...tally.unexpected.slice(0, 5).map((u) => `unexpected reply  ${u}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    const ok =
      tally.unexpected.length === 0 &&
      tally.replies === REQUESTS &&
      charges.logs === REQUESTS &&
      charges.periodTotal === REQUESTS &&
      charges.credits === REQUESTS * CREDIT_COST &&
      charges.openHolds === 0 &&
      reconcileExit === 0;
    process.stdout.write(ok ? "OK: charges = logical requests\n" : "FAILED\n");
    if (!ok) process.exitCode = 1;
  } finally {
    await server.kill("SIGKILL");
    await bench.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Migrates the bench database and makes one customer with credits and an API token. */
async function prepare(database: Database, dataDir: string): Promise<string> {
  await database.migrate();
  const config = loadConfig(
    { SECRET_KEY: randomBytes(48).toString("base64url"), DATA_DIR: dataDir, LOG_LEVEL: "error" },
    { persistSecretKey: false },
  );
  const services = await buildServices(config, database, createLogger(config));
  try {
    await services.aiServices.createDefaultRows();
    await services.aiServices.update(
      IMAGE_SOLVE_SERVICE,
      { creditCostMilli: CREDIT_COST * 1000 },
      null,
    );
    const user = await createBenchUser(database, services, {
      credits: REQUESTS * CREDIT_COST * 2,
    });
    return (await services.customers.tokens.createToken(user.id, "bench")).token;
  } finally {
    await services.close();
  }
}

async function chargesOf(database: Database) {
  const [row] = await database.query<{
    logs: string;
    period_total: string;
    credits: string;
    open_holds: string;
  }>(
    `select (select count(*) from request_logs where status = 'success') as logs,
            (select coalesce(sum(total_requests), 0) from billing_periods) as period_total,
            (select coalesce(sum(credits_charged_milli), 0) / 1000 from request_logs) as credits,
            (select count(*) from credit_holds where status = 'held') as open_holds`,
  );
  return {
    logs: Number(row?.logs),
    periodTotal: Number(row?.period_total),
    credits: Number(row?.credits),
    openHolds: Number(row?.open_holds),
  };
}
