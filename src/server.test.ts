import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

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

describe("the server process (npm start)", () => {
  it("serves health, schema and docs on the embedded database, then shuts down cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-server-"));
    const port = 20000 + Math.floor(Math.random() * 20000);
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
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await waitForHealth(base, Date.now() + 60_000);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", db: "ok", openai: "stub" });
      expect((await fetch(`${base}/api/schema/`)).status).toBe(200);
      expect((await fetch(`${base}/api/docs/`)).status).toBe(200);
      expect(output).toContain(`http://localhost:${port}/api/docs/`);
      expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    // The embedded database was closed and its lock released.
    expect(existsSync(join(dataDir, "pglite", "tollgate.lock"))).toBe(false);
  }, 90_000);
});
