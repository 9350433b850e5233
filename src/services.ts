import type { Logger } from "pino";
import type { Config } from "./config.js";
import { buildCoreServices, type CoreServices } from "./core/solve.service.js";
import { buildCustomers, type CustomersServices } from "./customers/customers.service.js";
import type { RequestAuthenticator } from "./platform/auth.js";
import { systemClock, type Clock } from "./platform/clock.js";
import type { Database, Db } from "./platform/db/database.js";
import { createMailer, type Mailer } from "./platform/email.js";
import { buildUsageService, type UsageService } from "./usage/usage.service.js";

/** Everything the routes and commands use, wired once. Fastify is decorated with this object. */
export interface Services {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly mailer: Mailer;
  readonly auth: RequestAuthenticator;
  readonly customers: CustomersServices;
  readonly usage: UsageService;
  readonly core: CoreServices;
  /** Stops background work (listeners, timers); the database is closed by its owner. */
  close(): Promise<void>;
}

export interface ServiceOverrides {
  readonly clock?: Clock;
  readonly mailer?: Mailer;
}

export async function buildServices(
  config: Config,
  database: Database,
  log: Logger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const mailer = overrides.mailer ?? createMailer(config, log);
  const customers = await buildCustomers({ config, database, clock, log, mailer });
  const auth: RequestAuthenticator = customers.authenticator;
  const core = buildCoreServices({ db: database.db, config, clock, log });
  return {
    config,
    database,
    db: database.db,
    clock,
    log,
    mailer,
    auth,
    customers,
    usage: buildUsageService({ db: database.db, clock, config }),
    core,
    async close() {
      await customers.close();
    },
  };
}
