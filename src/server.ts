import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { formatDemoFacts, seedDemo } from "./customers/demo-seed.js";
import { hasAnyUser } from "./customers/users.queries.js";
import { EmbeddedDatabaseLockedError } from "./platform/db/embedded-lock.js";
import { createLogger } from "./platform/logging.js";
import { startMaintenance } from "./maintenance.js";
import { startRuntime } from "./runtime.js";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config);
  if (config.secretKeySource === "generated") {
    log.warn(
      { file: `${config.dataDir}/secret_key` },
      "SECRET_KEY is not set: using a generated key kept in DATA_DIR (fine locally, not in production)",
    );
  }
  const runtime = await startRuntime(config, log);
  // The default services' rows, from their code, on first start (and whenever one is added).
  await runtime.services.aiServices.createDefaultRows();
  // The default credit packs on first start only: staff may retire them afterwards.
  await runtime.services.payments.catalog.createDefaultsIfEmpty();
  const app = await buildApp(config, runtime.services);
  const stopMaintenance = startMaintenance(runtime.services);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    // HTTP first (in-flight requests finish), then background work and the database.
    void app
      .close()
      .then(() => stopMaintenance())
      .then(() => runtime.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, "error during shutdown");
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", () => {
    shutdown("SIGINT");
  });
  process.once("SIGTERM", () => {
    shutdown("SIGTERM");
  });

  await app.listen({ port: config.port, host: config.host });
  // The same seeding as `bootstrap-demo`, so a first local start can be used right away. Decided
  // by "no account yet", not "database just created", so `npm run migrate` before the first start
  // does not skip it; and done after listen, so a start that fails (port taken) seeds nothing and
  // the next start still shows the passwords and the token, which are printed only once.
  if (runtime.database.kind === "pglite" && !(await hasAnyUser(runtime.services.db))) {
    const facts = await seedDemo(runtime.services);
    process.stdout.write(
      `\nFirst start on an empty embedded database.\n${formatDemoFacts(facts)}\n`,
    );
  }
  const base = config.publicBaseUrl;
  log.info(
    { docs: `${base}/api/docs/`, health: `${base}/healthz`, database: runtime.database.kind },
    "Tollgate is listening",
  );
  process.stdout.write(
    `\nTollgate is running on ${runtime.database.kind === "pglite" ? "the embedded database" : "PostgreSQL"}.\n` +
      `  API docs:     ${base}/api/docs/\n  Health check: ${base}/healthz\n\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Tollgate failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
