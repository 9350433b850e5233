import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (the server, or another ` +
        "tollgate command). Only one process can open it at a time: stop it first (Ctrl+C in the " +
        "server's terminal), or set DATABASE_URL so the server and the commands share a PostgreSQL server.",
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
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
 * Takes an exclusive lock on an embedded database directory: PGlite is not safe to open from two
 * processes at once, and a second opener would corrupt the data. A lock left by a dead process is
 * taken over. Returns the release function.
 */
export function acquireEmbeddedLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "tollgate.lock");
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new EmbeddedDatabaseLockedError(dir, holder);
    }
    unlinkSync(file);
  }
  throw new Error(`Could not lock the embedded database in ${dir}`);
}
