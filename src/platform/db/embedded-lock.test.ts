import { spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCliProcess } from "../../../test/support/run-cli.js";
import { embeddedDatabaseDir } from "./database.js";
import {
  acquireEmbeddedLock,
  EmbeddedDatabaseLockedError,
  embeddedLockHolderFor,
  processStartTime,
  shareEmbeddedLock,
  STALE_AFTER_MS,
} from "./embedded-lock.js";
import { EMBEDDED_ONLY, onServerPostgres } from "../../../test/support/database.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const hasProc = existsSync("/proc/self/stat");

function lockDir(): string {
  const dir = embeddedDatabaseDir(mkdtempSync(join(tmpdir(), "tollgate-lock-")));
  mkdirSync(dir);
  return dir;
}

/** This process's machine as the lock records it: PID namespace, host name and boot id. */
const thisMachine = {
  pidNamespace: hasProc ? readlinkSync("/proc/self/ns/pid") : undefined,
  hostname: hostname(),
  bootId: hasProc ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : undefined,
};

/** Sets the lock file's mtime back by `ageMs`; returns the mtime as stored (ms). */
function ageLockFile(dir: string, ageMs: number): number {
  const then = new Date(Date.now() - ageMs);
  utimesSync(join(dir, "tollgate.lock"), then, then);
  return statSync(join(dir, "tollgate.lock")).mtimeMs;
}

function lockOwnerPid(dir: string): number {
  return (JSON.parse(readFileSync(join(dir, "tollgate.lock"), "utf8")) as { pid: number }).pid;
}

