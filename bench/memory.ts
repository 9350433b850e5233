/**
 * `npm run bench -- memory`: the idle resident memory of the real server process (`npm start`,
 * or `node dist/src/server.js` with BENCH_SERVER=dist after `npm run build`), read from
 * /proc/<pid>/status once it listens and has been idle for BENCH_IDLE_S seconds (5). Each database
 * is started twice: first on a new data directory (embedded) or an empty database (server), which
 * creates and migrates it, then again on the same one. Linux only (it reads /proc).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePort } from "../test/support/free-port.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const IDLE_S = Number(process.env["BENCH_IDLE_S"] ?? 5);

export interface MemoryReading {
  /** Resident set size once idle, MiB. */
  readonly rssMiB: number;
  /** The highest resident set size the process ever had, MiB. */
  readonly peakMiB: number;
  /** From spawn until the server said it is running, seconds. */
  readonly startS: number;
}

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (match?.[1] === undefined) throw new Error(`${field} not found for process ${String(pid)}`);
  return Math.round(Number(match[1]) / 1024);
}

function serverCommand(): string[] {
  return process.env["BENCH_SERVER"] === "dist"
    ? ["dist/src/server.js"]
    : ["--import", "tsx", "src/server.ts"];
}

function waitForRunning(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (output().includes("Tollgate is running")) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      reject(new Error(`server exited with ${String(code)} before it listened:\n${output()}`));
    });
  });
}

/** Starts the server on `env`, waits until it listens and idles, reads its memory, stops it. */
export async function measureServer(env: Record<string, string>): Promise<MemoryReading> {
  const started = performance.now();
  const child = spawn(process.execPath, serverCommand(), {
    cwd: root,
    env: {
      PATH: process.env["PATH"] ?? "",
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await waitForRunning(child, () => output);
    const startS = (performance.now() - started) / 1000;
    await sleep(IDLE_S * 1000);
    const pid = child.pid ?? 0;
    return { rssMiB: statusField(pid, "VmRSS"), peakMiB: statusField(pid, "VmHWM"), startS };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

function row(label: string, reading: MemoryReading): string {
  return [
    label.padEnd(34),
    `${String(reading.rssMiB)} MiB`.padStart(9),
    `${String(reading.peakMiB)} MiB`.padStart(9),
    `${reading.startS.toFixed(1)} s`.padStart(7),
  ].join("  ");
}

/** Both starts on a new embedded data directory, removed afterwards. */
async function benchEmbedded(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "tollgate-bench-memory-"));
  try {
    const env = { DATA_DIR: dataDir };
    process.stdout.write(`${row("embedded (PGlite), first start", await measureServer(env))}\n`);
    process.stdout.write(`${row("embedded (PGlite), later start", await measureServer(env))}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Both starts on a new database on the server at `adminUrl`, dropped afterwards. */
async function benchServer(adminUrl: string): Promise<void> {
  const { openDatabase } = await import("../src/platform/db/database.js");
  const admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  const name = `tollgate_bench_${String(process.pid)}_${String(Date.now())}`;
  const dataDir = mkdtempSync(join(tmpdir(), "tollgate-bench-memory-"));
  await admin.query(`create database "${name}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
    process.stdout.write(`${row("server PostgreSQL, first start", await measureServer(env))}\n`);
    process.stdout.write(`${row("server PostgreSQL, later start", await measureServer(env))}\n`);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchMemory(): Promise<void> {
  const only = process.env["BENCH_ONLY"];
  const server = process.env["BENCH_SERVER"] === "dist" ? "node dist/src/server.js" : "npm start";
  process.stdout.write(`${server}, idle ${String(IDLE_S)} s after it listens\n\n`);
  const header = [
    "start".padEnd(34),
    "idle RSS".padStart(9),
    "peak RSS".padStart(9),
    "ready".padStart(7),
  ].join("  ");
  process.stdout.write(`${header}\n${"-".repeat(header.length)}\n`);
  if (only !== "server") await benchEmbedded();
  const serverUrl = process.env["BENCH_DATABASE_URL"];
  if (serverUrl === undefined || serverUrl === "") {
    process.stdout.write("BENCH_DATABASE_URL is not set: server PostgreSQL is skipped.\n");
  } else if (only !== "embedded") {
    await benchServer(serverUrl);
  }
}
