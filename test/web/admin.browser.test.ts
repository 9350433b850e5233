import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/schema.js";
import { createApiToken, createInvite, createVerifiedUser } from "../factories/customers.js";
import { createBillingPeriod, recordTestRequest } from "../factories/usage.js";
import type { TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  checkPage,
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  openPage,
  PHONE,
  screenshotter,
  signInBrowser,
  startWebServer,
  visit,
  type CheckPages,
  type OpenedPage,
} from "../support/browser.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

/** In the page: the time since navigation once today's request count reads 4, else false. */
function todaysRequestsShownAt(): number | false {
  // The test's types have no DOM: the little of it used here, spelled out.
  const { document } = globalThis as unknown as {
    document: { querySelector(selector: string): { textContent: string | null } | null };
  };
  const figure = document.querySelector(
    'section[aria-label="Today"] [data-testid="figure-Requests"]',
  );
  return figure?.textContent === "4" ? Math.round(performance.now()) : false;
}
const DAY_MS = 24 * 60 * 60 * 1000;

// `npm run screenshots` copies these into docs/screenshots/.
const DOCS_SHOTS = new Set(["dashboard", "request-logs", "invites", "dashboard-phone"]);

describe.skipIf(skipReason !== undefined)("the staff admin in Chromium", () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let staff: { user: User; password: string };
  let customer: { user: User; password: string };
  let errorLogId: string;
  let inviteCode: string;
  const opened: OpenedPage[] = [];
  // One signed-in page per viewport, shared by the tests that only look (its HTTP cache too).
  let desktop: OpenedPage;
  /** Serve the read-only page checks only: no toast of another test's action is scanned. */
  let viewers: CheckPages;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebServer());
    ({ browser, close: closeBrowser } = await launchChromium());
    staff = await createVerifiedUser(t.services.db, { isStaff: true, email: "staff@example.com" });
    customer = await createVerifiedUser(t.services.db, { email: "customer@example.com" });
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      await recordTestRequest(t.services.db, { userId: customer.user.id, requestTs: now });
    }
    const failed = await recordTestRequest(t.services.db, {
      userId: customer.user.id,
      requestTs: now,
      status: "error",
      errorCode: "openai_timeout",
      service: "text_sentiment_analysis",
      costCents: 0,
    });
    errorLogId = failed.requestLogId;
    // Earlier days, so the dashboard's 30-day chart has something to draw.
    for (let day = 1; day <= 12; day++) {
      const requestTs = new Date(now.getTime() - day * DAY_MS);
      for (let i = 0; i < (day % 4) + 1; i++) {
        await recordTestRequest(t.services.db, { userId: customer.user.id, requestTs });
      }
      for (let i = 0; i < day % 3; i++) {
        await recordTestRequest(t.services.db, {
          userId: customer.user.id,
          requestTs,
          service: "demo_free_service",
          costCents: 0,
        });
      }
    }
    await createApiToken(t, customer.user.id, "CI token");
    inviteCode = (await createInvite(t.services.db, { code: "inv-browser-test" })).code;
    // A month long over, so it can be marked paid (a running month cannot).
    await createBillingPeriod(t.services.db, {
      userId: customer.user.id,
      month: "2025-01",
      totalRequests: 3,
      totalCostCents: 300,
    });
    desktop = await openAsStaff();
    viewers = { desktop: await openAsStaff(), phone: await openAsStaff(PHONE) };
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

  async function openAsStaff(viewport?: { width: number; height: number }) {
    const page = await open(viewport);
    await signInBrowser(t, page.context, baseUrl, staff.user.id);
    return page;
  }

  const shot = screenshotter("admin", DOCS_SHOTS);

  /** The shared staff page, its problem list emptied for the test that uses it next. */
  function reuse(shared: OpenedPage): OpenedPage {
    shared.problems.list.length = 0;
    return shared;
  }

  function heading(page: Page, name: string) {
    return page.getByRole("heading", { level: 1, name });
  }

  it("sends a visitor to the login form, and a staff member from it to the dashboard's numbers", async () => {
    const { page, problems } = await open();
    await page.goto("/admin/request-logs");
    // The admin's chunk loads first: over a second on a loaded machine.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe("/admin/login");
    await page.getByRole("textbox", { name: "Email" }).fill(staff.user.email);
    await page.getByRole("textbox", { name: "Password" }).fill(staff.password);
    await page.getByRole("button", { name: "Log in" }).click();
    // Back where the visitor was going.
    await heading(page, "Request logs").waitFor();
    await page.goto("/admin/", { waitUntil: "commit" });
    // From the navigation's start to today's figures on screen, by the page's own clock, checked
    // on every frame (the test's own polling would add its interval). The target is 1 s; the
    // bound here is loose so a loaded CI machine does not fail it, and the figure is printed
    // (docs/web.md has the measurements).
    const rendered = await page.waitForFunction(todaysRequestsShownAt, undefined, {
      polling: "raf",
    });
    const firstRender = Number(await rendered.jsonValue());
    console.info(`dashboard first render: ${firstRender} ms`);
    expect(firstRender).toBeLessThan(2000);
    await page.getByRole("heading", { name: "Requests per day by service" }).waitFor();
    await shot(page, "dashboard");
    expect(problems.list).toEqual([]);
  });

  it("refuses a wrong password on the form with the server's message", async () => {
    const { page } = await open();
    await page.goto("/admin/login");
    await page.getByRole("textbox", { name: "Email" }).fill(staff.user.email);
    await page.getByRole("textbox", { name: "Password" }).fill("not-the-password-123");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").filter({ hasText: "Could not log in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/login");
  });

  it("tells a customer's session it is not authorized, without a failed request", async () => {
    const { page, context, problems } = await open();
    await signInBrowser(t, context, baseUrl, customer.user.id);
    await page.goto("/admin/");
    await heading(page, "Not authorized").waitFor();
    await expect.poll(() => page.getByText("customer@example.com").count()).toBe(1);
    expect(await page.getByRole("navigation").count()).toBe(0);
    await shot(page, "not-authorized");
    expect(problems.list).toEqual([]);
  });

  it("keeps the request-log filters in the URL, through a reload", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/request-logs");
    await heading(page, "Request logs").waitFor();
    await page.getByText("46 items").waitFor();
    await page.getByRole("combobox", { name: "Service" }).click();
    await page.getByRole("option", { name: "text_sentiment_analysis" }).click();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("service"))
      .toBe("text_sentiment_analysis");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await page.reload();
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await expect(page.getByRole("combobox", { name: "Service" }).inputValue()).resolves.toBe(
      "text_sentiment_analysis",
    );
    await page.getByRole("link", { name: "View" }).click();
    await heading(page, "Request log").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/request-logs/${errorLogId}`);
    await page.getByText("openai_timeout").waitFor();
    expect(problems.list).toEqual([]);
  });

  it("asks before withdrawing an invite, then announces it", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/invites");
    const row = page.getByRole("row").filter({ hasText: inviteCode });
    await row.getByRole("button", { name: `Withdraw invite ${inviteCode}` }).click();
    const dialog = page.getByRole("dialog", { name: "Withdraw this invite?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => row.getByText("unused").count()).toBe(1);

    await row.getByRole("button", { name: `Withdraw invite ${inviteCode}` }).click();
    await dialog.getByRole("button", { name: "Withdraw" }).click();
    await page.getByText(`Invite ${inviteCode} withdrawn.`).waitFor();
    await expect.poll(() => row.getByText("withdrawn").count()).toBe(1);
    expect(problems.list).toEqual([]);
  });

  it("creates invites and shows their codes", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/invites");
    await page.getByLabel("How many").fill("2");
    await page.getByRole("button", { name: "Create" }).click();
    const toast = page.getByRole("alert").filter({ hasText: /Created 2 invite\(s\)/ });
    await toast.waitFor();
    // Closed first: on a loaded machine its entrance re-renders the page under the next click,
    // which then lands nowhere (or closes the list it opened).
    await toast.getByRole("button", { name: "Close notification" }).click();
    await toast.waitFor({ state: "hidden" });
    await page.getByRole("combobox", { name: "Status" }).click();
    await page.getByRole("option", { name: "unused" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("unused");
    await expect.poll(() => page.getByRole("row").count()).toBe(3);
    expect(problems.list).toEqual([]);
  });

  it("marks a period paid with a reference, and the audit log shows it", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/billing-periods?month=2025-01");
    const row = page.getByRole("row").filter({ hasText: "2025-01" });
    await row.getByText("pending").waitFor();
    await row.getByRole("button", { name: "Mark paid" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark this period paid" });
    await expect(
      dialog.getByRole("textbox", { name: "Amount received" }).inputValue(),
    ).resolves.toBe("3.00");
    await dialog.getByRole("textbox", { name: "Reference" }).fill("bank transfer 4711");
    await dialog.getByRole("button", { name: "Mark paid" }).click();
    await page.getByText("customer@example.com's 2025-01 marked paid.").waitFor();
    await row.getByText("paid", { exact: true }).waitFor();
    await row.getByText("3.00 (bank transfer 4711)").waitFor();

    await page.getByRole("link", { name: "Audit log" }).click();
    await heading(page, "Audit log").waitFor();
    await page.getByRole("textbox", { name: "Action" }).fill("billing_period.mark_paid");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("action"))
      .toBe("billing_period.mark_paid");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    const entry = page.getByRole("row").filter({ hasText: "billing_period.mark_paid" });
    await entry.getByText("staff@example.com").waitFor();
    await entry.getByText(/"reference":"bank transfer 4711"/).waitFor();
    expect(problems.list).toEqual([]);
  });

  const PAGES = [
    { path: "/admin/", title: "Dashboard", ready: "Requests per day by service" },
    { path: "/admin/request-logs", title: "Request logs", ready: "text_sentiment_analysis" },
    { path: "/admin/users", title: "Users", ready: "customer@example.com" },
    { path: "/admin/tokens", title: "API tokens", ready: "CI token" },
    { path: "/admin/invites", title: "Invites", ready: "Create invites" },
    { path: "/admin/preflight", title: "Preflight", ready: "database" },
    { path: "/admin/billing-periods", title: "Billing periods", ready: "2025-01" },
    { path: "/admin/audit-log", title: "Audit log", ready: "invite.withdraw" },
    { path: "/admin/no-such-page", title: "Page not found", ready: "Go to the dashboard" },
  ] as const;

  const EMPTY = [
    {
      path: "/admin/request-logs?error_code=nothing_like_this",
      text: "No request logs match these filters.",
    },
    { path: "/admin/invites?status=used", text: "No used invites." },
    { path: "/admin/tokens?search=zzzz-nobody", text: "No tokens match." },
    { path: "/admin/users?email=zzzz-nobody", text: "No users match." },
    { path: "/admin/billing-periods?status=waived", text: "No billing periods match." },
    { path: "/admin/audit-log?action=nothing.here", text: "No audit entries match." },
  ] as const;

  it.each(PAGES)(
    "$title: loads without errors, passes axe, and fits a 375 px phone",
    async ({ path, title, ready }) => {
      const name = title.toLowerCase().replaceAll(" ", "-");
      // The dashboard's scan at phone width covers the admin navigation's phone layout.
      const phoneAxe = path === "/admin/";
      await checkPage(viewers, { path, title, ready, name, phoneAxe }, shot);
    },
  );

  it.each(EMPTY)("shows an empty state at $path", async ({ path, text }) => {
    const { page, problems } = reuse(viewers.desktop);
    await visit(page, path);
    await page.getByText(text).waitFor();
    expect(problems.list).toEqual([]);
  });

  it("the login page passes axe and fits a phone", async () => {
    const { page, problems } = await open(PHONE);
    await page.goto("/admin/login");
    await heading(page, "Tollgate admin").waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await shot(page, "login");
    expect(problems.list).toEqual([]);
  });

  it("logs out and goes back to the login form", async () => {
    const { page, problems } = await openAsStaff();
    await page.goto("/admin/");
    await heading(page, "Dashboard").waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await heading(page, "Tollgate admin").waitFor();
    await page.goto("/admin/users");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/admin/login");
    expect(problems.list).toEqual([]);
  });
});
