import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../test/support/free-port.js";

const root = fileURLToPath(new URL("..", import.meta.url));

// A 2x2 PNG, as in the README's solve example.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFUlEQVR4nGP4z8DAAMIMDP////8PACHtBft+PDzTAAAAAElFTkSuQmCC",
  "base64",
);

async function waitForHealth(base: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(`${base}/healthz`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** `npm start` (src/server.ts) in a child process on DATA_DIR, with no other configuration. */
async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: root,
    env: {
      PATH: process.env["PATH"] ?? "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const base = `http://127.0.0.1:${port}`;
  let health: Response;
  try {
    health = await waitForHealth(base, Date.now() + 60_000);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return {
    port,
    base,
    health,
    /** What the server printed for people (stdout), without the JSON log lines on stderr. */
    stdout: () => stdout,
    output: () => output,
    /** SIGTERM, then the exit code. */
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

describe("the server process (npm start)", () => {
  it("serves health, schema and docs on the embedded database, then shuts down cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-server-"));
    const server = await startServer(dataDir);
    try {
      expect(server.health.status).toBe(200);
      expect(await server.health.json()).toEqual({ status: "ok", db: "ok", openai: "stub" });
      expect((await fetch(`${server.base}/api/schema/`)).status).toBe(200);
      expect((await fetch(`${server.base}/api/docs/`)).status).toBe(200);
      expect(server.output()).toContain(`http://localhost:${server.port}/api/docs/`);
      expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // The embedded database was closed and its lock released.
    expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(false);
  }, 90_000);

  it("seeds the demo data on the first start of a new embedded database and prints it, once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-first-start-"));
    const first = await startServer(dataDir);
    let token: string | undefined;
    try {
      const printed = first.stdout();
      expect(printed).toContain("First start on a new embedded database.");
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
});
