import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/platform/db/database.js";
import { adminUrl, databaseUrl, dropDatabase, quoteIdent } from "./postgres-admin.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Name prefix of this run's server databases; empty on PGlite. */
    runPrefix: string;
  }
}

/**
 * On server Postgres (TEST_DATABASE_URL), migrates one template database for the run; each test
 * file then clones it (CREATE DATABASE … TEMPLATE), which is much faster than migrating again.
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const serverUrl = process.env["TEST_DATABASE_URL"];
  if (serverUrl === undefined || serverUrl === "") {
    project.provide("runPrefix", "");
    return undefined;
  }
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
