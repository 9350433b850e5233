import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  onServerPostgres,
  SERVER_ONLY,
} from "../../../test/support/database.js";
import { runCliProcess } from "../../../test/support/run-cli.js";
import { embeddedDatabaseDir, openDatabase, type Database } from "./database.js";
import { acquireEmbeddedLock, EmbeddedDatabaseLockedError } from "./embedded-lock.js";

const TABLES = [
  "api_tokens",
  "billing_periods",
  "core_settings",
  "invite_codes",
  "request_logs",
  "sessions",
  "users",
];

async function publicTables(database: Database): Promise<string[]> {
  const rows = await database.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
  );
  return rows.map((row) => row.name);
}

async function appliedMigrations(database: Database): Promise<number> {
  const rows = await database.query<{ n: number }>(
    "select count(*)::int as n from drizzle.__drizzle_migrations",
  );
  return rows[0]?.n ?? 0;
}

describe(`migrations on ${onServerPostgres ? "server Postgres" : "PGlite"}`, () => {
  it("apply to an empty database", async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      expect(await publicTables(database)).toEqual([]);
      await database.migrate();
      expect(await publicTables(database)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await database.close();
    }
  });

  it("apply again to an already-migrated database without changes", async () => {
    const database = await createTestDatabase();
    try {
      const before = await appliedMigrations(database);
      expect(before).toBeGreaterThan(0);
      await database.migrate();
      await database.migrate();
      expect(await appliedMigrations(database)).toBe(before);
      expect(await publicTables(database)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await database.close();
    }
  });

  it("let several instances migrate at once", async () => {
    const database = await createTestDatabase({ poolSize: 4 });
    try {
      await Promise.all([database.migrate(), database.migrate(), database.migrate()]);
      expect(await publicTables(database)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await database.close();
    }
  });

  it("deliver notifications to listeners", async () => {
    const database = await createTestDatabase();
    try {
      let deliver!: (payload: string) => void;
      const received = new Promise<string>((resolve) => (deliver = resolve));
      // listen() resolves once the subscription is in place, so nothing sent after it is missed.
      await database.listen("tollgate_test", (payload) => {
        deliver(payload);
      });
      await database.notify("tollgate_test", "hello");
      expect(await received).toBe("hello");
    } finally {
      await database.close();
    }
  });
});

describe.runIf(onServerPostgres)(`notifications on server Postgres (${SERVER_ONLY})`, () => {
  it("resubscribe after the listening connection is killed, and say so", async () => {
    const database = await createTestDatabase();
    try {
      const payloads: string[] = [];
      let resubscribed!: () => void;
      const resubscription = new Promise<void>((resolve) => (resubscribed = resolve));
      await database.listen("tollgate_test", (payload) => payloads.push(payload), {
        onResubscribe: () => {
          resubscribed();
        },
      });
      await database.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`,
      );
      await resubscription;
      await database.notify("tollgate_test", "after reconnect");
      for (let i = 0; i < 50 && payloads.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(payloads).toEqual(["after reconnect"]);
    } finally {
      await database.close();
    }
  });
});

describe("the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tollgate-embedded-"));
  let held: Database | undefined;
  afterAll(async () => held?.close());

  // A child process that creates a database (initdb in WASM): past 30 s on a loaded machine.
  it("persists in DATA_DIR/pglite and is migrated by `tollgate migrate`", async () => {
    const result = await runCliProcess(["migrate"], { DATA_DIR: dataDir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Database is up to date.");
    expect(result.code).toBe(0);
  }, 120_000);

  it("refuses a second process while one has it open, naming the way out", async () => {
    held = await openDatabase({ pgliteDir: embeddedDatabaseDir(dataDir) });
    const result = await runCliProcess(["migrate"], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`in use by process ${process.pid}`);
    expect(result.stderr).toContain("stop it first");
    expect(result.stderr).toContain("DATABASE_URL");
  }, 60_000);

  it("refuses a second opener in the same process too", () => {
    expect(() => acquireEmbeddedLock(embeddedDatabaseDir(dataDir))).toThrow(
      EmbeddedDatabaseLockedError,
    );
  });

  it("takes over a lock left by a process that died", async () => {
    await held?.close();
    held = undefined;
    const dir = mkdtempSync(join(tmpdir(), "tollgate-stale-"));
    const { writeFileSync } = await import("node:fs");
    // PIDs this large do not exist on Linux (pid_max <= 4194304).
    writeFileSync(join(dir, "tollgate.lock"), "99999999");
    const release = acquireEmbeddedLock(dir);
    release();
  });
});
