/**
 * `npm run fuzz`: the real application on a fresh database, fuzzed from its own OpenAPI document
 * (docs/fuzzing.md). Embedded PGlite (in memory) by default; server PostgreSQL with
 * FUZZ_DATABASE_URL (a maintenance database to create the fuzz database from, e.g.
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 *
 * Options: FUZZ_SEED (1), FUZZ_RUNS (3: generated and mutated examples, each, per operation and
 * context), FUZZ_SLOW_MS (5000), FUZZ_ONLY (operationIds, comma-separated), FUZZ_VERBOSE (1: the
 * statuses seen per operation), FUZZ_TRACE (1: every exchange). Exits 1 when any reply breaks a
 * rule.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { embeddedMemoryDatabase, serverDatabase, startApp } from "../bench/targets.js";
import { createContexts } from "./contexts.js";
import { fuzz, type FuzzReport } from "./fuzzer.js";

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) {
    process.stderr.write(`${name} must be a positive integer, not "${text}"\n`);
    process.exit(2);
  }
  return value;
}

/** The server's error lines (level 50 and up), by request id, to print beside a failure. */
function errorLog(): { stream: Writable; errorsFor: (requestId: string) => string[] } {
  const byRequest = new Map<string, string[]>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split("\n")) {
        if (line === "") continue;
        try {
          const record = JSON.parse(line) as { level?: number; request_id?: string };
          if ((record.level ?? 0) >= 50 && record.request_id !== undefined) {
            byRequest.set(record.request_id, [...(byRequest.get(record.request_id) ?? []), line]);
          }
        } catch {
          // not a JSON line: not ours to read
        }
      }
      callback();
    },
  });
  return { stream, errorsFor: (requestId) => byRequest.get(requestId) ?? [] };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function summary(report: FuzzReport, contexts: number, seconds: number): string[] {
  const sorted = [...report.latenciesMs].sort((a, b) => a - b);
  const statuses = Object.entries(report.statuses)
    .sort()
    .map(([klass, count]) => `${klass} ${String(count)}`)
    .join(", ");
  return [
    `  ${String(report.operations)} operations x ${String(contexts)} contexts: ` +
      `${String(report.requests)} requests (${String(report.valid)} valid, ` +
      `${String(report.invalid)} invalid per the document)`,
    `  replies: ${statuses}; latency p50 ${String(percentile(sorted, 0.5))} ms, ` +
      `p99 ${String(percentile(sorted, 0.99))} ms, max ${String(sorted.at(-1) ?? 0)} ms; ` +
      `fuzzed in ${seconds.toFixed(1)} s`,
    `  failures: ${String(report.failures)} (${String(report.distinctFailures)} distinct)`,
  ];
}

const seed = positiveInteger("FUZZ_SEED", 1);
const runs = positiveInteger("FUZZ_RUNS", 3);
const slowMs = positiveInteger("FUZZ_SLOW_MS", 5_000);
const serverUrl = process.env["FUZZ_DATABASE_URL"];
const database =
  serverUrl === undefined || serverUrl === "" ? embeddedMemoryDatabase : serverDatabase(serverUrl);
const print = (line: string) => process.stdout.write(`${line}\n`);

const started = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), "tollgate-fuzz-"));
const log = errorLog();
print(
  `fuzz: seed ${String(seed)}, ${String(runs)} runs per operation and context, ${database.label}`,
);
// Warnings and errors only: the failures' server lines are what is read, and parsing every
// request's info line would slow the run.
const app = await startApp(database, {
  users: 0,
  env: { DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  log: log.stream,
});
const ready = performance.now();
let report: FuzzReport;
let contextCount = 0;
try {
  const contexts = await createContexts(app);
  contextCount = contexts.list().length;
  report = await fuzz({
    base: app.base,
    contexts,
    seed,
    runs,
    slowMs,
    serverErrors: log.errorsFor,
    print,
    only: (process.env["FUZZ_ONLY"] ?? "").split(",").filter((id) => id !== ""),
    trace: process.env["FUZZ_TRACE"] === "1",
  });
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
print(`\nfuzz: seed ${String(seed)}, ${database.label}`);
if (process.env["FUZZ_VERBOSE"] === "1") {
  for (const [operation, statuses] of Object.entries(report.coverage)) {
    print(`  ${operation.padEnd(28)} ${JSON.stringify(statuses)}`);
  }
  print("\n400 for input the document accepts (a rule no schema states, or a missing one):");
  for (const [key, { count, example }] of Object.entries(report.refusedValid)) {
    print(`  ${String(count)} x ${key}\n    ${example.slice(0, 400)}`);
  }
}
const seconds = (performance.now() - ready) / 1000;
for (const line of summary(report, contextCount, seconds)) print(line);
print(`  (the app and its database started in ${((ready - started) / 1000).toFixed(1)} s)`);
process.exit(report.failures > 0 ? 1 : 0);
