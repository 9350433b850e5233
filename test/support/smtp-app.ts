import { createMailer } from "../../src/platform/email.js";
import { createLogger } from "../../src/platform/logging.js";
import { createTestApp, logCapture, testConfig, type TestApp } from "./app.js";
import { startSmtpSink, type SmtpSink } from "./smtp-sink.js";

export interface SmtpTestApp {
  readonly t: TestApp;
  readonly sink: SmtpSink;
  /** The app's log and the mailer's, as text (to assert what is never logged). */
  logs(): string;
  close(): Promise<void>;
}

/**
 * The test app with the application's own nodemailer transport (instead of the memory mailer)
 * pointed at a local SMTP sink, logging at debug level.
 */
export async function startSmtpTestApp(env: Record<string, string> = {}): Promise<SmtpTestApp> {
  const sink = await startSmtpSink();
  const mailEnv = {
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: String(sink.port),
    DEFAULT_FROM_EMAIL: "tollgate@example.com",
    ...env,
  };
  const mailLogs = logCapture();
  const mailConfig = testConfig({ ...mailEnv, LOG_LEVEL: "debug" });
  const mailer = createMailer(mailConfig, createLogger(mailConfig, mailLogs.stream));
  const t = await createTestApp({ mailer, logLevel: "debug", env: mailEnv });
  return {
    t,
    sink,
    logs: () => t.logs() + mailLogs.text(),
    async close() {
      await t.close();
      await sink.close();
    },
  };
}
