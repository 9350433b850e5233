/**
 * `npm run bench -- services`: a 1-credit service and the free demo service next to solve and the
 * bare route, one account, reconciled after each (docs/performance.md).
 *
 * `npm run bench -- crash`: the server killed mid-run while clients retry with Idempotency-Keys
 * (bench/crash.ts).
 *
 * `npm run bench -- memory`: idle RSS of the server process after a first and a later start
 * (bench/memory.ts).
 *
 * `npm run bench -- solve`: autocannon against POST /api/core/solve (stub provider, a small PNG)
 * next to a bare Fastify route returning the same JSON, on the embedded database and, when
 * BENCH_DATABASE_URL is set (a maintenance database to create the bench database from, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres), on server PostgreSQL. Never part of `npm test`.
 *
 * Options: BENCH_CONNECTIONS (32), BENCH_DURATION_S (10), BENCH_WARMUP_S (3), BENCH_USERS (1:
 * one token, so every request charges the same billing period row), BENCH_ONLY (embedded|server).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { samplePng } from "../src/core/sample-images.js";
import { benchCrash } from "./crash.js";
import type { LoadRequest, LoadResult } from "./load.js";
import { benchMemory } from "./memory.js";
import {
  embeddedDatabase,
  serverDatabase,
  serviceTarget,
  solveTarget,
  startApp,
  startBareTarget,
  type DatabaseChoice,
  type Target,
} from "./targets.js";

const env = process.env;
const CONNECTIONS = Number(env["BENCH_CONNECTIONS"] ?? 32);
const DURATION_S = Number(env["BENCH_DURATION_S"] ?? 10);
const WARMUP_S = Number(env["BENCH_WARMUP_S"] ?? 3);
/** Distinct users (one token each) the solve requests rotate over; 1 = one hot billing period row. */
const USERS = Number(env["BENCH_USERS"] ?? 1);
const IMAGE = samplePng(32, 32);

/** Runs autocannon in a child process (its own event loop and CPU time). */
function load(target: Target, durationS: number): Promise<LoadResult> {
  const child = fork(fileURLToPath(new URL("./load.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const request: LoadRequest = {
    url: target.url,
    headers: target.headers,
    ...(target.authorizations === undefined ? {} : { authorizations: target.authorizations }),
    body: (target.body ?? IMAGE).toString("base64"),
    connections: CONNECTIONS,
    durationS,
  };
  return new Promise((resolve, reject) => {
    child.once("message", (result) => {
      child.kill();
      resolve(result as LoadResult);
    });
    child.once("exit", (code) => {
      if (code !== 0 && code !== null) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(request);
  });
}

async function measure(target: Target): Promise<LoadResult> {
  if (WARMUP_S > 0) await load(target, WARMUP_S);
  return load(target, DURATION_S);
}

function row(label: string, result: LoadResult): string {
  const cells = [
    label.padEnd(40),
    result.requestsPerSecond.toFixed(0).padStart(8),
    `${result.p50Ms} ms`.padStart(8),
    `${result.p99Ms} ms`.padStart(8),
    `${result.maxMs} ms`.padStart(9),
    String(result.non2xx + result.errors).padStart(7),
  ];
  return cells.join("  ");
}

/** The databases to measure on: embedded always, server PostgreSQL with BENCH_DATABASE_URL. */
function benchDatabases(): DatabaseChoice[] {
  const only = env["BENCH_ONLY"]; // "embedded" or "server", to profile one of them
  const databases = only === "server" ? [] : [embeddedDatabase];
  const serverUrl = env["BENCH_DATABASE_URL"];
  if (serverUrl !== undefined && serverUrl !== "") {
    if (only !== "embedded") databases.push(serverDatabase(serverUrl));
  } else {
    process.stdout.write("BENCH_DATABASE_URL is not set: server PostgreSQL is skipped.\n");
  }
  return databases;
}

function printHeader(body: string): void {
  process.stdout.write(
    `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s (after ${WARMUP_S} s warm-up), ${body}\n\n`,
  );
  const header = [
    "target".padEnd(40),
    "req/s".padStart(8),
    "p50".padStart(8),
    "p99".padStart(8),
    "max".padStart(9),
    "failed".padStart(7),
  ].join("  ");
  process.stdout.write(`${header}\n${"-".repeat(header.length)}\n`);
}

async function measureTarget(label: string, target: Target): Promise<void> {
  try {
    process.stdout.write(`${row(label, await measure(target))}\n`);
    const facts = await target.facts?.();
    if (facts !== undefined) process.stdout.write(`  ${facts}\n`);
  } finally {
    await target.close();
  }
}

async function benchSolve(): Promise<void> {
  const databases = benchDatabases();
  printHeader(`POST of a ${IMAGE.length}-byte PNG as application/octet-stream`);
  for (const database of databases) {
    await measureTarget("bare Fastify route", await startBareTarget());
    const app = await startApp(database, { users: USERS });
    try {
      const label = `solve, ${database.label}${USERS > 1 ? `, ${USERS} users` : ""}`;
      await measureTarget(label, solveTarget(app));
    } finally {
      await app.close();
    }
  }
}

/**
 * Services next to solve and the bare route, in the same run: the 1-credit
 * text_sentiment_analysis (on the bench's ample balance, charged with its log: a settled hold
 * and one journal entry per call) and the free demo_free_service, all on one account, so every
 * call meets the same ledger rows.
 */
async function benchServices(): Promise<void> {
  const databases = benchDatabases();
  printHeader("one account; solve posts a PNG, services post JSON");
  for (const database of databases) {
    await measureTarget("bare Fastify route", await startBareTarget());
    const app = await startApp(database, { users: 1, credits: 100_000_000 });
    try {
      await measureTarget(`solve, ${database.label}`, solveTarget(app));
      await measureTarget(`1-credit service, ${database.label}`, {
        ...serviceTarget(app, "text_sentiment_analysis"),
        body: Buffer.from(JSON.stringify({ input: { text: "a good day" } })),
      });
      await measureTarget(`demo_free_service, ${database.label}`, {
        ...serviceTarget(app, "demo_free_service"),
        body: Buffer.from(JSON.stringify({ input: { message: "hello" } })),
      });
    } finally {
      await app.close();
    }
  }
}

const BENCHMARKS: Record<string, () => Promise<void>> = {
  solve: benchSolve,
  services: benchServices,
  crash: benchCrash,
  memory: benchMemory,
};

const name = process.argv[2] ?? "solve";
const benchmark = BENCHMARKS[name];
if (benchmark === undefined) {
  process.stderr.write(
    `Unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(", ")}\n`,
  );
  process.exit(2);
}
await benchmark();
