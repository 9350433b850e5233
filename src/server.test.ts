import { spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  createTestDatabase,
  EMBEDDED_ONLY,
  migratedDataDir,
  onServerPostgres,
  SERVER_ONLY,
} from "../test/support/database.js";
import { freePort } from "../test/support/free-port.js";
import { runCliProcess } from "../test/support/run-cli.js";

const root = fileURLToPath(new URL("..", import.meta.url));

// A 2x2 PNG, as in the README's solve example.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFUlEQVR4nGP4z8DAAMIMDP////8PACHtBft+PDzTAAAAAElFTkSuQmCC",
  "base64",
);

/** `npm start` (src/server.ts) in a child process on DATA_DIR, with no other configuration. */
function spawnServer(dataDir: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: root,
    env: {
      PATH: process.env["PATH"] ?? "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let output = "";
  const changed = new Set<() => void>();
  const notify = () => {
    for (const listener of changed) listener();
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
    notify();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    notify();
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      exitCode = code;
      notify();
      resolve(code);
    }),
  );
  return {
    child,
    port,
    base: `http://127.0.0.1:${String(port)}`,
    exited,
    /** What the server printed for people (stdout), without the JSON log lines on stderr. */
    stdout: () => stdout,
    output: () => output,
    /** Resolves once stdout (or all output) contains `text`; rejects if the process ends first. */
    waitFor: (text: string, where: "stdout" | "output" = "stdout") =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if ((where === "stdout" ? stdout : output).includes(text)) {
            changed.delete(check);
            resolve();
          } else if (exitCode !== undefined) {
            changed.delete(check);
            reject(
              new Error(
                `server exited with ${String(exitCode)} before printing "${text}":\n${output}`,
              ),
            );
          }
        };
        changed.add(check);
        check();
      }),
  };
}

const MIGRATING = "migrating the embedded database in a child process";
const MIGRATED = "embedded database migrated; the child process exited";

/** The JSON log lines in a server's output. */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Starts the server and waits until it says it is running (after any first-start seeding). */
async function startServer(dataDir: string, env: Record<string, string> = {}) {
  const server = spawnServer(dataDir, await freePort(), env);
  try {
    await server.waitFor("Tollgate is running");
  } catch (error) {
    server.child.kill("SIGKILL");
    throw error;
  }
  const health = await fetch(`${server.base}/healthz`);
  return {
    ...server,
    health,
    /** SIGTERM, then the exit code. */
    stop: (signal: NodeJS.Signals = "SIGTERM") => {
      server.child.kill(signal);
      return server.exited;
    },
  };
}

