import type { Logger } from "pino";
import type { Config } from "./config.js";
import { embeddedDatabaseDir, openDatabase, type Database } from "./platform/db/database.js";
import { buildServices, type Services } from "./services.js";

export interface Runtime {
  readonly database: Database;
  readonly services: Services;
  close(): Promise<void>;
}

/** config -> database -> migrations -> services: what the server and the CLI both start with. */
export async function startRuntime(config: Config, log: Logger): Promise<Runtime> {
  const database = await openDatabase({
    url: config.databaseUrl,
    pgliteDir: embeddedDatabaseDir(config.dataDir),
    connectTimeoutMs: config.databaseConnectTimeoutS * 1000,
    // A long-running process must not keep what creating and migrating PGlite grows it to.
    migrateInChild: log,
  });
  try {
    await database.migrate();
    const services = await buildServices(config, database, log);
    return {
      database,
      services,
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
