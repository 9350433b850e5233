import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const LOCK_FILE = "tollgate.lock";

/** How often the holder refreshes the lock file's mtime, its heartbeat for other machines. */
export const HEARTBEAT_MS = 5_000;
/**
 * How old a heartbeat must be before a process on another machine (container or host) takes the
 * lock over. Generous: PGlite's first open can block the holder's event loop for seconds, and
 * the two machines' clocks may differ a little.
 */
export const STALE_AFTER_MS = 60_000;

export interface EmbeddedLockOptions {
  readonly heartbeatMs?: number;
  readonly staleAfterMs?: number;
}

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
 *
 * But a PID means something only in its own PID namespace on its own kernel: a second container
 * sharing the volume has its own PID 1, alive with another start time, and a host sharing the
 * directory over a network filesystem has another boot id. So the PID namespace and the host
 * name are recorded too, and the PID is checked only when the holder is on this machine (see
 * `onThisMachine`); a holder elsewhere is judged by the lock file's mtime, its heartbeat.
 */
interface LockOwner {
  readonly pid: number;
  readonly startTime?: string | undefined;
  readonly bootId?: string | undefined;
  /** `pid:[inode]` from /proc/self/ns/pid. */
  readonly pidNamespace?: string | undefined;
  /** Absent only in lock files written before namespaces and host names were recorded. */
  readonly hostname?: string | undefined;
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

function pidNamespace(): string | undefined {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return undefined;
  }
}

function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: bootId(),
    pidNamespace: pidNamespace(),
    hostname: hostname(),
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The lock file's owner; a file from before start times were recorded holds only the PID. */
function parseOwner(text: string): LockOwner | undefined {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) };
  try {
    const owner = JSON.parse(text) as Partial<Record<keyof LockOwner, unknown>>;
    if (typeof owner.pid === "number" && Number.isInteger(owner.pid) && owner.pid > 0) {
      return {
        pid: owner.pid,
        startTime: optionalString(owner.startTime),
        bootId: optionalString(owner.bootId),
        pidNamespace: optionalString(owner.pidNamespace),
        hostname: optionalString(owner.hostname),
      };
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

/**
 * Whether the holder's PID can be looked up here: same host name, PID namespace and boot. A lock
 * file without a host name comes from a version that recorded none and kept no heartbeat, so its
 * holder can only be judged by its PID, as that version did.
 */
function onThisMachine(owner: LockOwner, self: LockOwner): boolean {
  if (owner.hostname === undefined) return true;
  return (
    owner.hostname === self.hostname &&
    owner.pidNamespace === self.pidNamespace &&
    owner.bootId === self.bootId
  );
}

/** For a holder on this machine: whether its process still runs (the same process, not a reuse). */
function processHoldsLock(owner: LockOwner, self: LockOwner): boolean {
  if (owner.bootId !== undefined && self.bootId !== undefined && owner.bootId !== self.bootId) {
    return false;
  }
  if (!isAlive(owner.pid)) return false;
  const startTime = processStartTime(owner.pid);
  return owner.startTime === undefined || startTime === undefined || owner.startTime === startTime;
}

interface LockFile {
  readonly text: string;
  readonly mtimeMs: number;
}

/**
 * The lock file's content and mtime, read through one descriptor so both belong to the same
 * file (opening also makes a network filesystem fetch the current mtime). Undefined when gone.
 */
function readLockFile(file: string): LockFile | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    return { mtimeMs: fstatSync(fd).mtimeMs, text: readFileSync(fd, "utf8") };
  } finally {
    closeSync(fd);
  }
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

function isOurs(file: string, content: string): boolean {
  try {
    return readFileSync(file, "utf8") === content;
  } catch {
    return false;
  }
}

/**
 * Takes an exclusive lock on an embedded database directory: PGlite is not safe to open from two
 * processes at once, and a second opener would corrupt the data.
 *
 * A lock held from this machine (same host name, PID namespace and boot) is taken over when its
 * process is gone or its PID now belongs to another process. A lock held from elsewhere (another
 * container sharing the volume, another host sharing the directory) names a PID this process
 * cannot look up, so it is taken over only when its heartbeat, the mtime the holder refreshes
 * every `heartbeatMs`, is older than `staleAfterMs`. Returns the release function, which stops
 * the heartbeat and deletes the file if it is still ours.
 */
export function acquireEmbeddedLock(dir: string, options: EmbeddedLockOptions = {}): () => void {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const self = currentOwner();
  const content = JSON.stringify(self);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (createLockFile(file, content)) {
      const heartbeat = setInterval(() => {
        try {
          // Only our own file: after a takeover the lock is someone else's to keep alive.
          if (isOurs(file, content)) {
            const now = new Date();
            utimesSync(file, now, now);
          }
        } catch {
          // deleted between the read and the touch; nothing to keep alive
        }
      }, heartbeatMs);
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        try {
          if (isOurs(file, content)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    }
    const lock = readLockFile(file);
    if (lock === undefined) continue; // released meanwhile
    const holder = parseOwner(lock.text);
    if (holder !== undefined) {
      const held = onThisMachine(holder, self)
        ? processHoldsLock(holder, self)
        : Date.now() - lock.mtimeMs <= staleAfterMs;
      if (held) throw new EmbeddedDatabaseLockedError(dir, holder.pid);
    }
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; the next attempt sees its lock
    }
  }
  throw new Error(`Could not lock the embedded database in ${dir}`);
}
