import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logCapture, testConfig } from "../../test/support/app.js";
import { createMailer } from "./email.js";
import { createLogger } from "./logging.js";

describe("the local email outbox (no EMAIL_HOST)", () => {
  it("writes a readable .eml with the message, and logs the file's name but not the body", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-outbox-"));
    const config = testConfig({
      DATA_DIR: dataDir,
      DEFAULT_FROM_EMAIL: "tollgate@example.com",
      LOG_LEVEL: "info",
    });
    const logs = logCapture();
    const mailer = createMailer(config, createLogger(config, logs.stream));
    expect(mailer.transport).toBe("outbox");

    const link = "http://localhost:8000/api/customers/verify-email?token=secret-token-123";
    await mailer.send({
      to: "new-user@example.com",
      subject: "Verify your email address",
      text: `Welcome!\n\nOpen this link to verify your email address:\n${link}\n`,
    });

    const outbox = join(dataDir, "outbox");
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    const [name = ""] = files;
    expect(name).toMatch(/\.eml$/);
    const file = join(outbox, name);
    // Owner-only: whoever holds the link can verify the account.
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const eml = readFileSync(file, "utf8");
    const [head = "", body = ""] = eml.split("\r\n\r\n");
    const headers = head.split("\r\n");
    expect(headers).toContain("From: tollgate@example.com");
    expect(headers).toContain("To: new-user@example.com");
    expect(headers).toContain("Subject: Verify your email address");
    expect(headers).toContain("Content-Type: text/plain; charset=utf-8");
    expect(headers.find((h) => h.startsWith("Date: "))).toBeDefined();
    expect(body).toContain("Welcome!");
    expect(body).toContain(link);

    const log = logs.text();
    expect(log).toContain(file);
    expect(log).toContain("email written to the local outbox");
    expect(log).not.toContain("secret-token-123");
    expect(log).not.toContain("Welcome!");
  });

  it("gives each message its own file", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-outbox-"));
    const config = testConfig({ DATA_DIR: dataDir });
    const mailer = createMailer(config, createLogger(config));
    const message = { to: "a@example.com", subject: "Hello", text: "Hi" };
    await Promise.all([mailer.send(message), mailer.send(message)]);
    expect(readdirSync(join(dataDir, "outbox"))).toHaveLength(2);
  });
});
