import type { Logger } from "pino";
import type { Config } from "./config.js";
import { embeddedDatabaseDir, openDatabase, type Database } from "./platform/db/database.js";
import { buildServices, type Services } from "./services.js";

export interface Runtime {
  readonly database: Database;
  readonly services: Services;
  /** True when this start created the embedded database (first local run). */
  readonly freshEmbeddedDatabase: boolean;
  close(): Promise<void>;
}

async function hasBeenMigrated(database: Database): Promise<boolean> {
  const rows = await database.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  return rows[0]?.present === true;
}

/** config -> database -> migrations -> services: what the server and the CLI both start with. */
export async function startRuntime(config: Config, log: Logger): Promise<Runtime> {
  const database = await openDatabase({
    url: config.databaseUrl,
    pgliteDir: embeddedDatabaseDir(config.dataDir),
  });
  try {
    const freshEmbeddedDatabase = database.kind === "pglite" && !(await hasBeenMigrated(database));
    await database.migrate();
    const services = await buildServices(config, database, log);
    return {
      database,
      services,
      freshEmbeddedDatabase,
      async close() {
        await services.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
