import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { shareEmbeddedLock } from "./embedded-lock.js";

/**
 * Why a child process: PGlite's WebAssembly memory only grows. Creating a data directory (initdb
 * in WASM) took the process to ~880 MB, applying every migration to an existing one added ~90 MB,
 * and a process keeps that for its lifetime, while opening an existing, migrated directory
 * takes ~360 MB. So whoever opens the directory to serve lets a short-lived child create and
 * migrate it first, and opens it only afterwards. Measured: docs/performance.md.
 */

/** What the parent sends the migrator over IPC. */
export interface MigratorJob {
  readonly dir: string;
}

/** What the migrator answers before it exits. */
export type MigratorReply = { readonly ok: true } | { readonly ok: false; readonly error: string };

export interface MigratorLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/** Whether `dir` holds a PostgreSQL data directory already (initdb writes PG_VERSION first). */
export function embeddedDatabaseExists(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

/**
 * How to start the migrator, next to this file: the compiled .js in dist/ with plain node; the
 * .ts source through tsx, which the parent runs under too (`npm start`, the tests, and
 * bin/tollgate.js before a build, which registers tsx in-process, so the parent's flags cannot
 * be relied on to carry it over). The parent's other flags are not needed for a migration.
 */
function migratorCommand(): { entry: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  const entry = join(dirname(self), `embedded-migrator${extname(self)}`);
  return extname(self) === ".ts"
    ? { entry, execArgv: ["--import", import.meta.resolve("tsx")] }
    : { entry, execArgv: [] };
}

/**
 * Creates the embedded database in `dir` if it does not exist and applies pending migrations, in
 * a child process that exits when done. The caller holds the directory's lock and keeps it; the
 * lock names the child as its helper meanwhile (see `shareEmbeddedLock`), and the child refuses
 * to start without that.
 */
export async function migrateEmbeddedInChild(dir: string, log?: MigratorLog): Promise<void> {
  const started = performance.now();
  const { entry, execArgv } = migratorCommand();
  const child = fork(entry, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const outcome = new Promise<void>((resolve, reject) => {
    let reply: MigratorReply | undefined;
    child.once("message", (message) => {
      reply = message as MigratorReply;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (reply?.ok === true && code === 0) {
        resolve();
        return;
      }
      const why =
        reply?.ok === false
          ? reply.error
          : `it exited with ${signal ?? String(code)} before answering`;
      reject(new Error(`Migrating the embedded database in ${dir} failed: ${why}`));
    });
  });
  if (child.pid === undefined) return outcome; // fork failed; `error` tells why
  let unshare: () => void;
  try {
    unshare = shareEmbeddedLock(dir, child.pid);
  } catch (error) {
    child.kill();
    throw error;
  }
  try {
    log?.info(
      { dir, migrator_pid: child.pid },
      "migrating the embedded database in a child process",
    );
    const job: MigratorJob = { dir };
    child.send(job);
    await outcome;
    log?.info(
      { dir, migrator_pid: child.pid, ms: Math.round(performance.now() - started) },
      "embedded database migrated; the child process exited",
    );
  } finally {
    unshare();
  }
}
