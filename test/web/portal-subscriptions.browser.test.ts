import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { subscriptions } from "../../src/subscriptions/subscriptions.table.js";
import { createVerifiedUser } from "../factories/customers.js";
import type { TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
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

const EMAIL = "plans@example.com";
const HOUR_MS = 60 * 60 * 1000;
const SOFT_MESSAGE = "We are double-checking your plan with the payment provider.";
const HARD_MESSAGE = "Your plan could not be confirmed: paid features are paused.";

/** A row of the current plan's limits table: the limit, used this period, allowed. */
function limitRow(page: Page, label: string) {
  return page.getByTestId("plan-limits").getByRole("row").filter({ hasText: label });
}

describe.skipIf(skipReason !== undefined)("the portal's subscriptions page in Chromium", () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let userId: string;
  let password: string;
  /** One signed-in customer's desktop and phone pages, shared by the tests (in order). */
  let desk: OpenedPage;
  let phone: OpenedPage;

  beforeAll(async () => {
    // PUBLIC_BASE_URL is the server's own address: the browser follows the checkout URL it makes.
    ({ t, baseUrl } = await startWebServer(
      {
        env: {
          BILLING_SYNC_SOFT_WARNING_MESSAGE: SOFT_MESSAGE,
          BILLING_SYNC_HARD_BLOCK_MESSAGE: HARD_MESSAGE,
        },
      },
      { selfUrl: true },
    ));
    ({ browser, close: closeBrowser } = await launchChromium());
    await t.services.payments.catalog.createDefaults();
    const customer = await createVerifiedUser(t.services.db, { email: EMAIL });
    userId = customer.user.id;
    password = customer.password;
    // The desktop page signs in through the form (the first test); the phone has a session.
    desk = await openPage(browser, baseUrl);
    phone = await openPage(browser, baseUrl, PHONE);
    await signInBrowser(t, phone.context, baseUrl, userId);
  });

  beforeEach(() => {
    desk.problems.list.length = 0;
    phone.problems.list.length = 0;
  });

  afterAll(async () => {
    await desk.context.close();
    await phone.context.close();
    await closeBrowser();
    await t.close();
  });

  const shot = screenshotter("portal-subscriptions");

  /** axe on the desktop page, and the phone at the same page (ready when `ready` shows) fits. */
  async function checkPage(ready: string) {
    await expectAccessible(desk.page);
    await phone.page.goto("/account/subscriptions");
    await phone.page.getByText(ready).first().waitFor();
    await expectNoHorizontalScroll(phone.page);
  }

  /** The account's subscription made stale: its period ended `hoursAgo`, and no sync since. */
  async function staleBy(hoursAgo: number): Promise<void> {
    const at = new Date(Date.now() - hoursAgo * HOUR_MS);
    await t.services.db
      .update(subscriptions)
      .set({ currentPeriodEnd: at, syncedAt: at })
      .where(eq(subscriptions.userId, userId));
  }

  it("sends a signed-out Subscribe through the login to Free with the plan picked, its limits and the paid plans", async () => {
    const { page, problems } = desk;
    await page.goto("/pricing");
    await page.getByRole("link", { name: "Subscribe: Pro" }).click();
    await page.waitForURL(/\/login\?next=%2Faccount%2Fsubscriptions%3Fplan%3Dpro$/);
    await page.getByRole("textbox", { name: "Email" }).fill(EMAIL);
    await page.getByRole("textbox", { name: "Password" }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/account\/subscriptions\?plan=pro$/);
    await page.getByRole("heading", { name: "You are on Free" }).waitFor();
    await page.getByText("You picked Pro: press Subscribe to go on to the payment.").waitFor();
    // Used this period (entitlements), then allowed (the plan).
    await expect
      .poll(() => limitRow(page, "Tokens per month").textContent())
      .toBe("Tokens per month0100");
    await page.getByRole("button", { name: "Subscribe: Pro" }).waitFor();
    await page.getByRole("button", { name: "Subscribe: Team" }).waitFor();
    await page.getByText("No subscriptions yet.").waitFor();
    await shot(page, "portal-subscriptions-free");
    await checkPage("You are on Free");
    expect(problems.list).toEqual([]);
    expect(phone.problems.list).toEqual([]);
  });

  it("subscribes to Pro from the pricing page through the local checkout, back to an active plan with its credits", async () => {
    const { page, context, problems } = desk;
    await page.goto("/pricing");
    await page.getByRole("button", { name: "Subscribe: Pro" }).click();
    await page.waitForURL(/\/checkout\/local-subscription\/lcs_/);

    // Back from the checkout before paying: the page waits, polling the status.
    const waiting = await context.newPage();
    await waiting.goto("/account/subscriptions?checkout=success");
    await waiting.getByText("Waiting for the payment…").waitFor();

    await page.getByRole("button", { name: "Subscribe for USD 29.00 / month" }).click();
    await page.waitForURL(/\/account\/subscriptions\?checkout=success$/);
    await page.getByText("You are subscribed to Pro").waitFor();
    await expect(page.getByTestId("granted-credits").textContent()).resolves.toBe(
      "Subscription credits in your balance: 5,000.",
    );
    await expect(page.getByTestId("current-price").textContent()).resolves.toBe("$29.00 / month");
    await page.getByText("5,000 credits each month").waitFor();
    await expect(page.getByTestId("current-state").textContent()).resolves.toBe("Active");
    await expect(page.getByTestId("period-end").textContent()).resolves.toMatch(
      /^Current period ends on .+; it renews then$/,
    );
    await expect
      .poll(() => limitRow(page, "Requests per minute").textContent())
      .toBe("Requests per minute–120");
    // The tab that waited saw the payment arrive.
    await waiting.getByText("You are subscribed to Pro").waitFor();
    await waiting.close();
    await shot(page, "portal-subscriptions-active");
    await checkPage("Pro limits");
    // Stripe's billing portal is offered for Stripe subscriptions only.
    expect(await page.getByRole("button", { name: "Manage billing" }).count()).toBe(0);
    expect(problems.list).toEqual([]);
    expect(phone.problems.list).toEqual([]);
  });

  it("cancels at the period end after a confirmation, then resumes", async () => {
    const { page, problems } = desk;
    await page.goto("/account/subscriptions");
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel your subscription?" });
    await dialog.getByText(/Your access and credits stay until .+ UTC/).waitFor();
    await dialog.getByRole("button", { name: "Cancel subscription" }).click();
    await expect
      .poll(() => page.getByTestId("period-end").textContent())
      .toMatch(/^Ends on .+ UTC$/);
    await page.getByRole("row").filter({ hasText: "Active (ends)" }).waitFor();
    await shot(page, "portal-subscriptions-ending");
    // The toast, closed so that axe sees the page rather than its fading animation.
    await page.getByText("Your subscription will end at the end of this period.").waitFor();
    await page.getByRole("button", { name: "Close notification" }).click();
    await page.getByText("Your subscription will end at the end of this period.").waitFor({
      state: "detached",
    });
    await expectAccessible(page);

    await page.getByRole("button", { name: "Resume subscription" }).click();
    await expect
      .poll(() => page.getByTestId("period-end").textContent())
      .toMatch(/^Current period ends on/);
    await page.getByRole("button", { name: "Cancel subscription" }).waitFor();
    expect(problems.list).toEqual([]);
  });

  it("warns when soft stale, blocks when hard stale, and syncs on Retry (a second retry is asked to wait)", async () => {
    const { page, problems } = desk;
    await staleBy(2);
    await page.goto("/account/subscriptions");
    await page.getByRole("status").filter({ hasText: SOFT_MESSAGE }).waitFor();
    expect(await page.getByRole("button", { name: "Retry sync" }).count()).toBe(0);
    await shot(page, "portal-subscriptions-soft-stale");
    await checkPage(SOFT_MESSAGE);

    await staleBy(4 * 24);
    await page.reload();
    const blocked = page.getByRole("alert").filter({ hasText: HARD_MESSAGE });
    await blocked.waitFor();
    await shot(page, "portal-subscriptions-hard-stale");
    await checkPage(HARD_MESSAGE);
    // The local provider confirms its projection: the block lifts.
    await blocked.getByRole("button", { name: "Retry sync" }).click();
    await blocked.waitFor({ state: "detached" });
    expect(problems.list).toEqual([]);

    // Stale again at once: a second retry within 10 s is refused, and the page says how long to wait.
    await staleBy(4 * 24);
    await page.reload();
    await page.getByRole("button", { name: "Retry sync" }).click();
    await page.getByText(/^Please wait \d+ seconds? before retrying\.$/).waitFor();
    await shot(page, "portal-subscriptions-retry-later");
    await expectAccessible(page);
    // The refusal (its 429, and Chromium's console line about it) and nothing else.
    expect(problems.list).toHaveLength(2);
    expect(problems.list).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HTTP 429: GET .*\/api\/account\/subscriptions\/status\?refresh=1$/),
        expect.stringMatching(/^console: Failed to load resource: .* 429/),
      ]),
    );
    expect(phone.problems.list).toEqual([]);
  });
});
