import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../config.js";

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  /** Sends or stores the message; rejects when the SMTP server refuses it. */
  send(message: EmailMessage): Promise<void>;
  readonly transport: "smtp" | "outbox";
  /**
   * Connects and logs in to the SMTP server without sending anything (the preflight's look);
   * rejects when it cannot. Absent where there is nothing to reach.
   */
  verify?(): Promise<void>;
}

/**
 * SMTP through nodemailer when EMAIL_HOST is set. Otherwise each message is written to
 * DATA_DIR/outbox/ as an .eml file and the log names the file — never the body, which may hold a
 * verification link.
 */
export function createMailer(config: Config, log: Logger): Mailer {
  const { email } = config;
  if (email.host !== undefined) {
    const transporter = nodemailer.createTransport({
      host: email.host,
      port: email.port,
      // Port 465 speaks TLS from the first byte; elsewhere EMAIL_USE_TLS requires STARTTLS.
      secure: email.port === 465,
      requireTLS: email.useTls && email.port !== 465,
      ignoreTLS: !email.useTls && email.port !== 465,
      auth: email.user === undefined ? undefined : { user: email.user, pass: email.password ?? "" },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      transport: "smtp",
      async verify() {
        await transporter.verify();
      },
      async send(message) {
        await transporter.sendMail({ from: email.from, ...message });
        log.info({ to_domain: message.to.split("@")[1], subject: message.subject }, "email sent");
      },
    };
  }
  const outbox = join(config.dataDir, "outbox");
  return {
    transport: "outbox",
    async send(message) {
      await mkdir(outbox, { recursive: true });
      const file = join(
        outbox,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`,
      );
      const eml = [
        `From: ${email.from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Date: ${new Date().toUTCString()}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        message.text,
        "",
      ].join("\r\n");
      await writeFile(file, eml, { mode: 0o600 });
      log.info(
        { file, subject: message.subject },
        "email written to the local outbox (no EMAIL_HOST set)",
      );
    },
  };
}
