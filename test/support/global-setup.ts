import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/platform/db/database.js";
import { migratePgliteClient } from "../../src/platform/db/migrate.js";
import { adminUrl, databaseUrl, dropDatabase, quoteIdent } from "./postgres-admin.js";
import { browserTestsSkipReason, buildWebAppIfStale } from "./web-build.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Name prefix of this run's server databases; empty on PGlite. */
    runPrefix: string;
    /** File holding a migrated PGlite data directory (dumped); empty on server Postgres. */
    pgliteSnapshot: string;
    /** A DATA_DIR whose embedded database is migrated, to copy; empty on server Postgres. */
    pgliteDataDir: string;
  }
}

/**
 * Migrates one template for the run, which each test file then copies instead of creating and
 * migrating a database of its own: on PGlite a dumped data directory (loading it skips initdb,
 * most of PGlite's start-up), on server Postgres (TEST_DATABASE_URL) a template database that
 * files clone with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  // Every temporary folder of the run (test files' own, their child processes', the template's)
  // lands in one folder that the teardown removes, whatever a test forgot to clean up: the
  // workers and their children inherit TMPDIR, which os.tmpdir() reads.
  const runTmp = await mkdtemp(join(tmpdir(), "tollgate-run-"));
  process.env["TMPDIR"] = runTmp;
  const skipBrowser = browserTestsSkipReason();
  if (skipBrowser === undefined) buildWebAppIfStale();
  else console.warn(`\n${skipBrowser}\n`);
  const teardown = await setupDatabases(project);
  return async () => {
    await teardown?.();
    await rm(runTmp, { recursive: true, force: true });
  };
}

async function setupDatabases(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const serverUrl = process.env["TEST_DATABASE_URL"];
  if (serverUrl === undefined || serverUrl === "") {
    project.provide("runPrefix", "");
    const dir = await mkdtemp(join(tmpdir(), "tollgate-test-"));
    const file = join(dir, "migrated-pglite.tar");
    const client = await PGlite.create();
    await migratePgliteClient(client);
    const dump = await client.dumpDataDir("none");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    project.provide("pgliteSnapshot", file);
    // The same database as a DATA_DIR on disk, for process tests that start the server or a
    // command on an existing embedded database: copying it skips initdb and the migrations.
    const dataDir = join(dir, "data-dir");
    await mkdir(join(dataDir, "pglite"), { recursive: true });
    const onDisk = await PGlite.create({ dataDir: join(dataDir, "pglite"), loadDataDir: dump });
    await onDisk.close();
    project.provide("pgliteDataDir", dataDir);
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }
  project.provide("pgliteSnapshot", "");
  project.provide("pgliteDataDir", "");
  const prefix = `tollgate_t_${randomBytes(4).toString("hex")}`;
  project.provide("runPrefix", prefix);
  const admin = await openDatabase({ url: adminUrl(serverUrl), poolSize: 1 });
  const template = `${prefix}_tpl`;
  await admin.query(`create database ${quoteIdent(template)}`);
  const database = await openDatabase({ url: databaseUrl(serverUrl, template), poolSize: 1 });
  await database.migrate();
  await database.close();
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${prefix}%`],
    );
    for (const { datname } of leftovers) await dropDatabase(admin, datname);
    await admin.close();
  };
}
