import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliProcess } from "../../../test/support/run-cli.js";
import { embeddedDatabaseDir } from "./database.js";
import { acquireEmbeddedLock } from "./embedded-lock.js";

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
      expect(lines[0]).toContain(`in use by process ${process.pid}`);
      expect(lines[0]).toContain("stop it first");
      expect(lines[0]).toContain("DATABASE_URL");
    } finally {
      release();
    }
  }, 60_000);
});
