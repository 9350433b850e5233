import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/schema.js";
import { grantCredits } from "../factories/credits.js";
import { createApiToken, createVerifiedUser } from "../factories/customers.js";
import { createBillingPeriod } from "../factories/usage.js";
import type { TestApp } from "../support/app.js";
import {
  browserTestsSkipReason,
  checkPage,
  expectAccessible,
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
import { signIn } from "../support/sessions.js";
import { buyWithLocalProvider, createProductWithPrice } from "../support/shop.js";

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

/** The admin's account pages: a user's detail, credits, services, security log and settings. */
describe.skipIf(skipReason !== undefined)("the staff admin's account pages in Chromium", () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let customer: User;
  let idle: User;
  let buyer: { userId: string; email: string };
  const opened: OpenedPage[] = [];
  let desktop: OpenedPage;
  /** Serve the read-only page checks only: no toast of another test's action is scanned. */
  let viewers: CheckPages;

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebServer());
    ({ browser, close: closeBrowser } = await launchChromium());
    const staff = await createVerifiedUser(t.services.db, {
      isStaff: true,
      email: "staff@example.com",
    });
    customer = (await createVerifiedUser(t.services.db, { email: "ada@example.com" })).user;
    idle = (await createVerifiedUser(t.services.db, { email: "idle@example.com" })).user;
    await grantCredits(t.services, customer.id, 10, { kind: "trial" });
    await createApiToken(t, customer.id, "CI token");
    await createApiToken(t, customer.id, "Doomed token");
    await createBillingPeriod(t.services.db, {
      userId: customer.id,
      month: "2025-01",
      totalRequests: 3,
      totalCostCents: 300,
    });
    const { headers } = await signIn(t, staff.user.id);
    const { priceId } = await createProductWithPrice(t, headers, {
      kind: "digital",
      name: "Style guide PDF",
      amountCents: 1900,
    });
    buyer = await buyWithLocalProvider(t, priceId);

    desktop = await openPage(browser, baseUrl);
    const phone = await openPage(browser, baseUrl, PHONE);
    viewers = { desktop: await openPage(browser, baseUrl), phone };
    for (const page of [desktop, viewers.desktop, phone]) {
      opened.push(page);
      await signInBrowser(t, page.context, baseUrl, staff.user.id);
    }
  });

  afterAll(async () => {
    for (const { context } of opened) await context.close();
    await closeBrowser();
    await t.close();
  });

  function reuse(shared: OpenedPage): OpenedPage {
    shared.problems.list.length = 0;
    return shared;
  }

  function heading(page: Page, name: string) {
    return page.getByRole("heading", { level: 1, name });
  }

  const shot = screenshotter("admin-accounts");

  /** The one refused call a test provokes on purpose, as the page's problem list records it. */
  function refused(status: number, method: string, path: RegExp): unknown[] {
    return [
      expect.stringMatching(new RegExp(`^HTTP ${status}: ${method} https?://[^/]+${path.source}$`)),
      expect.stringMatching(
        new RegExp(`^console: Failed to load resource: .* status of ${status} `),
      ),
    ];
  }

  const userPath = (user: { id: string }, tab = "") =>
    `/admin/users/${user.id}${tab === "" ? "" : `?tab=${tab}`}`;

  const POPULATED = [
    { path: () => userPath(customer), title: "ada@example.com", ready: "Ledger", name: "user" },
    {
      path: () => userPath(customer, "tokens"),
      title: "ada@example.com",
      ready: "CI token",
      name: "user-tokens",
    },
    {
      path: () => userPath(customer, "periods"),
      title: "ada@example.com",
      ready: "2025-01",
      name: "user-periods",
    },
    {
      path: () => userPath({ id: buyer.userId }, "orders"),
      title: () => buyer.email,
      ready: "Style guide PDF",
      name: "user-orders",
    },
    {
      path: () => userPath(customer, "security"),
      title: "ada@example.com",
      ready: "token_created",
      name: "user-security",
    },
    { path: () => "/admin/credits", title: "Credits", ready: "ada@example.com", name: "credits" },
    {
      path: () => "/admin/services",
      title: "Services",
      ready: "demo_free_service",
      name: "services",
    },
    {
      path: () => "/admin/security-log",
      title: "Security log",
      ready: "ada@example.com",
      name: "security-log",
    },
    { path: () => "/admin/settings", title: "Settings", ready: "OpenAI model", name: "settings" },
  ];

  const EMPTY = [
    { path: () => userPath(idle), title: "idle@example.com", text: "No credit transactions yet." },
    { path: () => userPath(idle, "tokens"), title: "idle@example.com", text: "No API tokens." },
    {
      path: () => userPath(idle, "periods"),
      title: "idle@example.com",
      text: "No billing periods.",
    },
    { path: () => userPath(idle, "orders"), title: "idle@example.com", text: "No orders." },
    {
      path: () => userPath(idle, "subscriptions"),
      title: "idle@example.com",
      text: "No subscriptions: on the Free plan.",
    },
    {
      path: () => userPath(idle, "security"),
      title: "idle@example.com",
      text: "No security events.",
    },
    {
      path: () => "/admin/credits?type=expire",
      title: "Credits",
      text: "No credit transactions match.",
    },
    {
      path: () => "/admin/security-log?type=jwt_refresh_reuse_detected",
      title: "Security log",
      text: "No security events match.",
    },
  ];

  it.each(POPULATED)(
    "$name: loads with its records, passes axe and fits a 375 px phone",
    async ({ path, title, ready, name }) => {
      const check = {
        path: path(),
        title: typeof title === "string" ? title : title(),
        ready,
        name,
      };
      await checkPage(viewers, check, shot);
    },
  );

  it.each(EMPTY)("shows its empty state at $text", async ({ path, title, text }) => {
    const { page, problems } = reuse(viewers.desktop);
    await visit(page, path());
    await heading(page, title).waitFor();
    await page.getByText(text, { exact: true }).waitFor();
    await expectAccessible(page);
    expect(problems.list).toEqual([]);
  });

  it("links a user from the list to the detail, and keeps the tab in the URL", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/users?email=ada");
    await page.getByRole("link", { name: "ada@example.com" }).click();
    await heading(page, "ada@example.com").waitFor();
    await page.getByRole("tab", { name: "API tokens" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("tab")).toBe("tokens");
    await page.getByText("CI token").waitFor();
    await page.reload();
    await page.getByText("CI token").waitFor();
    expect(problems.list).toEqual([]);
  });

  it("grants credits with a reason, maps a refused field, and the audit log shows the grant", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto(userPath(customer));
    const available = page.getByTestId("credits-Available");
    await expect.poll(() => available.textContent()).toBe("10");
    const form = page.getByRole("form", { name: "Adjust credits" });

    // A past expiry: the server's field error lands under the field.
    await form.getByRole("textbox", { name: "Credits" }).fill("5");
    await form.getByRole("textbox", { name: "Reason" }).fill("goodwill for the outage");
    await form.getByLabel("Expires (UTC)").fill("2020-01-01T00:00");
    await form.getByRole("button", { name: "Grant credits" }).click();
    await form.getByText("Must be in the future.").waitFor();
    expect(problems.list).toEqual(refused(400, "POST", /\/api\/admin\/users\/[^/]+\/credits/));
    problems.list.length = 0;

    await form.getByLabel("Expires (UTC)").fill("");
    await form.getByRole("button", { name: "Grant credits" }).click();
    await page.getByText(/Granted 5 credits to ada@example.com; 15 available now/).waitFor();
    await expect.poll(() => available.textContent()).toBe("15");
    const entry = page.getByRole("row").filter({ hasText: "goodwill for the outage" });
    await entry.getByText("+5").waitFor();

    await page.getByRole("link", { name: "Audit log" }).click();
    await heading(page, "Audit log").waitFor();
    await page.getByRole("textbox", { name: "Action" }).fill("credits.adjust");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("action")).toBe("credits.adjust");
    const audit = page.getByRole("row").filter({ hasText: "credits.adjust" });
    await audit.getByText("staff@example.com").waitFor();
    await audit.getByText(/"reason":"goodwill for the outage"/).waitFor();
    await shot(page, "audit-credits-adjust");
    expect(problems.list).toEqual([]);
  });

  it("takes credits away, refusing more than is available on the amount field", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto(userPath(idle));
    const form = page.getByRole("form", { name: "Adjust credits" });
    await form.getByText("Debit", { exact: true }).click();
    await expect(form.getByRole("radio", { name: "Debit" }).isChecked()).resolves.toBe(true);
    await form.getByRole("textbox", { name: "Credits" }).fill("3");
    await form.getByRole("textbox", { name: "Reason" }).fill("chargeback");
    await form.getByRole("button", { name: "Debit credits" }).click();
    await page
      .getByRole("dialog", { name: "Take credits away?" })
      .getByRole("button", { name: "Debit" })
      .click();
    await expect
      .poll(() => form.getByRole("textbox", { name: "Credits" }).getAttribute("aria-invalid"))
      .toBe("true");
    expect(problems.list).toEqual(refused(409, "POST", /\/api\/admin\/users\/[^/]+\/credits/));
  });

  it("revokes a token on the API tokens page after a confirmation", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/tokens?search=ada@example.com");
    const row = page.getByRole("row").filter({ hasText: "Doomed token" });
    const revoke = row.getByRole("button", { name: /^Revoke token / });
    await revoke.click();
    const dialog = page.getByRole("dialog", { name: "Revoke this token?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await row.getByText("active", { exact: true }).waitFor();

    await revoke.click();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    // A prefix is base64url: it may hold "-", which \w does not match (a one-in-eight flake).
    await page.getByText(/^Token tok_[\w-]{8} revoked\.$/).waitFor();
    await row.getByText("revoked", { exact: true }).waitFor();
    // The user's page shows it revoked too.
    await page.goto(userPath(customer, "tokens"));
    await page
      .getByRole("row")
      .filter({ hasText: "Doomed token" })
      .getByText("revoked", { exact: true })
      .waitFor();
    expect(problems.list).toEqual([]);
  });

  it("deactivates and reactivates a user from the detail page", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto(userPath(idle));
    await heading(page, "idle@example.com").waitFor();
    await page.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate this user?" });
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await page.getByText("idle@example.com deactivated.").waitFor();
    await page.getByText("inactive", { exact: true }).waitFor();
    await page.getByRole("dialog").waitFor({ state: "hidden" });

    await page.getByRole("button", { name: "Activate" }).click();
    await page
      .getByRole("dialog", { name: "Activate this user?" })
      .getByRole("button", { name: "Activate" })
      .click();
    await page.getByText("idle@example.com activated.").waitFor();
    await page.getByText("active", { exact: true }).waitFor();
    expect(problems.list).toEqual([]);
  });

  it("turns a service off (after a confirmation) and on again, and edits its cost", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/services");
    const active = page.getByRole("switch", { name: "demo_free_service active" });
    await expect(active.isChecked()).resolves.toBe(true);
    await active.click({ force: true });
    const dialog = page.getByRole("dialog", { name: "Turn this service off?" });
    await dialog.getByRole("button", { name: "Turn off" }).click();
    await page.getByText("demo_free_service is inactive now.").waitFor();
    await expect.poll(() => active.isChecked()).toBe(false);
    await dialog.waitFor({ state: "hidden" });
    await active.click({ force: true });
    await page.getByText("demo_free_service is active now.").waitFor();
    await expect.poll(() => active.isChecked()).toBe(true);

    await page.getByRole("button", { name: "Edit demo_free_service" }).click();
    const edit = page.getByRole("dialog", { name: "Edit demo_free_service" });
    await edit.getByRole("textbox", { name: "Credit cost" }).fill("0.25");
    await edit.getByRole("button", { name: "Save" }).click();
    await page.getByText("demo_free_service updated.").waitFor();
    await page
      .getByRole("row")
      .filter({ hasText: "demo_free_service" })
      .getByText("0.25")
      .waitFor();
    expect(problems.list).toEqual([]);
  });

  it("saves the settings, and shows the API's refusal on its field", async () => {
    const { page, problems } = reuse(desktop);
    await page.goto("/admin/settings");
    const price = page.getByRole("textbox", { name: "Price per request (cents)" });
    await price.fill("2000000000");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => price.getAttribute("aria-invalid")).toBe("true");
    expect(problems.list).toEqual(refused(400, "PATCH", /\/api\/admin\/settings/));
    problems.list.length = 0;

    await price.fill("7");
    await page.getByRole("textbox", { name: "OpenAI model" }).fill("gpt-4o-mini");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved; the next requests use them.").waitFor();
    await page.reload();
    await expect(price.inputValue()).resolves.toBe("7");
    await expect(page.getByRole("textbox", { name: "OpenAI model" }).inputValue()).resolves.toBe(
      "gpt-4o-mini",
    );
    expect(problems.list).toEqual([]);
  });
});