const children: ChildProcess[] = [];
afterEach(() => {
  vi.useRealTimers();
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

/** Asserts that locking `dir` is refused, naming `holder` and the file to delete if stale. */
function expectRefused(dir: string, holder: number): void {
  let refusal: unknown;
  try {
    acquireEmbeddedLock(dir);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(EmbeddedDatabaseLockedError);
  expect((refusal as EmbeddedDatabaseLockedError).pid).toBe(holder);
  expect((refusal as Error).message).toContain(`delete ${join(dir, "tollgate.lock")}`);
}

describe.skipIf(onServerPostgres)(`the embedded database lock (${EMBEDDED_ONLY})`, () => {
  it("refuses while another live process holds it, naming the process and the file to delete if stale", async () => {
    const dir = lockDir();
    const holder = await otherProcess(dir);
    expectRefused(dir, holder);
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

describe.skipIf(onServerPostgres)(
  `a lock held from another machine (container or host) (${EMBEDDED_ONLY})`,
  () => {
    // Another container sharing the volume has its own PID namespace, where its PID may be a
    // different live process here (PID 1 of both containers); another host has its own host name
    // and boot id. The PID is meaningless there, so only the heartbeat (the mtime) may say stale.
    const elsewhere = [
      ["another PID namespace", { ...thisMachine, pidNamespace: "pid:[1]" }],
      ["another host", { ...thisMachine, hostname: `not-${thisMachine.hostname}` }],
      ["another boot", { ...thisMachine, bootId: "00000000-0000-0000-0000-000000000000" }],
    ] as const;

    it.each(elsewhere)(
      "is refused from %s while its heartbeat is fresh, though its PID here is another process",
      async (_, machine) => {
        const dir = lockDir();
        const live = await otherProcess();
        writeFileSync(
          join(dir, "tollgate.lock"),
          JSON.stringify({ pid: live, startTime: `${processStartTime(live) ?? ""}0`, ...machine }),
        );
        ageLockFile(dir, STALE_AFTER_MS / 2);
        expectRefused(dir, live);
        expect(lockOwnerPid(dir)).toBe(live);
      },
      60_000,
    );

    it.each(elsewhere)(
      "is taken over from %s once its heartbeat is older than STALE_AFTER_MS (a hard-killed container)",
      async (_, machine) => {
        const dir = lockDir();
        const live = await otherProcess();
        writeFileSync(join(dir, "tollgate.lock"), JSON.stringify({ pid: live, ...machine }));
        ageLockFile(dir, STALE_AFTER_MS + 1_000);
        const release = acquireEmbeddedLock(dir);
        expect(lockOwnerPid(dir)).toBe(process.pid);
        release();
        expect(existsSync(join(dir, "tollgate.lock"))).toBe(false);
      },
      60_000,
    );

    it.skipIf(!hasProc)(
      "on this machine, the PID decides at once, whatever the heartbeat: a reused PID is taken over",
      async () => {
        const dir = lockDir();
        const live = await otherProcess();
        writeFileSync(
          join(dir, "tollgate.lock"),
          JSON.stringify({
            pid: live,
            startTime: `${processStartTime(live) ?? ""}0`,
            ...thisMachine,
          }),
        );
        const release = acquireEmbeddedLock(dir);
        expect(lockOwnerPid(dir)).toBe(process.pid);
        release();
      },
      60_000,
    );

    it("is kept alive by the holder, which refreshes the lock file's mtime every HEARTBEAT_MS", async () => {
      const dir = lockDir();
      const release = acquireEmbeddedLock(dir, { heartbeatMs: 50 });
      try {
        const content = readFileSync(join(dir, "tollgate.lock"), "utf8");
        const aged = ageLockFile(dir, STALE_AFTER_MS + 1_000);
        await vi.waitFor(
          () => {
            expect(statSync(join(dir, "tollgate.lock")).mtimeMs).toBeGreaterThan(aged);
          },
          { timeout: 30_000, interval: 20 },
        );
        expect(readFileSync(join(dir, "tollgate.lock"), "utf8")).toBe(content);
      } finally {
        release();
      }
    }, 60_000);

    it("is not refreshed once the file is no longer the holder's, and the heartbeat stops on release", () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const dir = lockDir();
      const release = acquireEmbeddedLock(dir, { heartbeatMs: 50 });
      expect(vi.getTimerCount()).toBe(1);
      // Taken over meanwhile (say, by a process that judged this one gone).
      writeFileSync(
        join(dir, "tollgate.lock"),
        JSON.stringify({ pid: 2 ** 30, hostname: "other" }),
      );
      const aged = ageLockFile(dir, STALE_AFTER_MS + 1_000);
      vi.advanceTimersByTime(200);
      expect(statSync(join(dir, "tollgate.lock")).mtimeMs).toBe(aged);
      release();
      expect(vi.getTimerCount()).toBe(0);
      expect(existsSync(join(dir, "tollgate.lock"))).toBe(true); // not ours to delete
    });
  },
);

describe.skipIf(onServerPostgres)(
  `a lock shared with a helper (the migrator child) (${EMBEDDED_ONLY})`,
  () => {
    interface LockFileContent {
      pid: number;
      helper?: { pid: number; startTime?: string };
    }
    const readLock = (dir: string) =>
      JSON.parse(readFileSync(join(dir, "tollgate.lock"), "utf8")) as LockFileContent;

    it("names the helper until it is taken out, while the holder's heartbeat and release keep working", () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const dir = lockDir();
      const release = acquireEmbeddedLock(dir, { heartbeatMs: 50 });
      const unshare = shareEmbeddedLock(dir, 4242);
      expect(readLock(dir)).toMatchObject({ pid: process.pid, helper: { pid: 4242 } });
      expect(embeddedLockHolderFor(dir, 4242)).toBe(process.pid);
      expect(embeddedLockHolderFor(dir, 4243)).toBeUndefined();
      // Still the holder's own lock: the heartbeat refreshes it.
      const aged = ageLockFile(dir, 10_000);
      vi.advanceTimersByTime(60);
      expect(statSync(join(dir, "tollgate.lock")).mtimeMs).toBeGreaterThan(aged);
      unshare();
      expect(readLock(dir).pid).toBe(process.pid);
      expect(readLock(dir).helper).toBeUndefined();
      expect(embeddedLockHolderFor(dir, 4242)).toBeUndefined();
      shareEmbeddedLock(dir, 4242);
      release(); // also while shared
      expect(existsSync(join(dir, "tollgate.lock"))).toBe(false);
    });

    it("cannot be shared by a process that does not hold it", () => {
      const dir = lockDir();
      writeFileSync(join(dir, "tollgate.lock"), JSON.stringify({ pid: 2 ** 30, ...thisMachine }));
      expect(() => shareEmbeddedLock(dir, 4242)).toThrow("not held by this process");
    });

    it.skipIf(!hasProc)(
      "stays held while its helper runs, though the holder is gone (killed while its child migrates)",
      async () => {
        const dir = lockDir();
        const helper = await otherProcess();
        writeFileSync(
          join(dir, "tollgate.lock"),
          JSON.stringify({
            pid: 2 ** 30,
            ...thisMachine,
            helper: { pid: helper, startTime: processStartTime(helper) },
          }),
        );
        expectRefused(dir, helper);
      },
      60_000,
    );

    it.skipIf(!hasProc)(
      "is taken over once the holder is gone and its helper's PID is gone or reused",
      async () => {
        const live = await otherProcess();
        for (const helper of [
          { pid: 2 ** 30 },
          { pid: live, startTime: `${processStartTime(live) ?? ""}0` },
        ]) {
          const dir = lockDir();
          writeFileSync(
            join(dir, "tollgate.lock"),
            JSON.stringify({ pid: 2 ** 30, ...thisMachine, helper }),
          );
          const release = acquireEmbeddedLock(dir);
          expect(lockOwnerPid(dir)).toBe(process.pid);
          release();
        }
      },
      60_000,
    );
  },
);

describe.skipIf(onServerPostgres)(
  `a command run while another process holds the embedded database (${EMBEDDED_ONLY})`,
  () => {
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
  },
);
