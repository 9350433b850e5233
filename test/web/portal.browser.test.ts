import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/schema.js";
import { createApiToken, createInvite, createVerifiedUser } from "../factories/customers.js";
import { grantCredits } from "../factories/credits.js";
import { createBillingPeriod, recordTestRequest } from "../factories/usage.js";
import { memoryMailer, type TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  openPage,
  screenshotDir,
  signInBrowser,
  startWebServer,
  type OpenedPage,
} from "../support/browser.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

const PHONE = { width: 375, height: 740 };
const DAY_MS = 24 * 60 * 60 * 1000;
const SITE_NAME = "Acme Vision";
const SITE_TAGLINE = "Read receipts and invoices with one API call.";

// `npm run screenshots` sets this: these pictures then also land in docs/screenshots/.
const DOCS_SHOTS_DIR = process.env["TOLLGATE_DOCS_SCREENSHOTS"];
const DOCS_SHOTS = new Set(["portal-landing", "portal-pricing", "portal-dashboard"]);

describe.skipIf(skipReason !== undefined)("the customer portal in Chromium", () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let shots: string;
  const mailer = memoryMailer();
  /** A customer with requests, tokens and credits (the populated pages). */
  let busy: { user: User; password: string };
  /** A customer with nothing yet (the empty states). */
  let fresh: { user: User; password: string };
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebServer({
      mailer,
      env: { SITE_NAME, SITE_TAGLINE },
    }));
    ({ browser, close: closeBrowser } = await launchChromium());
    shots = await screenshotDir("portal");
    busy = await createVerifiedUser(t.services.db, { email: "busy@example.com" });
    fresh = await createVerifiedUser(t.services.db, { email: "fresh@example.com" });
    await grantCredits(t.services, busy.user.id, 250);
    const now = new Date();
    for (let day = 0; day <= 12; day++) {
      const requestTs = new Date(now.getTime() - day * DAY_MS);
      for (let i = 0; i < (day % 3) + 1; i++) {
        await recordTestRequest(t.services.db, {
          userId: busy.user.id,
          requestTs,
          service: day % 2 === 0 ? "text_sentiment_analysis" : "demo_free_service",
        });
      }
    }
    await recordTestRequest(t.services.db, {
      userId: busy.user.id,
      requestTs: now,
      status: "error",
      errorCode: "openai_timeout",
      costCents: 0,
    });
    await createApiToken(t, busy.user.id, "Build server");
    // An ended month, paid, beside the running one the requests above opened.
    await createBillingPeriod(t.services.db, {
      userId: busy.user.id,
      month: "2025-01",
      totalRequests: 3,
      totalCostCents: 300,
    });
  });

  afterAll(async () => {
    for (const { context } of opened) await context.close();
    await closeBrowser();
    await t.close();
  });

  async function open(viewport?: { width: number; height: number }): Promise<OpenedPage> {
    const page = await openPage(browser, baseUrl, viewport);
    opened.push(page);
    return page;
  }

  async function openAs(user: User, viewport?: { width: number; height: number }) {
    const page = await open(viewport);
    await signInBrowser(t, page.context, baseUrl, user.id);
    return page;
  }

  /** A full-page screenshot into the run's folder (and docs/screenshots/ for a chosen few). */
  async function shot(page: Page, name: string): Promise<void> {
    const path = join(shots, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    if (DOCS_SHOTS_DIR !== undefined && DOCS_SHOTS.has(name)) {
      await mkdir(DOCS_SHOTS_DIR, { recursive: true });
      await copyFile(path, join(DOCS_SHOTS_DIR, `${name}.png`));
    }
  }

  /** The refused login (its 403, and Chromium's console line about it) and nothing else. */
  function expectOnlyRefusedLogin(list: readonly string[]): void {
    expect(list).toContainEqual(
      expect.stringMatching(/^HTTP 403: POST .*\/api\/customers\/login$/),
    );
    for (const problem of list) {
      expect(problem).toMatch(
        /^HTTP 403: POST .*\/api\/customers\/login$|^console: Failed to load resource: the server responded with a status of 403/,
      );
    }
  }

  function heading(page: Page, name: string | RegExp) {
    return page.getByRole("heading", { level: 1, name });
  }

  /** The path and query of the last emailed link to `email` matching `pattern` (links name PUBLIC_BASE_URL). */
  function emailedPath(email: string, pattern: RegExp): string {
    const message = mailer.messages.filter((m) => m.to === email).at(-1);
    const link = pattern.exec(message?.text ?? "")?.[0];
    if (link === undefined) throw new Error(`no link like ${pattern} emailed to ${email}`);
    const url = new URL(link);
    return url.pathname + url.search;
  }

  it("shows an empty pricing page before anything is for sale, then the catalog's plans and packs", async () => {
    const { page, problems } = await open();
    await page.goto("/pricing");
    await heading(page, "Pricing").waitFor();
    await page.getByText("Nothing is for sale yet.").waitFor();
    await shot(page, "portal-pricing-empty");

    const { catalog } = t.services.payments;
    // The credit packs and the plans Free, Pro and Team.
    await catalog.createDefaults();
    await page.reload();
    await page.getByRole("heading", { name: "Plans" }).waitFor();
    await expect(page.getByTestId("price-pro").textContent()).resolves.toBe("$29.00 / month");
    await expect(page.getByTestId("price-credits-100").textContent()).resolves.toBe("$10.00");
    await page.getByText("5,000 credits each period").waitFor();
    await page.getByRole("link", { name: "Sign up to buy: 500 credits" }).waitFor();
    await expectAccessible(page);
    await shot(page, "portal-pricing");
    expect(problems.list).toEqual([]);
  });

  it("opens on the landing page with SITE_NAME and SITE_TAGLINE, and links to the API docs", async () => {
    const { page, problems } = await open();
    await page.goto("/");
    await heading(page, SITE_NAME).waitFor();
    await page.getByText(SITE_TAGLINE).waitFor();
    await expect(page.title()).resolves.toBe(`Home · ${SITE_NAME}`);
    await expect(page.getByRole("link", { name: "API docs" }).getAttribute("href")).resolves.toBe(
      "/api/docs/",
    );
    await page.getByRole("link", { name: "See pricing" }).click();
    await heading(page, "Pricing").waitFor();
    await shot(page, "portal-pricing-from-landing");
    expect(problems.list).toEqual([]);
  });

  it("registers with an invite from the URL, confirms the emailed link, logs in and creates an API token", async () => {
    const invite = await createInvite(t.services.db, { code: "inv-portal-journey" });
    const email = "newcomer@example.com";
    const password = "Correct-Horse-Battery-42";
    const { page, context, problems } = await open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/register?invite=${invite.code}`);
    await heading(page, `Sign up for ${SITE_NAME}`).waitFor();
    const inviteField = page.getByRole("textbox", { name: "Invite code" });
    await expect(inviteField.inputValue()).resolves.toBe(invite.code);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("textbox", { name: "Password" }).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await heading(page, "Check your email").waitFor();
    await page.getByText(email).waitFor();
    await shot(page, "portal-check-email");

    // The emailed link is the contract's API URL; a browser is sent on to the portal's page.
    const link = emailedPath(email, /http:\/\/\S+\/api\/customers\/verify-email\?token=\S+/);
    await page.goto(link);
    await heading(page, "Email confirmed").waitFor();
    expect(new URL(page.url()).pathname).toBe("/verify-email");
    await shot(page, "portal-email-confirmed");
    await page.getByRole("link", { name: "Log in" }).last().click();

    await heading(page, `Log in to ${SITE_NAME}`).waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("textbox", { name: "Password" }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await heading(page, "Dashboard").waitFor();
    // The trial credits of a verified account.
    await expect
      .poll(() => page.getByTestId("figure-Trial").textContent())
      .toBe(String(t.config.credits.trialMilli / 1000));

    await page
      .getByRole("navigation", { name: "Your account" })
      .getByRole("link", { name: "API tokens" })
      .click();
    await heading(page, "API tokens").waitFor();
    await page.getByText("No tokens yet: create one above.").waitFor();
    await page.getByRole("textbox", { name: "New token's name" }).fill("My laptop");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("This is the only time the whole token is shown.").waitFor();
    const shown = await page.getByLabel("Token", { exact: true }).textContent();
    expect(shown).toMatch(/^\S{20,}$/);
    await page.getByRole("button", { name: "Copy token" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    await expect(page.evaluate<string>("navigator.clipboard.readText()")).resolves.toBe(shown);
    await page.getByRole("row").filter({ hasText: "My laptop" }).getByText("active").waitFor();
    await shot(page, "portal-token-created");

    // The token works: a call made with it shows on the usage page and the dashboard.
    const call = await fetch(`${baseUrl}/api/services/text_sentiment_analysis/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${shown ?? ""}`, "content-type": "application/json" },
      body: JSON.stringify({ input: { text: "I love how fast this is" } }),
    });
    expect(call.status).toBe(200);
    await page.getByRole("button", { name: "I have stored it" }).click();
    const account = page.getByRole("navigation", { name: "Your account" });
    await account.getByRole("link", { name: "Usage" }).click();
    await heading(page, "Usage").waitFor();
    await expect.poll(() => page.getByTestId("requests-Today").textContent()).toBe("1");
    await page.getByRole("row").filter({ hasText: "text_sentiment_analysis" }).waitFor();
    await account.getByRole("link", { name: "Dashboard" }).click();
    await expect.poll(() => page.getByTestId("figure-Requests").textContent()).toBe("1");
    await page.getByRole("heading", { name: "Requests per day by service" }).waitFor();

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByText("You are logged out").waitFor();
    await page.goto("/app/tokens");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/app/tokens");
    expect(problems.list).toEqual([]);
  });

  it("resets a forgotten password through the emailed link, then logs in with the new one", async () => {
    const { user } = await createVerifiedUser(t.services.db, { email: "forgetful@example.com" });
    const { page, problems } = await open(PHONE);
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await heading(page, "Forgot your password?").waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(user.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await heading(page, "Check your email").waitFor();

    await page.goto(emailedPath(user.email, /http:\/\/\S+\/reset-password\?token=\S+/));
    await heading(page, "Choose a new password").waitFor();
    await page
      .getByRole("textbox", { name: "New password", exact: true })
      .fill("Brand-New-Secret-77");
    await page
      .getByRole("textbox", { name: "Repeat the new password" })
      .fill("Brand-New-Secret-77");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByText("Your new password is set: log in with it.").waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(user.email);
    await page.getByRole("textbox", { name: "Password" }).fill("Brand-New-Secret-77");
    await page.getByRole("button", { name: "Log in" }).click();
    await heading(page, "Dashboard").waitFor();
    expect(problems.list).toEqual([]);
  });

  it("tells an unverified customer to confirm the email, and a locked one how to unlock", async () => {
    const email = "unverified@example.com";
    const invite = await createInvite(t.services.db);
    await t.services.customers.accounts.register({
      email,
      password: "Kestrel-Orbit-Lantern-31",
      inviteCode: invite.code,
    });
    const { page, problems } = await open(PHONE);
    await page.goto("/login");
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("textbox", { name: "Password" }).fill("Kestrel-Orbit-Lantern-31");
    await page.getByRole("button", { name: "Log in" }).click();
    const unverified = page.getByRole("alert").filter({ hasText: "Confirm your email first" });
    await unverified.waitFor();
    await unverified.getByRole("button", { name: "Send a new link" }).click();
    const toast = page.getByRole("alert").filter({ hasText: "a new link is on its way" });
    await toast.waitFor();
    // Closed before the scan: axe would read its colours halfway through the fade-in.
    await toast.getByRole("button", { name: "Close notification" }).click();
    await toast.waitFor({ state: "hidden" });
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await shot(page, "portal-login-unverified");
    // The refused login is the one failed request.
    expectOnlyRefusedLogin(problems.list);

    const { user } = await createVerifiedUser(t.services.db, { email: "locked@example.com" });
    await page.goto("/login");
    problems.list.length = 0;
    for (let i = 0; i < t.config.accountSecurity.lockoutThreshold; i++) {
      await t.app.inject({
        method: "POST",
        url: "/api/customers/login",
        payload: { email: user.email, password: "wrong-password-0" },
        // Addresses of their own: the per-address throttle would refuse the browser (429).
        remoteAddress: `10.8.0.${String(i + 1)}`,
      });
    }
    await page.getByRole("textbox", { name: "Email" }).fill(user.email);
    await page.getByRole("textbox", { name: "Password" }).fill("wrong-password-0");
    await page.getByRole("button", { name: "Log in" }).click();
    const locked = page.getByRole("alert").filter({ hasText: "Your account is locked for now" });
    await locked.waitFor();
    await locked.getByRole("link", { name: "set a new password" }).waitFor();
    expectOnlyRefusedLogin(problems.list);
  });

  const PUBLIC_PAGES = [
    { path: "/", title: SITE_NAME, ready: SITE_TAGLINE, shot: "portal-landing" },
    { path: "/pricing", title: "Pricing", ready: "Credit packs", shot: "portal-pricing-page" },
    {
      path: "/services",
      title: "Services",
      ready: "text_sentiment_analysis",
      shot: "portal-services",
    },
    {
      path: "/register",
      title: `Sign up for ${SITE_NAME}`,
      ready: "Signing up needs an invite code.",
      shot: "portal-register",
    },
    {
      path: "/login",
      title: `Log in to ${SITE_NAME}`,
      ready: "Forgot your password?",
      shot: "portal-login",
    },
    {
      path: "/forgot-password",
      title: "Forgot your password?",
      ready: "Send the link",
      shot: "portal-forgot",
    },
    {
      path: "/reset-password",
      title: "Choose a new password",
      ready: "Send a new link",
      shot: "portal-reset-bad-link",
    },
    {
      path: "/check-email",
      title: "Check your email",
      ready: "Send a new link",
      shot: "portal-check-email-direct",
    },
    {
      path: "/no-such-page",
      title: "Page not found",
      ready: "Go to the home page",
      shot: "portal-not-found",
    },
  ] as const;

  const SIGNED_IN_PAGES = [
    {
      path: "/app",
      title: "Dashboard",
      busy: "Requests per day by service",
      empty: "No requests in the last 30 days.",
      shot: "portal-dashboard",
    },
    {
      path: "/app/tokens",
      title: "API tokens",
      busy: "Build server",
      empty: "No tokens yet: create one above.",
      shot: "portal-tokens",
    },
    {
      path: "/app/usage",
      title: "Usage",
      busy: "openai_timeout",
      empty: "No requests yet: make your first call.",
      shot: "portal-usage",
    },
    {
      path: "/app/credits",
      title: "Credits",
      busy: "Granted",
      empty: "No credit transactions yet.",
      shot: "portal-credits",
    },
    {
      path: "/app/billing",
      title: "Billing",
      busy: "2025-01",
      // The dashboard's visit opened the running month, so the filter shows the empty state.
      emptyQuery: "?status=waived",
      empty: "No waived periods.",
      shot: "portal-billing",
    },
  ] as const;

  async function checkPage(
    opened: OpenedPage,
    path: string,
    title: string,
    ready: string,
    name: string,
  ): Promise<void> {
    const { page, problems } = opened;
    problems.list.length = 0;
    await page.goto(path);
    await heading(page, title).waitFor();
    await page.getByText(ready, { exact: true }).first().waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await shot(page, name);
    expect(problems.list).toEqual([]);
  }

  it.each(PUBLIC_PAGES)(
    "$path: loads signed out without errors, passes axe, and fits a 375 px phone",
    async ({ path, title, ready, shot: name }) => {
      const desktop = await open();
      await checkPage(desktop, path, title, ready, name);
      const phone = await open(PHONE);
      await checkPage(phone, path, title, ready, `${name}-phone`);
    },
  );

  it.each(SIGNED_IN_PAGES)(
    "$path: loads populated and empty without errors, passes axe, and fits a 375 px phone",
    async (entry) => {
      const { path, title, busy: busyText, empty, shot: name } = entry;
      const emptyPath = path + ("emptyQuery" in entry ? entry.emptyQuery : "");
      await checkPage(await openAs(busy.user), path, title, busyText, name);
      await checkPage(await openAs(busy.user, PHONE), path, title, busyText, `${name}-phone`);
      await checkPage(await openAs(fresh.user), emptyPath, title, empty, `${name}-empty`);
    },
  );

  it("keeps the usage filters in the URL, through a reload", async () => {
    const { page, problems } = await openAs(busy.user);
    await page.goto("/app/usage");
    await heading(page, "Usage").waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByRole("textbox", { name: "From" }).fill(today);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe(today);
    // Today: the one failed request and day 0's one success (header row aside).
    await expect.poll(() => page.getByRole("row").count()).toBe(3);
    await page.reload();
    await expect.poll(() => page.getByRole("row").count()).toBe(3);
    await expect(page.getByRole("textbox", { name: "From" }).inputValue()).resolves.toBe(today);
    // The failed one alone, by status from the URL.
    await page.goto("/app/usage?status=error");
    await page.getByRole("row").filter({ hasText: "openai_timeout" }).waitFor();
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await page.goto("/app/usage?service=no_such_service");
    await page.getByText("No requests match these filters.").waitFor();
    expect(problems.list).toEqual([]);
  });

  it("asks before revoking a token, then shows it revoked", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const token = await createApiToken(t, user.id, "Old script");
    const { page, problems } = await openAs(user);
    await page.goto("/app/tokens");
    const row = page.getByRole("row").filter({ hasText: "Old script" });
    await row.getByRole("button", { name: "Revoke token Old script" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this token?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.getByText("active").waitFor();
    await row.getByRole("button", { name: "Revoke token Old script" }).click();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Token Old script revoked.").waitFor();
    await row.getByText("revoked").waitFor();
    const refused = await fetch(`${baseUrl}/api/customers/usage/summary`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(refused.status).toBe(401);
    expect(problems.list).toEqual([]);
  });
});