describe.skipIf(onServerPostgres)(`the server process (npm start) (${EMBEDDED_ONLY})`, () => {
  it("serves health, schema and docs on the embedded database, then shuts down cleanly on SIGTERM", async () => {
    const dataDir = migratedDataDir("tollgate-server-");
    const server = await startServer(dataDir);
    try {
      expect(server.health.status).toBe(200);
      expect(await server.health.json()).toEqual({ status: "ok", db: "ok", openai: "stub" });
      expect((await fetch(`${server.base}/api/schema/`)).status).toBe(200);
      expect((await fetch(`${server.base}/api/docs/`)).status).toBe(200);
      expect(server.output()).toContain(`http://localhost:${server.port}/api/docs/`);
      expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(true);
      // No SECRET_KEY: the server says it generated one and where it is, never the key itself.
      expect(server.output()).toContain("SECRET_KEY is not set: using a generated key");
      expect(server.output()).toContain(join(dataDir, "secret_key"));
      const secretKey = readFileSync(join(dataDir, "secret_key"), "utf8").trim();
      expect(server.output()).not.toContain(secretKey);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // The embedded database was closed and its lock released.
    expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(false);
  }, 90_000);

  it("seeds the demo data on the first start of an empty embedded database and prints it, once", async () => {
    const dataDir = migratedDataDir("tollgate-first-start-");
    const first = await startServer(dataDir);
    let token: string | undefined;
    try {
      const printed = first.stdout();
      expect(printed).toContain("First start on an empty embedded database.");
      expect(printed).toMatch(/admin: +admin@example\.com +password: \S+/);
      expect(printed).toMatch(/user: +demo@example\.com +password: \S+/);
      expect(printed).toMatch(/invite code: [0-9a-f]{20}\n/);
      token = /API token: +(tok_\S+)/.exec(printed)?.[1];
      expect(token).toBeDefined();
      expect(printed).toContain(`API docs:     http://localhost:${first.port}/api/docs/`);
      expect(printed).toContain(`Health check: http://localhost:${first.port}/healthz`);

      // The printed token works.
      const solve = await fetch(`${first.base}/api/core/solve`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token ?? ""}`,
          "content-type": "application/octet-stream",
        },
        body: PNG,
      });
      expect(solve.status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startServer(dataDir);
    try {
      expect(second.health.status).toBe(200);
      expect(second.stdout()).toContain("Tollgate is running on the embedded database.");
      expect(second.stdout()).not.toContain("First start");
      expect(second.stdout()).not.toContain("Demo data");
      expect(second.output()).not.toContain(token);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 180_000);

  it("creates and migrates a new embedded database in a child process that exits before the server listens; a later start opens it without one", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-migrator-"));
    try {
      const first = await startServer(dataDir, { LOG_LEVEL: "info" });
      try {
        const lines = logLines(first.output());
        const spawned = lines.find((line) => line.msg === MIGRATING);
        const migrated = lines.find((line) => line.msg === MIGRATED);
        const migratorPid = Number(spawned?.["migrator_pid"]);
        // The serving process never ran initdb or a migration itself: what they grow PGlite's
        // memory to stays with the child (the figures: `npm run bench -- memory`).
        expect(spawned?.["pid"]).toBe(first.child.pid);
        expect(migratorPid).toBeGreaterThan(0);
        expect(migratorPid).not.toBe(first.child.pid);
        expect(migrated?.["migrator_pid"]).toBe(migratorPid);
        expect(lines.findIndex((line) => line.msg === MIGRATED)).toBeLessThan(
          lines.findIndex((line) => String(line.msg).startsWith("Server listening")),
        );
        expect(() => process.kill(migratorPid, 0)).toThrow(/ESRCH/);
        // The lock is the server's again, no longer shared with the child.
        const lock = JSON.parse(
          readFileSync(join(dataDir, "pglite", "tollgate.lock"), "utf8"),
        ) as Record<string, unknown>;
        expect(lock["pid"]).toBe(first.child.pid);
        expect(lock["helper"]).toBeUndefined();
        expect((await fetch(`${first.base}/api/schema/`)).status).toBe(200);
      } finally {
        expect(await first.stop()).toBe(0);
      }

      const later = await startServer(dataDir, { LOG_LEVEL: "info" });
      try {
        expect(later.health.status).toBe(200);
        expect(later.output()).not.toContain(MIGRATING);
      } finally {
        expect(await later.stop()).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it("seeds on the first start that finds no account: also after `tollgate migrate`, and after a start that could not listen", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-first-start-"));
    const migrated = await runCliProcess(["migrate"], { DATA_DIR: dataDir });
    expect(migrated.code).toBe(0);

    // Another process holds the port: this start fails before it seeds or prints anything.
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const failed = spawnServer(dataDir, port);
      expect(await failed.exited).toBe(1);
      expect(failed.output()).toContain("EADDRINUSE");
      expect(failed.stdout()).not.toContain("Demo data");
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }

    const server = await startServer(dataDir);
    try {
      expect(server.stdout()).toContain("First start on an empty embedded database.");
      expect(server.stdout()).toMatch(/admin: +admin@example\.com +password: [\w-]{16}\n/);
      expect(server.stdout()).toMatch(/API token: +tok_\S+/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 240_000);

  it("on SIGINT finishes the request in flight, then exits 0 and releases the embedded database", async () => {
    const dataDir = migratedDataDir("tollgate-sigint-");
    const server = await startServer(dataDir, { LOG_LEVEL: "info" });
    const token = /API token: +(tok_\S+)/.exec(server.stdout())?.[1] ?? "";
    let exitCode: number | null;
    try {
      // Half an upload is on the wire when the signal arrives.
      const req = request(`${server.base}/api/core/solve`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/octet-stream",
          "content-length": String(PNG.length),
        },
      });
      const response = new Promise<{ status: number | undefined; body: string }>(
        (resolve, reject) => {
          req.on("response", (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => (body += chunk.toString()));
            res.on("end", () => {
              resolve({ status: res.statusCode, body });
            });
          });
          req.on("error", reject);
        },
      );
      req.write(PNG.subarray(0, 20));
      // Fastify logs the request once its headers are in; the body is still incomplete.
      await server.waitFor('"path":"/api/core/solve"', "output");
      server.child.kill("SIGINT");
      await server.waitFor("shutting down", "output");
      req.end(PNG.subarray(20));
      const answer = await response;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ model: "stub" });
    } finally {
      exitCode = await server.exited;
    }
    expect(exitCode).toBe(0);
    expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(false);
  }, 180_000);
});

describe.skipIf(!onServerPostgres)(`the server process on DATABASE_URL (${SERVER_ONLY})`, () => {
  it("`tollgate migrate` prepares an empty database, then the server serves on it without seeding or an embedded database", async () => {
    const database = await createTestDatabase({ empty: true });
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-postgres-"));
    try {
      const url = database.url ?? "";
      const migrated = await runCliProcess(["migrate"], { DATA_DIR: dataDir, DATABASE_URL: url });
      expect(migrated.stderr).toBe("");
      expect(migrated.stdout).toContain("Database is up to date.");
      expect(migrated.code).toBe(0);

      const server = await startServer(dataDir, { DATABASE_URL: url });
      try {
        expect(server.health.status).toBe(200);
        expect(await server.health.json()).toMatchObject({ db: "ok" });
        expect(server.stdout()).toContain("Tollgate is running on PostgreSQL.");
        expect(server.stdout()).not.toContain("Demo data");
        expect(existsSync(join(dataDir, "pglite"))).toBe(false);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      await database.close();
    }
  }, 120_000);
});
