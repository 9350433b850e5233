import { Writable } from "node:stream";
import type { AiServiceDefinition } from "../../src/ai-services/service-definition.js";
import { buildApp, type App, type AppOptions } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import type { Clock } from "../../src/platform/clock.js";
import type { Database } from "../../src/platform/db/database.js";
import type { EmailMessage, Mailer } from "../../src/platform/email.js";
import { createLogger } from "../../src/platform/logging.js";
import { buildServices, type Services } from "../../src/services.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

/** The environment every test app starts from; tests add or override variables. */
export const TEST_ENV: Readonly<Record<string, string>> = {
  SECRET_KEY: "test-secret-key-that-is-long-enough-for-hmac-signing-0123456789",
  DATA_DIR: "/tmp/tollgate-test-data",
  PUBLIC_BASE_URL: "http://localhost:8000",
  LOG_LEVEL: "silent",
};

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ...TEST_ENV, ...env }, { persistSecretKey: false });
}

/** A mailer that keeps messages in memory, for tests that need not speak SMTP. */
export function memoryMailer(): Mailer & { readonly messages: EmailMessage[] } {
  const messages: EmailMessage[] = [];
  return {
    transport: "outbox",
    messages,
    async send(message) {
      messages.push(message);
    },
  };
}

/** Collects log lines as text, to assert what is (not) logged. */
export function logCapture(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join("") };
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  readonly mailer?: Mailer;
  /** Reuse a database (e.g. two app instances on one server Postgres). */
  readonly database?: Database;
  /** Capture logs at this level into `logs`. */
  readonly logLevel?: string;
  /** Extra routes for platform tests, registered before the app is ready. */
  readonly routes?: (app: App) => void;
  /** e.g. a Redis key prefix of the test's own for the rate limits. */
  readonly appOptions?: AppOptions;
  /** Extra AI services beside the registered ones (e.g. a scripted provider). */
  readonly aiServices?: readonly AiServiceDefinition[];
}

export interface TestApp {
  readonly app: App;
  readonly services: Services;
  readonly config: Config;
  readonly database: Database;
  readonly logs: () => string;
  close(): Promise<void>;
}

/** The real application on a fresh test database (or a given one), ready for app.inject(). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig({
    ...options.env,
    ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
  });
  const ownDatabase: TestDatabase | undefined =
    options.database === undefined ? await createTestDatabase() : undefined;
  const database = options.database ?? ownDatabase!;
  const capture = logCapture();
  const log = createLogger(config, capture.stream);
  const services = await buildServices(config, database, log, {
    ...(options.clock ? { clock: options.clock } : {}),
    mailer: options.mailer ?? memoryMailer(),
    ...(options.aiServices === undefined ? {} : { extraAiServices: options.aiServices }),
  });
  // As the server does on start: every registered service gets its row.
  await services.aiServices.createDefaultRows();
  const app = await buildApp(config, services, options.appOptions);
  options.routes?.(app);
  await app.ready();
  return {
    app,
    services,
    config,
    database,
    logs: () => capture.text(),
    async close() {
      await app.close();
      await services.close();
      await ownDatabase?.close();
    },
  };
}
