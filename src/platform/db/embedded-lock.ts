import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LOCK_FILE = "tollgate.lock";

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${String(pid)} (the server, or another ` +
        "tollgate command). Only one process can open it at a time: stop it first (Ctrl+C in the " +
        "server's terminal), or set DATABASE_URL so the server and the commands share a PostgreSQL server. " +
        `If you are sure no process uses it (say, after a crash), delete ${join(dir, LOCK_FILE)} and try again.`,
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

/**
 * Who holds the lock. A PID alone is not enough: PIDs are reused, and in a container the server
 * is PID 1, so after a hard kill the next container's PID 1 (a shell) would look like the holder
 * forever. The start time (clock ticks since boot) and the boot id tell a reused PID apart; both
 * are absent where there is no /proc, and then the PID alone decides.
 */
interface LockOwner {
  readonly pid: number;
  readonly startTime?: string | undefined;
  readonly bootId?: string | undefined;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function processStartTime(pid: number): string | undefined {
  const stat = readProc(`/proc/${String(pid)}/stat`);
  if (stat === undefined) return undefined;
  const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return afterName[22 - 3];
}

function bootId(): string | undefined {
  return readProc("/proc/sys/kernel/random/boot_id")?.trim();
}

function currentOwner(): LockOwner {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: bootId() };
}

/** The lock file's owner; a file from before start times were recorded holds only the PID. */
function parseOwner(text: string): LockOwner | undefined {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === "number" && Number.isInteger(owner.pid) && owner.pid > 0) {
      return { pid: owner.pid, startTime: owner.startTime, bootId: owner.bootId };
    }
  } catch {
    // unreadable: treated as stale below
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holdsLock(owner: LockOwner): boolean {
  const boot = bootId();
  if (owner.bootId !== undefined && boot !== undefined && owner.bootId !== boot) return false;
  if (!isAlive(owner.pid)) return false;
  const startTime = processStartTime(owner.pid);
  return owner.startTime === undefined || startTime === undefined || owner.startTime === startTime;
}

/**
 * Creates the lock file with its content in one step (a hard link of a finished file), so no
 * other process can ever read it empty and take it for stale. False when it exists already.
 */
function createLockFile(file: string, content: string): boolean {
  const draft = `${file}.${String(process.pid)}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, content);
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    unlinkSync(draft);
  }
}

/**
 * Takes an exclusive lock on an embedded database directory: PGlite is not safe to open from two
 * processes at once, and a second opener would corrupt the data. A lock left by a process that is
 * gone (or whose PID now belongs to another process) is taken over. Returns the release function.
 */
export function acquireEmbeddedLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const content = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (createLockFile(file, content)) {
      return () => {
        try {
          if (readFileSync(file, "utf8") === content) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    }
    const holder = parseOwner(readProc(file) ?? "");
    if (holder !== undefined && holdsLock(holder)) {
      throw new EmbeddedDatabaseLockedError(dir, holder.pid);
    }
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; the next attempt sees its lock
    }
  }
  throw new Error(`Could not lock the embedded database in ${dir}`);
}
