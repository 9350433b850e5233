import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/platform/db/database.js";
import { databaseUrl, dropDatabase, quoteIdent } from "./postgres-admin.js";

const serverUrl =
  process.env["TEST_DATABASE_URL"] === "" ? undefined : process.env["TEST_DATABASE_URL"];

/** True when the suite runs against a server Postgres (TEST_DATABASE_URL) rather than PGlite. */
export const onServerPostgres = serverUrl !== undefined;

/**
 * Why tests that never touch the test database (child processes on the embedded database, or no
 * database at all) run in the PGlite pass only: the server pass would repeat them unchanged.
 */
export const EMBEDDED_ONLY = "PGlite run only: it does not use the server database";

/** Why server-only tests are skipped, for their names. */
export const SERVER_ONLY =
  "needs server Postgres with real parallel connections: set TEST_DATABASE_URL";

export interface TestDatabase extends Database {
  /** postgres:// URL of this database (server Postgres only), e.g. for a second app instance. */
  readonly url: string | undefined;
}

/**
 * A fresh, migrated database for one test file, copied from the run's migrated template: an
 * in-memory PGlite loaded from it, or a clone of it on server Postgres (`empty: true`: a new,
 * unmigrated database). close() drops it.
 */
export async function createTestDatabase(
  options: { poolSize?: number; empty?: boolean } = {},
): Promise<TestDatabase> {
  if (serverUrl === undefined) {
    const snapshot =
      options.empty === true ? undefined : new Blob([await readFile(inject("pgliteSnapshot"))]);
    const database = await openDatabase({ pgliteSnapshot: snapshot });
    return Object.assign(database, { url: undefined });
  }
  const prefix = inject("runPrefix");
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
  const template = options.empty === true ? "template0" : `${prefix}_tpl`;
  await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
  const url = databaseUrl(serverUrl, name);
  const database = await openDatabase({ url, poolSize: options.poolSize ?? 10 });
  const close = database.close.bind(database);
  return Object.assign(database, {
    url,
    async close() {
      await close();
      await dropDatabase(admin, name);
      await admin.close();
    },
  });
}

/**
 * A new DATA_DIR holding a migrated embedded database with no rows (a copy of the run's), for
 * process tests that need an existing one rather than the first start's creation. PGlite runs
 * only; the run's temporary folder, where it lands, is removed at teardown.
 */
export function migratedDataDir(prefix = "tollgate-data-"): string {
  const template = inject("pgliteDataDir");
  if (template === "") throw new Error("migratedDataDir() is for the PGlite run only");
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(template, "pglite"), join(dir, "pglite"), { recursive: true });
  return dir;
}
