import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runCliProcess } from "../../../test/support/run-cli.js";
import { embeddedDatabaseDir } from "./database.js";
import {
  acquireEmbeddedLock,
  EmbeddedDatabaseLockedError,
  processStartTime,
} from "./embedded-lock.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const hasProc = existsSync("/proc/self/stat");

function lockDir(): string {
  const dir = embeddedDatabaseDir(mkdtempSync(join(tmpdir(), "tollgate-lock-")));
  mkdirSync(dir);
  return dir;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** A live process that is not ours; with `lockDir`, it takes the lock and keeps it. */
async function otherProcess(lockDirToHold?: string): Promise<number> {
  const script =
    lockDirToHold === undefined
      ? ""
      : `const { acquireEmbeddedLock } = await import("./src/platform/db/embedded-lock.ts");` +
        `acquireEmbeddedLock(${JSON.stringify(lockDirToHold)});`;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `${script} console.log("ready"); setInterval(() => {}, 1000);`,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.on("exit", (code) => {
      reject(new Error(`helper process exited with ${String(code)}`));
    });
  });
  if (child.pid === undefined) throw new Error("no pid");
  return child.pid;
}

describe("the embedded database lock", () => {
  it("refuses while another live process holds it, naming the process and the file to delete if stale", async () => {
    const dir = lockDir();
    const holder = await otherProcess(dir);
    let refusal: unknown;
    try {
      acquireEmbeddedLock(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EmbeddedDatabaseLockedError);
    expect((refusal as EmbeddedDatabaseLockedError).pid).toBe(holder);
    expect((refusal as Error).message).toContain(`delete ${join(dir, "tollgate.lock")}`);
  }, 60_000);

  it("still refuses a lock file from an older version that names only a live PID", async () => {
    const dir = lockDir();
    const live = await otherProcess();
    writeFileSync(join(dir, "tollgate.lock"), String(live));
    expect(() => acquireEmbeddedLock(dir)).toThrow(EmbeddedDatabaseLockedError);
  }, 60_000);

  it.skipIf(!hasProc)(
    "takes over a lock whose PID is alive but is another process (a reused PID, as PID 1 in a new container)",
    async () => {
      const dir = lockDir();
      const live = await otherProcess();
      const realStart = processStartTime(live);
      expect(realStart).toMatch(/^\d+$/);
      writeFileSync(
        join(dir, "tollgate.lock"),
        JSON.stringify({ pid: live, startTime: `${realStart ?? ""}0` }),
      );
      const release = acquireEmbeddedLock(dir);
      const owner = JSON.parse(readFileSync(join(dir, "tollgate.lock"), "utf8")) as {
        pid: number;
        startTime: string;
      };
      expect(owner.pid).toBe(process.pid);
      expect(owner.startTime).toBe(processStartTime(process.pid));
      release();
      expect(existsSync(join(dir, "tollgate.lock"))).toBe(false);
    },
    60_000,
  );

  it("takes over a lock whose process is gone", () => {
    const dir = lockDir();
    // PIDs are at most 2^22 on Linux; this one cannot be running.
    writeFileSync(join(dir, "tollgate.lock"), JSON.stringify({ pid: 2 ** 30 }));
    const release = acquireEmbeddedLock(dir);
    release();
    expect(existsSync(join(dir, "tollgate.lock"))).toBe(false);
  });
});

describe("a command run while another process holds the embedded database", () => {
  it("stops with one message naming both ways out: stop the holder, or use DATABASE_URL", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-locked-"));
    const release = acquireEmbeddedLock(embeddedDatabaseDir(dataDir));
    try {
      const result = await runCliProcess(["migrate"], { DATA_DIR: dataDir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`in use by process ${String(process.pid)}`);
      expect(lines[0]).toContain("stop it first");
      expect(lines[0]).toContain("DATABASE_URL");
    } finally {
      release();
    }
  }, 60_000);
});
