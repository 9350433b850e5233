import { fork } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  createTestDatabase,
  EMBEDDED_ONLY,
  onServerPostgres,
} from "../../../test/support/database.js";
import { acquireEmbeddedLock } from "./embedded-lock.js";
import type { MigratorJob, MigratorReply } from "./embedded-migration.js";
import { hasPendingMigrations } from "./migrate.js";

const migrator = fileURLToPath(new URL("./embedded-migrator.ts", import.meta.url));

describe("hasPendingMigrations (what decides whether a start migrates in a child)", () => {
  it("is false on a migrated database, true when a newer migration is committed or none was ever applied", async () => {
    const database = await createTestDatabase();
    try {
      const query = <T>(text: string) => database.query<T>(text);
      expect(await hasPendingMigrations(query)).toBe(false);
      // As if the newest committed migration came with a release after this database's last one.
      await database.query(
        `delete from drizzle.__drizzle_migrations
         where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      expect(await hasPendingMigrations(query)).toBe(true);
      // As before the first migration: drizzle's table does not exist yet.
      await database.query("drop schema drizzle cascade");
      expect(await hasPendingMigrations(query)).toBe(true);
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(onServerPostgres)(`the migrator child process (${EMBEDDED_ONLY})`, () => {
  it("refuses a directory whose lock its parent has not shared with it, and creates nothing", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "tollgate-migrator-")), "pglite");
    const release = acquireEmbeddedLock(dir); // held, but not shared with the child
    try {
      const child = fork(migrator, [], { execArgv: ["--import", "tsx"], stdio: "ignore" });
      const reply = new Promise<MigratorReply>((resolve) => child.once("message", resolve));
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      const job: MigratorJob = { dir };
      child.send(job);
      expect(await reply).toEqual({
        ok: false,
        error: "its lock is not shared with this process by its parent",
      });
      expect(await exited).toBe(1);
      expect(existsSync(join(dir, "PG_VERSION"))).toBe(false);
    } finally {
      release();
      rmSync(join(dir, ".."), { recursive: true, force: true });
    }
  }, 60_000);
});
