import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePng } from "../../src/core/sample-images.js";
import type { User } from "../../src/schema.js";
import { createVerifiedUser } from "../factories/customers.js";
import { grantCredits } from "../factories/credits.js";
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

const skipReason = browserTestsSkipReason();
if (skipReason !== undefined) console.warn(skipReason);

const SECOND_DEVICE = "Mozilla/5.0 (second device) TestBrowser/1.0";

describe.skipIf(skipReason !== undefined)("the portal's account pages and playground", () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** A customer with a history: a name, a second session and security events. */
  let busy: { user: User; password: string };
  /** A customer with nothing yet (the empty states). */
  let fresh: { user: User; password: string };
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    ({ t, baseUrl } = await startWebServer());
    ({ browser, close: closeBrowser } = await launchChromium());
    busy = await createVerifiedUser(t.services.db, { email: "busy-account@example.com" });
    fresh = await createVerifiedUser(t.services.db, { email: "fresh-account@example.com" });
    await t.services.customers.profile.update(busy.user.id, { fullName: "Grace Hopper" });
    await loginThroughApi(busy.user.email, busy.password);
  });

  afterAll(async () => {
    for (const { context } of opened) await context.close();
    await closeBrowser();
    await t.close();
  });

  async function openAs(user: User, viewport?: { width: number; height: number }) {
    const page = await openPage(browser, baseUrl, viewport);
    opened.push(page);
    await signInBrowser(t, page.context, baseUrl, user.id);
    return page;
  }

  const shot = screenshotter("portal-account");

  function heading(page: Page, name: string | RegExp) {
    return page.getByRole("heading", { level: 1, name });
  }

  /** A session made by the API's login, as another device would: its cookie header. */
  async function loginThroughApi(email: string, password: string): Promise<string> {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      headers: { "user-agent": SECOND_DEVICE },
      payload: { email, password },
    });
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((cookie) => cookie.name === "sessionid");
    if (session === undefined) throw new Error("no session cookie");
    return `sessionid=${session.value}`;
  }

  async function sessionWorks(cookie: string): Promise<boolean> {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/customers/sessions",
      headers: { cookie },
    });
    return response.statusCode === 200;
  }

  /** The refusals a test caused on purpose (each answer and Chromium's console line), nothing else. */
  function expectOnlyRefusals(list: readonly string[], refusals: readonly [number, RegExp][]) {
    for (const [status, path] of refusals) {
      expect(list.some((line) => line.startsWith(`HTTP ${status}: `) && path.test(line))).toBe(
        true,
      );
    }
    for (const line of list) {
      const expected = refusals.some(
        ([status, path]) =>
          (line.startsWith(`HTTP ${status}: `) && path.test(line)) ||
          line.startsWith(
            `console: Failed to load resource: the server responded with a status of ${status}`,
          ),
      );
      expect(expected, line).toBe(true);
    }
  }

  function resultFigure(page: Page, label: string) {
    return page.getByTestId(`figure-${label}`);
  }

  it("runs services in the playground: a charged call, a free one, an uploaded image, then a 402", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    // One sentiment call (1) and one image (10).
    await grantCredits(t.services, user.id, 11);
    const { page, problems } = await openAs(user);

    // The services page links a signed-in customer to the playground, the service chosen.
    await page.goto("/services");
    await page.getByRole("link", { name: "Try text_sentiment_analysis in the playground" }).click();
    await heading(page, "Playground").waitFor();
    expect(new URL(page.url()).search).toBe("?service=text_sentiment_analysis");
    await page.getByTestId("playground-balance").getByText("Balance: 11 credits").waitFor();
    const run = page.getByRole("button", { name: /^Run/ });
    // The generated form checks the schema's rules before sending anything.
    await run.click();
    await page.getByText("This field is required.").waitFor();
    await page.getByRole("textbox", { name: "text" }).fill("What a wonderful, happy day!");
    await expect(run.textContent()).resolves.toBe("Run (1 credit)");
    await run.click();
    await expect
      .poll(() => page.getByTestId("run-result").textContent())
      .toContain('"sentiment": "positive"');
    await expect(resultFigure(page, "Credits charged").textContent()).resolves.toBe("1");
    await expect(resultFigure(page, "Balance now").textContent()).resolves.toBe("10");
    await page.getByTestId("playground-balance").getByText("Balance: 10 credits").waitFor();
    await expectAccessible(page);
    await shot(page, "portal-playground-result");

    await page.getByRole("combobox", { name: "Service" }).selectOption("demo_free_service");
    expect(new URL(page.url()).searchParams.get("service")).toBe("demo_free_service");
    await page.getByRole("textbox", { name: "message" }).fill("hello");
    await page.getByRole("button", { name: "Run (free)" }).click();
    await expect.poll(() => page.getByTestId("run-result").textContent()).toContain('"length": 5');
    await expect(resultFigure(page, "Credits charged").textContent()).resolves.toBe("0");
    await expect(resultFigure(page, "Balance now").textContent()).resolves.toBe("10");

    await page.getByRole("combobox", { name: "Service" }).selectOption("image_metadata_extractor");
    await page.locator('input[type="file"]').setInputFiles({
      name: "pixels.png",
      mimeType: "image/png",
      buffer: samplePng(12, 7),
    });
    await page.getByRole("button", { name: "Run (10 credits)" }).click();
    await expect
      .poll(() => page.getByTestId("run-result").textContent())
      .toContain('"format": "png"');
    await expect(page.getByTestId("run-result").textContent()).resolves.toContain('"width": 12');
    await expect(resultFigure(page, "Balance now").textContent()).resolves.toBe("0");
    await shot(page, "portal-playground-image");

    // Out of credits: the 402's figures, and nothing charged.
    await page.goto("/app/playground?service=text_sentiment_analysis");
    await page.getByRole("textbox", { name: "text" }).fill("One more, please.");
    await page.getByRole("button", { name: "Run (1 credit)" }).click();
    const refused = page.getByRole("alert").filter({ hasText: "Not enough credits" });
    await refused.getByText("This call needs 1 credits and you have 0 available.").waitFor();
    await refused.getByRole("link", { name: "Buy credits" }).waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    expectOnlyRefusals(problems.list, [[402, /\/api\/services\/text_sentiment_analysis\/run$/]]);
  });

  it("edits the profile's name and bio; the email stays read-only", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { page, problems } = await openAs(user);
    await page.goto("/account");
    await heading(page, "Profile").waitFor();
    expect(new URL(page.url()).pathname).toBe("/account/profile");
    await page.getByText(user.email).waitFor();
    await page.getByText("Not given yet: add it below.").waitFor();
    await page.getByRole("textbox", { name: "Full name" }).fill("Ada Lovelace");
    await page.getByRole("textbox", { name: "About you" }).fill("Analyst of engines.");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Your profile is saved.").waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Full name" }).inputValue())
      .toBe("Ada Lovelace");
    const saved = await t.services.customers.profile.get(user.id);
    expect([saved.fullName, saved.bio, saved.email]).toEqual([
      "Ada Lovelace",
      "Analyst of engines.",
      user.email,
    ]);
    expect(problems.list).toEqual([]);
  });

  it("lists sessions, signs one out and then every other; a password change ends the rest and shows in the security log", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const phone = await loginThroughApi(user.email, password);
    const tablet = await loginThroughApi(user.email, password);
    const { page, problems } = await openAs(user);
    await page.goto("/account/sessions");
    await heading(page, "Sessions").waitFor();
    await expect.poll(() => page.getByRole("row").count()).toBe(4);
    await page.getByRole("row").filter({ hasText: "this browser" }).waitFor();

    // One, after a confirmation (the newest API login is the tablet: listed first).
    const second = page.getByRole("row").filter({ hasText: SECOND_DEVICE }).first();
    await second.getByRole("button", { name: /^Sign out the session from/ }).click();
    const dialog = page.getByRole("dialog", { name: "Sign this session out?" });
    await dialog.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("That session is signed out.").waitFor();
    await expect.poll(() => page.getByRole("row").count()).toBe(3);
    expect(await sessionWorks(tablet)).toBe(false);
    expect(await sessionWorks(phone)).toBe(true);

    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await page
      .getByRole("dialog", { name: "Sign out everywhere else?" })
      .getByRole("button", { name: "Sign out everywhere else" })
      .click();
    await page.getByText("1 other session signed out.").waitFor();
    await page.getByText("You are signed in nowhere else.").waitFor();
    expect(await sessionWorks(phone)).toBe(false);
    expect(problems.list).toEqual([]);

    // The password: a wrong current one and a weak new one are refused on their fields.
    const laptop = await loginThroughApi(user.email, password);
    await page.goto("/account/password");
    await heading(page, "Password").waitFor();
    const current = page.getByRole("textbox", { name: "Current password" });
    const fresh = page.getByRole("textbox", { name: "New password", exact: true });
    const repeat = page.getByRole("textbox", { name: "Repeat the new password" });
    const submit = page.getByRole("button", { name: "Change password" });
    await current.fill("not-my-password");
    await fresh.fill("Quartz-Meadow-Falcon-93");
    await repeat.fill("Quartz-Meadow-Falcon-93");
    await submit.click();
    await page.getByText("The old password is wrong.").waitFor();
    await current.fill(password);
    await fresh.fill("password123");
    await repeat.fill("password123");
    await submit.click();
    await page.getByText("This password is too common.").waitFor();
    await fresh.fill("Quartz-Meadow-Falcon-93");
    await repeat.fill("Quartz-Meadow-Falcon-93");
    await submit.click();
    await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    expect(await sessionWorks(laptop)).toBe(false);
    await expectAccessible(page);
    await shot(page, "portal-password-changed");

    await page.goto("/account/security-log");
    await heading(page, "Security log").waitFor();
    await page.getByRole("row").filter({ hasText: "Password changed" }).waitFor();
    await page.getByRole("row").filter({ hasText: "1 other session" }).waitFor();
    expectOnlyRefusals(problems.list, [[400, /\/api\/customers\/password\/change$/]]);

    // This browser stayed signed in; logged out, the new password logs in.
    problems.list.length = 0;
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByText("You are logged out").waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(user.email);
    await page.getByRole("textbox", { name: "Password" }).fill("Quartz-Meadow-Falcon-93");
    await page.getByRole("button", { name: "Log in" }).click();
    await heading(page, "Dashboard").waitFor();
    expect(problems.list).toEqual([]);
  });

  const PAGES = [
    {
      path: "/account/profile",
      title: "Profile",
      busy: "Grace Hopper",
      empty: "Not given yet: add it below.",
      shot: "portal-profile",
    },
    {
      path: "/account/password",
      title: "Password",
      busy: "Change password",
      shot: "portal-password",
    },
    {
      path: "/account/sessions",
      title: "Sessions",
      busy: SECOND_DEVICE,
      empty: "You are signed in nowhere else.",
      shot: "portal-sessions",
    },
    {
      path: "/account/security-log",
      title: "Security log",
      busy: "Logged in",
      empty: "Nothing has happened to your account yet.",
      shot: "portal-security-log",
    },
    {
      path: "/app/playground",
      title: "Playground",
      busy: "Service",
      shot: "portal-playground",
    },
  ] as const;

  // A desktop and a phone page per user, serving these read-only checks only: each check after
  // the first opens its page as the app's links do. `phone: false` for a customer whose second
  // page would be a session too many (the sessions page's empty state is "signed in nowhere else").
  const checkPages = checkPagesBy(openAs);

  it.each(PAGES)(
    "$path: loads (populated, and empty where it has such a state) without errors, passes axe, and fits a 375 px phone",
    async (entry) => {
      const { path, title, busy: busyText, shot: name } = entry;
      // The profile's scan at phone width covers the account navigation's phone layout.
      const phoneAxe = path === "/account/profile";
      await checkPage(
        await checkPages(busy.user),
        { path, title, ready: busyText, name, phoneAxe },
        shot,
      );
      // A form has no empty state of its own.
      if ("empty" in entry) {
        await checkPage(
          await checkPages(fresh.user, { phone: false }),
          { path, title, ready: entry.empty, name: `${name}-empty` },
          shot,
        );
      }
    },
    60_000,
  );
});
