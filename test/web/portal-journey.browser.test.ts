import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePng } from "../../src/core/sample-images.js";
import { createMailer } from "../../src/platform/email.js";
import { createLogger } from "../../src/platform/logging.js";
import { createInvite } from "../factories/customers.js";
import { logCapture, testConfig, type TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  launchChromium,
  openPage,
  startWebServer,
  type OpenedPage,
} from "../support/browser.js";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

const SITE_NAME = "Acme Vision";

/**
 * Issue 15's acceptance journey, in one browser and one order, on a fresh server with the local
 * payment provider and real SMTP: every email is read from the sink, every step through the UI
 * except the API call a customer's own code would make.
 */
describe.skipIf(skipReason !== undefined)("a customer's whole journey in Chromium", () => {
  let t: TestApp;
  let baseUrl: string;
  let sink: SmtpSink;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let opened: OpenedPage;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const mailEnv = {
      EMAIL_HOST: "127.0.0.1",
      EMAIL_PORT: String(sink.port),
      DEFAULT_FROM_EMAIL: "tollgate@example.com",
    };
    const mailConfig = testConfig(mailEnv);
    const mailer = createMailer(mailConfig, createLogger(mailConfig, logCapture().stream));
    // The checkout URLs name PUBLIC_BASE_URL: the browser follows them.
    ({ t, baseUrl } = await startWebServer(
      { mailer, env: { ...mailEnv, SITE_NAME } },
      { selfUrl: true },
    ));
    await t.services.payments.catalog.createDefaults();
    ({ browser, close: closeBrowser } = await launchChromium());
    opened = await openPage(browser, baseUrl);
  });

  afterAll(async () => {
    await opened.context.close();
    await closeBrowser();
    await t.close();
    await sink.close();
  });

  function heading(page: Page, name: string | RegExp) {
    return page.getByRole("heading", { level: 1, name });
  }

  function nav(page: Page) {
    return page.getByRole("navigation", { name: "Your account" });
  }

  /**
   * The path and query of the link matching `pattern` in an email to `email` not read before
   * (receipts and other mail in between are passed over).
   */
  let read = 0;
  async function emailedPath(email: string, pattern: RegExp): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const index = sink.messages.findIndex(
        (message, i) => i >= read && message.to.includes(email) && pattern.test(message.text),
      );
      if (index >= 0) {
        read = index + 1;
        const link = pattern.exec(sink.messages[index]?.text ?? "")?.[0] ?? "";
        const url = new URL(link);
        return url.pathname + url.search;
      }
      if (Date.now() > deadline) throw new Error(`no link like ${pattern} emailed to ${email}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await heading(page, `Log in to ${SITE_NAME}`).waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("textbox", { name: "Password" }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await heading(page, "Dashboard").waitFor();
  }

  it("goes from the landing page through the playground, a paid call, a credit pack, Pro and Team to a reset password", async () => {
    const { page, context, problems } = opened;
    const email = "journey@example.com";
    const password = "Correct-Horse-Battery-42";
    const invite = await createInvite(t.services.db, { code: "inv-journey" });

    // Landing and pricing, signed out.
    await page.goto("/");
    await heading(page, SITE_NAME).waitFor();
    await page.getByRole("link", { name: "See pricing" }).click();
    await heading(page, "Pricing").waitFor();
    await expect(page.getByTestId("price-pro").textContent()).resolves.toBe("$29.00 / month");

    // Sign-up with the invite, and the verification link from the real email.
    await page.goto(`/register?invite=${invite.code}`);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("textbox", { name: "Password" }).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await heading(page, "Check your email").waitFor();
    await page.goto(
      await emailedPath(email, /http:\/\/\S+\/api\/customers\/verify-email\?token=\S+/),
    );
    await heading(page, "Email confirmed").waitFor();
    await page.getByRole("link", { name: "Log in" }).last().click();
    await logIn(page, email, password);
    // The trial credits of a verified account.
    await expect
      .poll(() => page.getByTestId("figure-Trial").textContent())
      .toBe(String(t.config.credits.trialMilli / 1000));

    // An API token, copied.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await nav(page).getByRole("link", { name: "API tokens" }).click();
    await page.getByRole("textbox", { name: "New token's name" }).fill("Journey");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByLabel("Token", { exact: true }).textContent()) ?? "";
    await page.getByRole("button", { name: "Copy token" }).click();
    await expect(page.evaluate<string>("navigator.clipboard.readText()")).resolves.toBe(token);
    await page.getByRole("button", { name: "I have stored it" }).click();

    // The playground runs the sentiment service with the session: 1 credit of the trial's.
    const trial = t.config.credits.trialMilli / 1000;
    await nav(page).getByRole("link", { name: "Playground" }).click();
    await page.getByRole("combobox", { name: "Service" }).selectOption("text_sentiment_analysis");
    await page.getByRole("textbox", { name: "text" }).fill("What a wonderful, happy day!");
    await page.getByRole("button", { name: "Run (1 credit)" }).click();
    await expect
      .poll(() => page.getByTestId("run-result").textContent())
      .toContain('"sentiment": "positive"');
    await page
      .getByTestId("playground-balance")
      .getByText(`Balance: ${String(trial - 1)} credits`)
      .waitFor();

    // The customer's own code calls solve with the token; the usage page shows it.
    const solved = await fetch(`${baseUrl}/api/core/solve`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
      body: samplePng(2, 2),
    });
    expect(solved.status).toBe(200);
    await nav(page).getByRole("link", { name: "Usage" }).click();
    await page.getByRole("row").filter({ hasText: "core.image_solve" }).waitFor();
    await page.getByRole("row").filter({ hasText: "text_sentiment_analysis" }).waitFor();
    await expect.poll(() => page.getByTestId("requests-Today").textContent()).toBe("2");
    await nav(page).getByRole("link", { name: "Dashboard" }).click();
    await expect.poll(() => page.getByTestId("figure-Requests").textContent()).toBe("2");
    await page.getByRole("heading", { name: "Requests per day by service" }).waitFor();

    // A credit pack through the local checkout, back to the page that waited for the payment.
    await nav(page).getByRole("link", { name: "Credits" }).click();
    await page.getByRole("button", { name: "Buy 500 credits" }).click();
    await page.waitForURL(/\/checkout\/local\/lcs_/);
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.getByText("Payment received").waitFor();
    await expect
      .poll(() => page.getByTestId("figure-Available").textContent())
      .toBe(String(trial - 1 + 500));
    await page.getByRole("link", { name: "Purchases and receipts" }).click();
    await page.getByRole("region", { name: "Receipts" }).getByRole("link").first().waitFor();

    // Pro from the pricing page: its subscription credits arrive with the first invoice.
    await page.goto("/pricing");
    await page.getByRole("button", { name: "Subscribe: Pro" }).click();
    await page.waitForURL(/\/checkout\/local-subscription\/lcs_/);
    await page.getByRole("button", { name: "Subscribe for USD 29.00 / month" }).click();
    // The balance is fetched after the subscription appears: wait for it, not for the first text.
    await expect
      .poll(() => page.getByTestId("granted-credits").textContent())
      .toBe("Subscription credits in your balance: 5,000.");
    // An upgrade to Team applies now, with the difference in credits for this period.
    await page
      .getByRole("combobox", { name: "New plan" })
      .selectOption({ label: "Team: $99.00 / month" });
    await page.getByRole("button", { name: "Change plan" }).click();
    await page.getByText("You are now on Team.").waitFor();
    await expect.poll(() => page.getByTestId("current-price").textContent()).toBe("$99.00 / month");

    // Forgot password, the emailed link, and the new password.
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByText("You are logged out").waitFor();
    await page.goto("/app/tokens");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/app/tokens");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await heading(page, "Check your email").waitFor();
    await page.goto(await emailedPath(email, /http:\/\/\S+\/reset-password\?token=\S+/));
    const newPassword = "Brand-New-Secret-77";
    await page.getByRole("textbox", { name: "New password", exact: true }).fill(newPassword);
    await page.getByRole("textbox", { name: "Repeat the new password" }).fill(newPassword);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByText("Your new password is set: log in with it.").waitFor();
    await logIn(page, email, newPassword);
    expect(problems.list).toEqual([]);
  }, 120_000);
});
