import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
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
  /** A child process working on the directory for the holder (see `shareEmbeddedLock`). */
  readonly helper?: LockHelper | undefined;
}

/** Always on the holder's machine: it is the holder's own child. */
interface LockHelper {
  readonly pid: number;
  readonly startTime?: string | undefined;
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

function isPid(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

function parseHelper(value: unknown): LockHelper | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const helper = value as Partial<Record<keyof LockHelper, unknown>>;
  return isPid(helper.pid)
    ? { pid: helper.pid, startTime: optionalString(helper.startTime) }
    : undefined;
}

/** The lock file's owner; a file from before start times were recorded holds only the PID. */
function parseOwner(text: string): LockOwner | undefined {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) };
  try {
    const owner = JSON.parse(text) as Partial<Record<keyof LockOwner, unknown>>;
    if (isPid(owner.pid)) {
      return {
        pid: owner.pid,
        startTime: optionalString(owner.startTime),
        bootId: optionalString(owner.bootId),
        pidNamespace: optionalString(owner.pidNamespace),
        hostname: optionalString(owner.hostname),
        helper: parseHelper(owner.helper),
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

/** Whether `pid` still runs and is the same process (not a reuse of its PID). */
function stillRuns(pid: number, recordedStartTime: string | undefined): boolean {
  if (!isAlive(pid)) return false;
  const startTime = processStartTime(pid);
  return (
    recordedStartTime === undefined || startTime === undefined || recordedStartTime === startTime
  );
}

/**
 * For a holder on this machine: the PID of its process, or of its helper, that still runs. The
 * helper keeps the lock held when the holder dies first (killed while its child migrates): the
 * child still writes to the directory until it notices.
 */
function runningHolder(owner: LockOwner, self: LockOwner): number | undefined {
  if (owner.bootId !== undefined && self.bootId !== undefined && owner.bootId !== self.bootId) {
    return undefined;
  }
  if (stillRuns(owner.pid, owner.startTime)) return owner.pid;
  const helper = owner.helper;
  return helper !== undefined && stillRuns(helper.pid, helper.startTime) ? helper.pid : undefined;
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

/** Whether the lock file names `self` as its holder (with or without a helper). */
function isOurs(file: string, self: LockOwner): boolean {
  let owner: LockOwner | undefined;
  try {
    owner = parseOwner(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
  return (
    owner?.pid === self.pid &&
    owner.startTime === self.startTime &&
    owner.bootId === self.bootId &&
    owner.pidNamespace === self.pidNamespace &&
    owner.hostname === self.hostname
  );
}

/** Replaces the lock file's content in one step (a rename), so no reader ever sees it partial. */
function replaceLockFile(file: string, owner: LockOwner): void {
  const draft = `${file}.${String(process.pid)}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, JSON.stringify(owner));
  try {
    renameSync(draft, file);
  } catch (error) {
    unlinkSync(draft);
    throw error;
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
          if (isOurs(file, self)) {
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
          if (isOurs(file, self)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    }
    const lock = readLockFile(file);
    if (lock === undefined) continue; // released meanwhile
    const holder = parseOwner(lock.text);
    if (holder !== undefined) {
      const heldBy = onThisMachine(holder, self)
        ? runningHolder(holder, self)
        : Date.now() - lock.mtimeMs <= staleAfterMs
          ? holder.pid
          : undefined;
      if (heldBy !== undefined) throw new EmbeddedDatabaseLockedError(dir, heldBy);
    }
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; the next attempt sees its lock
    }
  }
  throw new Error(`Could not lock the embedded database in ${dir}`);
}

/**
 * Names `helperPid`, a child process that works on the directory for this process (the migrator
 * of embedded-migration.ts), in the lock this process holds: until the returned function takes
 * it out again, the lock stays held while either of the two runs, so a holder killed while its
 * child writes does not leave the directory to a third process. The helper is checked by its PID
 * only on this machine; elsewhere the holder's heartbeat still decides.
 */
export function shareEmbeddedLock(dir: string, helperPid: number): () => void {
  const file = join(dir, LOCK_FILE);
  const self = currentOwner();
  if (!isOurs(file, self)) {
    throw new Error(`The embedded database lock in ${dir} is not held by this process`);
  }
  replaceLockFile(file, {
    ...self,
    helper: { pid: helperPid, startTime: processStartTime(helperPid) },
  });
  return () => {
    if (isOurs(file, self)) replaceLockFile(file, self);
  };
}

/** The PID of the lock's holder if the lock names `helperPid` as its helper; else undefined. */
export function embeddedLockHolderFor(dir: string, helperPid: number): number | undefined {
  const lock = readLockFile(join(dir, LOCK_FILE));
  const owner = lock === undefined ? undefined : parseOwner(lock.text);
  return owner?.helper?.pid === helperPid ? owner.pid : undefined;
}
