import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/schema.js";
import { createApiToken, createInvite, createVerifiedUser } from "../factories/customers.js";
import { grantCredits } from "../factories/credits.js";
import { createBillingPeriod, recordTestRequest } from "../factories/usage.js";
import { memoryMailer, type TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  checkPage,
  checkPagesBy,
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  openPage,
  PHONE,
  screenshotter,
  signInBrowser,
  startWebServer,
  type OpenedPage,
} from "../support/browser.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

const DAY_MS = 24 * 60 * 60 * 1000;
const SITE_NAME = "Acme Vision";
const SITE_TAGLINE = "Read receipts and invoices with one API call.";

// `npm run screenshots` copies these into docs/screenshots/.
const DOCS_SHOTS = new Set(["portal-landing", "portal-pricing", "portal-dashboard"]);

describe.skipIf(skipReason !== undefined)("the customer portal in Chromium", () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
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
    // An ended month, still unpaid (its row offers "Pay"), beside the running one the requests
    // above opened.
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

  const shot = screenshotter("portal", DOCS_SHOTS);

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

  // A desktop and a phone page per visitor (undefined: signed out), serving these read-only
  // checks only: each check after the first opens its page as the app's links do. The empty
  // states are checked at desktop width only.
  const checkPages = checkPagesBy((user: User | undefined, viewport) =>
    user === undefined ? open(viewport) : openAs(user, viewport),
  );

  it.each(PUBLIC_PAGES)(
    "$path: loads signed out without errors, passes axe, and fits a 375 px phone",
    async ({ path, title, ready, shot: name }) => {
      await checkPage(await checkPages(undefined), { path, title, ready, name }, shot);
    },
  );

  it.each(SIGNED_IN_PAGES)(
    "$path: loads populated and empty without errors, passes axe, and fits a 375 px phone",
    async (entry) => {
      const { path, title, busy: busyText, empty, shot: name } = entry;
      const emptyPath = path + ("emptyQuery" in entry ? entry.emptyQuery : "");
      // The dashboard's scan at phone width covers the signed-in navigation's phone layout.
      const phoneAxe = path === "/app";
      await checkPage(
        await checkPages(busy.user),
        { path, title, ready: busyText, name, phoneAxe },
        shot,
      );
      await checkPage(
        await checkPages(fresh.user, { phone: false }),
        { path: emptyPath, title, ready: empty, name: `${name}-empty` },
        shot,
      );
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
