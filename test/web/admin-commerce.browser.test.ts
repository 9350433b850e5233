import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../factories/customers.js";
import type { TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  checkPage,
  launchChromium,
  openPage,
  PHONE,
  screenshotter,
  signInBrowser,
  startWebServer,
  type CheckPages,
  type OpenedPage,
} from "../support/browser.js";
import { signIn } from "../support/sessions.js";
import {
  buyWithLocalProvider,
  createProductWithPrice,
  pressPay,
  tempDataDir,
} from "../support/shop.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

describe.skipIf(skipReason !== undefined)("the commerce admin in Chromium", () => {
  const data = tempDataDir();
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let staffId: string;
  let staffHeaders: Record<string, string>;
  const opened: OpenedPage[] = [];
  // The signed-in page the tests that act share.
  let desktop: OpenedPage;
  /** Serve the read-only page checks only: no toast of another test's action is scanned. */
  let viewers: CheckPages;
  /**
   * The empty states' own: a later visit to the same page within the app's 10 s staleTime would
   * show its cached (empty) list without asking again.
   */
  let emptyViewers: CheckPages;

  beforeAll(async () => {
    // Manual confirmation on, so the order page offers it (a check --deploy refuses this).
    ({ t, baseUrl } = await startWebServer({
      env: { DATA_DIR: data.dir, ORDER_CONFIRM_ALLOW_MANUAL: "true" },
    }));
    ({ browser, close: closeBrowser } = await launchChromium());
    const staff = await createVerifiedUser(t.services.db, {
      isStaff: true,
      email: "shopkeeper@example.com",
    });
    staffId = staff.user.id;
    staffHeaders = (await signIn(t, staffId)).headers;
    desktop = await openAsStaff();
    viewers = { desktop: await openAsStaff(), phone: await openAsStaff(PHONE) };
    emptyViewers = { desktop: await openAsStaff(), phone: await openAsStaff(PHONE) };
  });

  afterAll(async () => {
    for (const { context } of opened) await context.close();
    await closeBrowser();
    await t.close();
    data.remove();
  });

  async function openAsStaff(viewport?: { width: number; height: number }) {
    const page = await openPage(browser, baseUrl, viewport);
    opened.push(page);
    await signInBrowser(t, page.context, baseUrl, staffId);
    return page;
  }

  const shot = screenshotter("admin-commerce");

  /** The shared staff page, its problem list emptied for the test that uses it next. */
  function reuse(shared: OpenedPage): OpenedPage {
    shared.problems.list.length = 0;
    return shared;
  }

  function heading(page: Page, name: string) {
    return page.getByRole("heading", { level: 1, name });
  }

  describe("before anything is sold", () => {
    it.each([
      { path: "/admin/catalog", title: "Catalog", text: "The catalog is empty: create a product." },
      { path: "/admin/orders", title: "Orders", text: "No orders match." },
      { path: "/admin/bookings", title: "Bookings", text: "No bookings match." },
      { path: "/admin/subscriptions", title: "Subscriptions", text: "No subscriptions match." },
    ])("$title shows its empty state", async ({ path, title, text }) => {
      await checkPage(
        emptyViewers,
        { path, title, ready: text, name: `${title.toLowerCase()}-empty` },
        shot,
      );
    });
  });

  describe("with products, paid orders and a booking", () => {
    let pack: { productId: string; priceId: string };
    let ebook: { productId: string; priceId: string };
    let session: { productId: string; priceId: string };
    type Buyer = Awaited<ReturnType<typeof buyWithLocalProvider>>;
    let packBuyer: Buyer;
    let ebookBuyer: Buyer;
    let sessionBuyer: Buyer;

    /** Ordered by the pack's buyer and never paid: a pending order. */
    async function unpaidOrder(): Promise<{ orderId: string; checkoutPath: string }> {
      const created = await t.app.inject({
        method: "POST",
        url: "/api/account/orders/create",
        headers: packBuyer.headers,
        payload: { price_id: pack.priceId },
      });
      expect(created.statusCode).toBe(201);
      const { order, checkout_url } = created.json<{
        order: { id: string };
        checkout_url: string;
      }>();
      return { orderId: order.id, checkoutPath: new URL(checkout_url).pathname };
    }

    beforeAll(async () => {
      const product = await t.app.inject({
        method: "POST",
        url: "/api/admin/catalog/products",
        headers: staffHeaders,
        payload: {
          name: "Starter pack",
          slug: "starter-pack",
          kind: "credits",
          credit_amount: 100,
        },
      });
      expect(product.statusCode).toBe(201);
      const packId = product.json<{ id: string }>().id;
      const price = await t.app.inject({
        method: "POST",
        url: `/api/admin/catalog/products/${packId}/prices`,
        headers: staffHeaders,
        payload: { unit_amount_cents: 1000, currency: "usd", is_default: true },
      });
      expect(price.statusCode).toBe(201);
      pack = { productId: packId, priceId: price.json<{ id: string }>().id };
      ebook = await createProductWithPrice(t, staffHeaders, {
        kind: "digital",
        name: "Field guide",
        amountCents: 1500,
      });
      session = await createProductWithPrice(t, staffHeaders, {
        kind: "service",
        name: "Setup call",
        amountCents: 9900,
      });
      packBuyer = await buyWithLocalProvider(t, pack.priceId);
      ebookBuyer = await buyWithLocalProvider(t, ebook.priceId);
      sessionBuyer = await buyWithLocalProvider(t, session.priceId);
    });

    it("every page loads with its data, passes axe and fits a phone", async () => {
      const pages = [
        { path: "/admin/catalog", title: "Catalog", ready: "Starter pack", name: "catalog" },
        {
          path: `/admin/catalog/${ebook.productId}`,
          title: "Product",
          ready: "No files yet.",
          name: "product",
        },
        { path: "/admin/orders", title: "Orders", ready: packBuyer.email, name: "orders" },
        {
          path: `/admin/orders/${packBuyer.orderId}`,
          title: "Order",
          ready: "Payment events",
          name: "order",
        },
        { path: "/admin/bookings", title: "Bookings", ready: "requested", name: "bookings" },
      ];
      for (const check of pages) await checkPage(viewers, check, shot);
    });

    it("finds an order by the buyer's email through the URL, and opens its investigation", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto(`/admin/orders?q=${encodeURIComponent(ebookBuyer.email)}`);
      await expect
        .poll(() => page.getByRole("textbox", { name: "Search" }).inputValue())
        .toBe(ebookBuyer.email);
      await expect.poll(() => page.getByRole("row").count()).toBe(2);
      await page.getByRole("row").filter({ hasText: "Field guide" }).waitFor();
      await page.getByRole("link", { name: /^Investigate the order of/ }).click();
      await heading(page, "Order").waitFor();
      expect(new URL(page.url()).pathname).toBe(`/admin/orders/${ebookBuyer.orderId}`);
      const facts = page.getByRole("region", { name: "Order" });
      await facts.getByText("fulfilled", { exact: true }).waitFor();
      await page
        .getByRole("region", { name: "Receipt" })
        .getByText(/^R-\d{4}-\d{6}$/)
        .waitFor();
      await page.getByRole("region", { name: "Downloads" }).waitFor();
      expect(problems.list).toEqual([]);
    });

    it("refunds part of an order, shows the refund, and the audit log has it", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto(`/admin/orders/${packBuyer.orderId}`);
      await heading(page, "Order").waitFor();
      await page.getByRole("region", { name: "Credits" }).getByText("Unspent").waitFor();
      await page.getByRole("button", { name: "Refund" }).click();
      const dialog = page.getByRole("dialog", { name: "Refund this order" });
      await dialog.getByRole("radio", { name: "Part of it" }).check();
      await dialog.getByRole("textbox", { name: "Amount to refund" }).fill("12");
      await dialog.getByRole("textbox", { name: "Reason" }).fill("goodwill, half the pack");
      await dialog.getByRole("button", { name: "Review refund" }).click();
      await dialog.getByText("At most 10.00.").waitFor();
      await dialog.getByRole("textbox", { name: "Amount to refund" }).fill("4");
      await dialog.getByRole("button", { name: "Review refund" }).click();
      await dialog.getByText("4.00 USD").waitFor();
      await dialog.getByRole("button", { name: "Refund", exact: true }).click();
      await page.getByText(`Refunded 4.00 USD to ${packBuyer.email}.`).waitFor();
      await dialog.waitFor({ state: "hidden" });

      const refunds = page.getByRole("region", { name: "Refunds" });
      const refund = refunds.getByRole("row").filter({ hasText: "goodwill, half the pack" });
      await refund.getByText("4.00 USD").waitFor();
      await refund.getByText("succeeded").waitFor();
      // 40 % of the 100 credits came back.
      await refund.getByRole("cell", { name: "40", exact: true }).waitFor();
      const facts = page.getByRole("region", { name: "Order" });
      await facts.getByText("partially_refunded").waitFor();
      await facts
        .getByRole("row", { name: /Refundable/ })
        .getByText("6.00 USD")
        .waitFor();
      await shot(page, "order-refunded");

      await page.getByRole("link", { name: "Audit entries of this order" }).click();
      await heading(page, "Audit log").waitFor();
      expect(new URL(page.url()).searchParams.get("target_id")).toBe(packBuyer.orderId);
      const requested = page.getByRole("row").filter({ hasText: "orders.refund" }).filter({
        hasText: "shopkeeper@example.com",
      });
      await requested.getByText(/"reason":"goodwill, half the pack"/).waitFor();
      await page.getByRole("row").filter({ hasText: "orders.refund_applied" }).waitFor();
      expect(problems.list).toEqual([]);
    });

    it("refunds all of an order by default, and offers no refund after it", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto(`/admin/orders/${ebookBuyer.orderId}`);
      await page.getByRole("button", { name: "Refund" }).click();
      const dialog = page.getByRole("dialog", { name: "Refund this order" });
      const reason = dialog.getByRole("textbox", { name: "Reason" });
      await reason.fill("bought twice");
      await expect.poll(() => reason.inputValue()).toBe("bought twice");
      await dialog.getByRole("button", { name: "Review refund" }).click();
      // The confirmation step (the edit step's "All that is left: 15.00 USD" would match too).
      await dialog.getByText(/^Refund 15\.00 USD to /).waitFor();
      await dialog.getByRole("button", { name: "Refund", exact: true }).click();
      await page.getByText(`Refunded 15.00 USD to ${ebookBuyer.email}.`).waitFor();
      const facts = page.getByRole("region", { name: "Order" });
      await facts.getByText("refunded", { exact: true }).waitFor();
      expect(await page.getByRole("button", { name: "Refund" }).count()).toBe(0);
      expect(problems.list).toEqual([]);
    });

    it("confirms a pending order by hand, after a confirmation", async () => {
      const { page, problems } = reuse(desktop);
      const { orderId } = await unpaidOrder();
      await page.goto(`/admin/orders/${orderId}`);
      const facts = page.getByRole("region", { name: "Order" });
      await facts.getByText("pending", { exact: true }).waitFor();
      expect(await page.getByRole("button", { name: "Refund" }).count()).toBe(0);
      await page.getByRole("button", { name: "Confirm manually" }).click();
      await page
        .getByRole("dialog", { name: "Confirm this order without a payment?" })
        .getByRole("button", { name: "Confirm order" })
        .click();
      await page.getByText(`Order of ${packBuyer.email} confirmed and fulfilled.`).waitFor();
      await facts.getByText("fulfilled", { exact: true }).waitFor();
      await page
        .getByRole("region", { name: "Payment events" })
        .getByText("manual.confirm")
        .waitFor();
      expect(await page.getByRole("button", { name: "Confirm manually" }).count()).toBe(0);
      expect(problems.list).toEqual([]);
    });

    it("shows the API's refusal of a manual confirmation on the page", async () => {
      const { page, problems } = reuse(desktop);
      const { orderId, checkoutPath } = await unpaidOrder();
      await page.goto(`/admin/orders/${orderId}`);
      await page.getByRole("button", { name: "Confirm manually" }).waitFor();
      // The buyer pays while the page is open: the order is no longer pending.
      expect((await pressPay(t, checkoutPath)).statusCode).toBe(303);
      await page.getByRole("button", { name: "Confirm manually" }).click();
      await page
        .getByRole("dialog", { name: "Confirm this order without a payment?" })
        .getByRole("button", { name: "Cancel" })
        .waitFor();
      await page.getByRole("button", { name: "Confirm order" }).click();
      // In the page, not only in the toast.
      const alert = page.getByRole("main").getByRole("alert").filter({ hasText: "Not confirmed" });
      await alert.getByText("A fulfilled order cannot be confirmed.").waitFor();
      // The refusal (409) is the expected answer; nothing else may have failed.
      expect(problems.list.filter((problem) => !problem.includes("409"))).toEqual([]);
      expect(problems.list.some((problem) => problem.includes(`/${orderId}/confirm`))).toBe(true);
    });

    it("creates a product with a price on the catalog page", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto("/admin/catalog");
      await page.getByRole("button", { name: "New product" }).click();
      const dialog = page.getByRole("dialog", { name: "New product" });
      await dialog.getByRole("textbox", { name: "Name" }).fill("Big pack 2");
      await expect(dialog.getByRole("textbox", { name: "Slug" }).inputValue()).resolves.toBe(
        "big-pack-2",
      );
      await dialog.getByRole("button", { name: "Create product" }).click();
      await dialog.getByText("A credit pack needs credits.").waitFor();
      await dialog.getByRole("textbox", { name: "Credits" }).fill("2500");
      await dialog.getByRole("button", { name: "Create product" }).click();
      await page.getByText("Big pack 2 created; add its price next.").waitFor();
      await heading(page, "Product").waitFor();

      const prices = page.getByRole("region", { name: "Prices" });
      await prices.getByText("No prices yet: nobody can buy this product.").waitFor();
      await prices.getByRole("textbox", { name: "Amount" }).fill("150");
      await prices.getByRole("button", { name: "Add price" }).click();
      await page.getByText("Price 150.00 USD added.").waitFor();
      const row = prices.getByRole("row").filter({ hasText: "150.00 USD" });
      await row.getByText("default").waitFor();
      await row.getByText("active").waitFor();

      await page.getByRole("link", { name: "All products" }).click();
      await heading(page, "Catalog").waitFor();
      await page
        .getByRole("row")
        .filter({ hasText: "Big pack 2" })
        .getByText("150.00 USD")
        .waitFor();
      expect(problems.list).toEqual([]);
    });

    it("filters the catalog by kind and activity through the URL", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto("/admin/catalog?kind=digital");
      await page.getByRole("link", { name: "Field guide" }).waitFor();
      await expect.poll(() => page.getByRole("row").count()).toBe(2);
      await page.goto("/admin/catalog?kind=subscription");
      await page.getByText("No products match.").waitFor();
      await page.goto("/admin/catalog?kind=credits&is_active=true");
      await page.getByRole("link", { name: "Starter pack" }).waitFor();
      await page.goto("/admin/catalog?is_active=false");
      await page.getByText("No products match.").waitFor();
      expect(problems.list).toEqual([]);
    });

    it("uploads a file to a digital product and lists it", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto(`/admin/catalog/${ebook.productId}`);
      const files = page.getByRole("region", { name: "Files" });
      await files.getByText("No files yet.").waitFor();
      await files.locator('input[type="file"]').setInputFiles({
        name: "field-guide.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4 a small guide"),
      });
      await files.getByRole("button", { name: "Upload" }).click();
      await page.getByText("field-guide.pdf uploaded.").waitFor();
      const row = files.getByRole("row").filter({ hasText: "field-guide.pdf" });
      await row.getByText("application/pdf").waitFor();
      await row.getByText("22 B").waitFor();
      expect(problems.list).toEqual([]);
    });

    it("saves only what changed in a product's details", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto(`/admin/catalog/${session.productId}`);
      const details = page.getByRole("region", { name: "Details" });
      await details.getByRole("textbox", { name: "Description" }).fill("One hour, by video.");
      await details.getByRole("button", { name: "Save product" }).click();
      await page.getByText("Setup call saved.").waitFor();
      await page.reload();
      await expect
        .poll(() => details.getByRole("textbox", { name: "Description" }).inputValue())
        .toBe("One hour, by video.");
      const audit = await t.app.inject({
        method: "GET",
        url: `/api/admin/audit-log?target_id=${session.productId}`,
        headers: staffHeaders,
      });
      const updates = audit
        .json<{ results: { action: string; details: Record<string, unknown> }[] }>()
        .results.filter((entry) => entry.action === "catalog.product_updated");
      expect(updates.map((entry) => entry.details)).toEqual([{ fields: ["description"] }]);
      expect(problems.list).toEqual([]);
    });

    it("deactivates a price only after a confirmation", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto(`/admin/catalog/${session.productId}`);
      const prices = page.getByRole("region", { name: "Prices" });
      const row = prices.getByRole("row").filter({ hasText: "99.00 USD" });
      await row.getByRole("button", { name: "Deactivate the price 99.00 USD" }).click();
      const dialog = page.getByRole("dialog", { name: "Deactivate this price?" });
      await dialog.getByRole("button", { name: "Deactivate" }).click();
      await page.getByText("99.00 USD deactivated.").waitFor();
      await row.getByText("inactive").waitFor();
      await row.getByRole("button", { name: "Activate the price 99.00 USD" }).click();
      await page.getByText("99.00 USD is on sale again.").waitFor();
      expect(problems.list).toEqual([]);
    });

    it("shows why the catalog cannot be synced without Stripe", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto("/admin/catalog");
      await page.getByRole("button", { name: "Sync from Stripe" }).click();
      await page
        .getByRole("dialog", { name: "Sync the catalog from Stripe?" })
        .getByRole("button", { name: "Sync" })
        .click();
      const alert = page.getByRole("main").getByRole("alert");
      await alert.filter({ hasText: "Not synced from Stripe" }).waitFor();
      await alert.getByText("There is no catalog to sync from: set STRIPE_SECRET_KEY.").waitFor();
      expect(problems.list.filter((problem) => !problem.includes("409"))).toEqual([]);
    });

    it("confirms a booking and links it to its order", async () => {
      const { page, problems } = reuse(desktop);
      await page.goto("/admin/bookings?status=requested");
      const row = page.getByRole("row").filter({ hasText: sessionBuyer.email });
      await row
        .getByRole("button", { name: `Confirm the booking of ${sessionBuyer.email}` })
        .click();
      await page.getByText(`Booking of ${sessionBuyer.email} confirmed.`).waitFor();
      await page.getByText("No bookings match.").waitFor();
      await page.goto("/admin/bookings?status=confirmed");
      await row.getByText("confirmed").waitFor();
      await row.getByRole("button", { name: `Edit the booking of ${sessionBuyer.email}` }).click();
      const dialog = page.getByRole("dialog", { name: "Time and note" });
      await dialog.getByLabel("Scheduled for (UTC)").fill("2026-12-10T15:30");
      await dialog.getByRole("textbox", { name: "Staff note" }).fill("Prefers mornings");
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.getByText(`Booking of ${sessionBuyer.email} saved.`).waitFor();
      await row.getByText("10 Dec 2026, 15:30 UTC").waitFor();
      await row.getByText("Prefers mornings").waitFor();
      await row.getByRole("link", { name: /Setup call: the order of/ }).click();
      await heading(page, "Order").waitFor();
      expect(new URL(page.url()).pathname).toBe(`/admin/orders/${sessionBuyer.orderId}`);
      expect(problems.list).toEqual([]);
    });
  });

  describe("with a subscription", () => {
    let subscriptionId: string;
    const subscriber = "subscriber@example.com";

    beforeAll(async () => {
      await t.services.payments.catalog.createDefaults();
      const { user } = await createVerifiedUser(t.services.db, { email: subscriber });
      const pro = await t.app.inject({ method: "GET", url: "/api/catalog/products/pro" });
      const priceId = pro.json<{ prices: { id: string }[] }>().prices[0]?.id;
      const checkout = await t.app.inject({
        method: "POST",
        url: "/api/account/subscriptions/checkout",
        headers: (await signIn(t, user.id)).headers,
        payload: { price_id: priceId },
      });
      expect(checkout.statusCode).toBe(201);
      const body = checkout.json<{ subscription: { id: string }; checkout_url: string }>();
      subscriptionId = body.subscription.id;
      expect((await pressPay(t, new URL(body.checkout_url).pathname)).statusCode).toBe(303);
    });

    it("lists it, filters by status through the URL, and shows its invoices and credits", async () => {
      const list = { path: "/admin/subscriptions", title: "Subscriptions", ready: subscriber };
      await checkPage(viewers, { ...list, name: "subscriptions" }, shot);
      const { page, problems } = reuse(desktop);
      await page.goto("/admin/subscriptions?status=canceled");
      await page.getByText("No subscriptions match.").waitFor();
      await page.goto("/admin/subscriptions?status=active&plan=pro");
      await page.getByRole("link", { name: `Open the Pro subscription of ${subscriber}` }).click();
      await heading(page, "Subscription").waitFor();
      expect(new URL(page.url()).pathname).toBe(`/admin/subscriptions/${subscriptionId}`);
      const invoices = page.getByRole("region", { name: "Invoices" });
      await invoices.getByText("paid", { exact: true }).waitFor();
      await invoices.getByText("29.00 USD").waitFor();
      const grants = page.getByRole("region", { name: "Credit grants" });
      await expect.poll(() => grants.getByText("5,000").count()).toBe(2);
      expect(problems.list).toEqual([]);
      const detail = { path: `/admin/subscriptions/${subscriptionId}`, title: "Subscription" };
      await checkPage(viewers, { ...detail, ready: subscriber, name: "subscription" }, shot);
    });
  });
});
