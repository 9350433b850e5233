import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/schema.js";
import { createVerifiedUser } from "../factories/customers.js";
import { createBillingPeriod } from "../factories/usage.js";
import type { TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  checkPage,
  checkPagesBy,
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  openPage,
  screenshotter,
  signInBrowser,
  startWebServer,
  type OpenedPage,
} from "../support/browser.js";
import { multipartBody } from "../support/multipart.js";
import { signIn } from "../support/sessions.js";
import { createProductWithPrice, pressPay, tempDataDir } from "../support/shop.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

describe.skipIf(skipReason !== undefined)("the portal's purchases in Chromium", () => {
  const data = tempDataDir();
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** A customer with a pack to buy, a period to pay, a download and a booking. */
  let busy: User;
  let busyHeaders: Record<string, string>;
  /** A customer with nothing yet (the empty states). */
  let fresh: User;
  const opened: OpenedPage[] = [];

  /** `user` orders `priceId` and it is paid on the local checkout page; returns the order's id. */
  async function buy(headers: Record<string, string>, priceId: string): Promise<string> {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/account/orders/create",
      headers,
      payload: { price_id: priceId },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ order: { id: string }; checkout_url: string }>();
    expect((await pressPay(t, new URL(body.checkout_url).pathname)).statusCode).toBe(303);
    return body.order.id;
  }

  beforeAll(async () => {
    // The checkout's URLs name PUBLIC_BASE_URL: the browser must be able to open them.
    ({ t, baseUrl } = await startWebServer(
      { env: { DATA_DIR: data.dir, DOWNLOAD_MAX_COUNT: "2" } },
      { selfUrl: true },
    ));
    ({ browser, close: closeBrowser } = await launchChromium());
    await t.services.payments.catalog.createDefaults();
    const staff = (
      await signIn(t, (await createVerifiedUser(t.services.db, { isStaff: true })).user.id)
    ).headers;
    busy = (await createVerifiedUser(t.services.db, { email: "buyer@example.com" })).user;
    fresh = (await createVerifiedUser(t.services.db, { email: "new@example.com" })).user;
    busyHeaders = (await signIn(t, busy.id)).headers;

    // A digital product of two files: one left to download, one used up.
    const guide = await createProductWithPrice(t, staff, {
      kind: "digital",
      name: "Field guide",
      amountCents: 900,
    });
    for (const [filename, text] of [
      ["guide.pdf", "%PDF-1.7 the guide"],
      ["extras.zip", "PK extras"],
    ] as const) {
      const body = multipartBody([
        {
          name: "file",
          filename,
          contentType: "application/octet-stream",
          data: Buffer.from(text),
        },
      ]);
      const uploaded = await t.app.inject({
        method: "POST",
        url: `/api/admin/catalog/products/${guide.productId}/assets`,
        headers: { ...staff, ...body.headers },
        payload: body.payload,
      });
      expect(uploaded.statusCode).toBe(201);
    }
    await buy(busyHeaders, guide.priceId);
    const grants = await t.app.inject({
      method: "GET",
      url: "/api/account/downloads",
      headers: busyHeaders,
    });
    const extras = grants
      .json<{ results: { id: string; filename: string }[] }>()
      .results.find((grant) => grant.filename === "extras.zip");
    for (let i = 0; i < 2; i++) {
      const file = await t.app.inject({
        method: "GET",
        url: `/api/account/downloads/${extras?.id ?? ""}/file`,
        headers: busyHeaders,
      });
      expect(file.statusCode).toBe(200);
    }

    // A service, booked and confirmed by staff for a time.
    const consult = await createProductWithPrice(t, staff, {
      kind: "service",
      name: "Onboarding call",
      amountCents: 5000,
    });
    await buy(busyHeaders, consult.priceId);
    const bookings = await t.app.inject({
      method: "GET",
      url: "/api/account/bookings",
      headers: busyHeaders,
    });
    const booking = bookings.json<{ results: { id: string }[] }>().results[0];
    const confirmed = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/bookings/${booking?.id ?? ""}`,
      headers: staff,
      payload: { status: "confirmed", scheduled_for: "2026-05-04T09:30:00Z" },
    });
    expect(confirmed.statusCode).toBe(200);

    // An ended month, unpaid.
    await createBillingPeriod(t.services.db, {
      userId: busy.id,
      month: "2025-02",
      totalRequests: 5,
      totalCostCents: 500,
    });
  });

  afterAll(async () => {
    for (const { context } of opened) await context.close();
    await closeBrowser();
    await t.close();
    data.remove();
  });

  async function openAs(user: User, viewport?: { width: number; height: number }) {
    const page = await openPage(browser, baseUrl, viewport);
    opened.push(page);
    await signInBrowser(t, page.context, baseUrl, user.id);
    return page;
  }

  const shot = screenshotter("portal-commerce");

  function heading(page: Page, name: string | RegExp) {
    return page.getByRole("heading", { level: 1, name });
  }

  it("buys a credit pack through the local checkout, comes back to the page that waited for the payment and shows the new balance", async () => {
    const { page, problems } = await openAs(busy);
    await page.goto("/app/credits");
    await expect.poll(() => page.getByTestId("figure-Available").textContent()).toBe("0");
    await expect(page.getByTestId("pack-price-credits-500").textContent()).resolves.toBe("$40.00");
    await shot(page, "portal-credits-buy");
    await page.getByRole("button", { name: "Buy 500 credits" }).click();

    // The local provider's page, then back to the portal's page that waited for it.
    await page.waitForURL(/\/checkout\/local\/lcs_/);
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.waitForURL(/\/app\/payments\/[0-9a-f-]{36}$/);
    await page.getByText("Payment received").waitFor();
    await expect.poll(() => page.getByTestId("figure-Available").textContent()).toBe("500");
    await expectAccessible(page);
    await shot(page, "portal-payment-received");

    await page.getByRole("link", { name: "Purchases and receipts" }).click();
    await heading(page, "Purchases").waitFor();
    expect(problems.list).toEqual([]);
  });

  it("lists the receipt on /account/purchases and opens its printable page", async () => {
    const { page, problems } = await openAs(busy);
    await page.goto("/account/purchases");
    const receiptLink = page.getByRole("region", { name: "Receipts" }).getByRole("link").first();
    const number = (await receiptLink.textContent()) ?? "";
    expect(number).toMatch(/^R-\d{4}-\d{6}$/);
    await receiptLink.click();
    await heading(page, `Receipt ${number}`).waitFor();
    await expect(page.getByTestId("receipt-total").textContent()).resolves.toBe("$40.00");
    await expectAccessible(page);
    await shot(page, "portal-receipt");
    // "Print" asks the browser to print; printed, the page is the receipt alone.
    await page.evaluate("window.print = () => { window.printed = true; }");
    await page.getByRole("button", { name: "Print" }).click();
    await expect(page.evaluate<boolean>("window.printed === true")).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("navigation", { name: "Account" }).isVisible()).resolves.toBe(
      false,
    );
    await expect(page.getByRole("button", { name: "Print" }).isVisible()).resolves.toBe(false);
    await expect(heading(page, `Receipt ${number}`).isVisible()).resolves.toBe(true);
    expect(problems.list).toEqual([]);
  });

  it("pays an ended period: the page waits for the payment, then the period shows paid", async () => {
    const { page, problems } = await openAs(busy);
    await page.goto("/app/billing");
    const row = page.getByRole("row").filter({ hasText: "2025-02" });
    await row.getByRole("button", { name: "Pay 5.00 for 2025-02" }).click();
    await page.waitForURL(/\/checkout\/local\/lcs_/);
    // Back without paying: the page waits, until the payment arrives (pressed over HTTP here).
    const checkout = new URL(page.url());
    const back = checkout.searchParams.get("return") ?? "";
    expect(back).toMatch(/^\/app\/payments\/[0-9a-f-]{36}$/);
    await page.goto(back);
    await page.getByText("Waiting for the payment…").waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await shot(page, "portal-payment-waiting");
    expect((await pressPay(t, checkout.pathname)).statusCode).toBe(303);
    await page.getByText("Payment received").waitFor();
    await page.getByRole("link", { name: "Back to billing" }).click();
    await row.getByText("paid", { exact: true }).waitFor();
    await expect(row.getByRole("button", { name: /^Pay/ }).count()).resolves.toBe(0);
    expect(problems.list).toEqual([]);
  });

  it("downloads a file, counting it, and shows a used-up one as such", async () => {
    const { page, problems } = await openAs(busy);
    await page.goto("/account/downloads");
    const guide = page.getByRole("row").filter({ hasText: "guide.pdf" });
    await expect(guide.getByTestId("downloads-left").textContent()).resolves.toBe("2 of 2");
    const used = page.getByRole("row").filter({ hasText: "extras.zip" });
    await used.getByText("Used up").waitFor();
    await expect(used.getByRole("link").count()).resolves.toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      guide.getByRole("link", { name: "Download guide.pdf" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("guide.pdf");
    await expect.poll(() => guide.getByTestId("downloads-left").textContent()).toBe("1 of 2");
    await shot(page, "portal-downloads");
    expect(problems.list).toEqual([]);
  });

  const PAGES = [
    {
      path: "/account/purchases",
      title: "Purchases",
      busy: "Field guide",
      empty: "No purchases yet.",
    },
    {
      path: "/account/downloads",
      title: "Downloads",
      busy: "guide.pdf",
      empty: "No downloads yet: files you buy appear here.",
    },
    // Confirmed by staff, with its time.
    {
      path: "/account/bookings",
      title: "Bookings",
      busy: "4 May 2026, 09:30 UTC",
      empty: "No bookings yet: services you buy appear here.",
    },
  ] as const;

  // Serving these read-only checks only; the fresh customer's at desktop width.
  const checkPages = checkPagesBy(openAs);

  it.each(PAGES)("$path: populated, without errors, passing axe, at 375 px", async (entry) => {
    const name = `portal-${entry.title.toLowerCase()}`;
    const { path, title, busy: ready } = entry;
    await checkPage(await checkPages(busy), { path, title, ready, exact: false, name }, shot);
  });

  it.each(PAGES)("$path: empty, without errors, passing axe", async (entry) => {
    const name = `portal-${entry.title.toLowerCase()}-empty`;
    const { path, title, empty: ready } = entry;
    await checkPage(
      await checkPages(fresh, { phone: false }),
      { path, title, ready, exact: false, name },
      shot,
    );
  });
});
