import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { createTestApp, type TestApp, type TestAppOptions } from "./app.js";
import { freePort } from "./free-port.js";
import { signIn } from "./sessions.js";
import { CHROMIUM_PATH } from "./web-build.js";

export { browserTestsSkipReason, CHROMIUM_PATH } from "./web-build.js";

/**
 * Chromium puts a socket in TMPDIR, whose path must fit in 107 bytes; the test run's TMPDIR is
 * nested too deep for that, so the browser gets a short folder of its own, removed at close.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const shortTmp = await mkdtemp("/tmp/tg-chromium-");
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: { ...process.env, TMPDIR: shortTmp },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(shortTmp, { recursive: true, force: true });
    },
  };
}

/**
 * The real app, built web app included, listening on a free port of 127.0.0.1. With `selfUrl`
 * its PUBLIC_BASE_URL is that address, for tests whose browser follows the URLs the server makes
 * (a checkout URL); otherwise it keeps the test default.
 */
export async function startWebServer(
  options: TestAppOptions = {},
  { selfUrl = false }: { selfUrl?: boolean } = {},
): Promise<{ t: TestApp; baseUrl: string }> {
  if (!selfUrl) {
    const t = await createTestApp(options);
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    return { t, baseUrl: address };
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const t = await createTestApp({
    ...options,
    env: { ...options.env, PUBLIC_BASE_URL: baseUrl },
  });
  await t.app.listen({ port, host: "127.0.0.1" });
  return { t, baseUrl };
}

/** What went wrong in the page: console errors, uncaught exceptions, failed or refused requests. */
export interface PageProblems {
  readonly list: string[];
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
}

/** The width the pages must work at. */
export const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** A fresh browser context (cookies of its own) at this viewport, watching for problems. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport = DESKTOP,
): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  // Well under the test's own timeout, so a missing element fails with its locator named.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: PageProblems = { list: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.list.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.list.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Cancelled by leaving the page (a lazy chunk still loading at a click): not a failure.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.list.push(`request failed: ${request.method()} ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.list.push(
        `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`,
      );
    }
  });
  return { context, page, problems };
}

/**
 * Opens `path` the way a link in the app does when the page already shows the app (a history
 * entry the router follows: the app is not booted again, which a full load costs ~1.5 s of), and
 * with a full load otherwise.
 */
export async function visit(page: Page, path: string): Promise<void> {
  if (!page.url().startsWith("http")) {
    await page.goto(path);
    return;
  }
  await page.evaluate(
    `window.history.pushState(null, "", ${JSON.stringify(path)}); ` +
      `window.dispatchEvent(new PopStateEvent("popstate"));`,
  );
}

export interface PageCheck {
  readonly path: string;
  /** The page's h1. */
  readonly title: string | RegExp;
  /** Text the page shows once its data is in: an element's whole text, unless `exact` is false. */
  readonly ready: string;
  readonly exact?: boolean;
  /** Screenshot name (screenshotter). */
  readonly name: string;
  /** Run axe on the phone page as well, for a layout only phones get (e.g. a burger menu). */
  readonly phoneAxe?: boolean;
}

/** The pages a check looks through: a desktop's, and a phone's (opened at PHONE). */
export interface CheckPages {
  readonly desktop: OpenedPage;
  readonly phone?: OpenedPage | undefined;
}

/**
 * Check pages per key (a customer, a visitor), opened by `open` at the first call and kept for
 * the file's later checks. `phone: false` opens the desktop page only, e.g. where a second page
 * would be a session too many for the page under check.
 */
export function checkPagesBy<K>(
  open: (key: K, viewport: typeof DESKTOP) => Promise<OpenedPage>,
): (key: K, options?: { phone?: boolean }) => Promise<CheckPages> {
  const opened = new Map<K, CheckPages>();
  return async (key, { phone = true } = {}) => {
    let pages = opened.get(key);
    if (pages === undefined) {
      const desktop = await open(key, DESKTOP);
      pages = { desktop, phone: phone ? await open(key, PHONE) : undefined };
      opened.set(key, pages);
    }
    return pages;
  };
}

/**
 * Shows `path` (visit) on the desktop page until its title and `ready` text are there and passes
 * axe, then on the phone page, when given, without sideways scrolling; no problems on either.
 * Pages shared by such checks should serve them only: a toast left by another test's action
 * would be scanned with the next page.
 */
export async function checkPage(
  { desktop, phone }: CheckPages,
  check: PageCheck,
  shot: Screenshot,
): Promise<void> {
  const { path, title, ready, exact = true, name, phoneAxe = false } = check;
  for (const opened of phone === undefined ? [desktop] : [desktop, phone]) {
    const { page, problems } = opened;
    problems.list.length = 0;
    await visit(page, path);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText(ready, { exact }).first().waitFor();
    if (opened === desktop) {
      await expectAccessible(page);
      await shot(page, name);
    } else {
      await expectNoHorizontalScroll(page);
      if (phoneAxe) await expectAccessible(page);
      await shot(page, `${name}-phone`);
    }
    expect(problems.list).toEqual([]);
  }
}

/** Signs the browser context in as the user with a real session (no login form needed). */
export async function signInBrowser(
  t: Pick<TestApp, "services">,
  context: BrowserContext,
  baseUrl: string,
  userId: string,
): Promise<void> {
  const session = await signIn(t, userId);
  await context.addCookies([
    { name: "sessionid", value: session.sessionKey, url: baseUrl, httpOnly: true, sameSite: "Lax" },
    { name: "csrftoken", value: session.csrfToken, url: baseUrl, sameSite: "Lax" },
  ]);
}

/** axe-core's WCAG 2 A/AA rules: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
  expect(severe).toEqual([]);
}

/** Nothing wider than the viewport: no sideways scrolling on a phone. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // A string, evaluated in the page: this file is typed for Node, without the DOM's types.
  const overflow = await page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Takes a full-page screenshot named `name` of the page, when screenshots are asked for. */
export type Screenshot = (page: Page, name: string) => Promise<void>;

/**
 * Screenshots are taken only when someone will look at them: with TOLLGATE_SCREENSHOTS=<dir>
 * every one lands in `<dir>/screenshots-<suite>/`, and `npm run screenshots`
 * (TOLLGATE_DOCS_SCREENSHOTS=docs/screenshots) writes the chosen `docsShots` for the README.
 * A plain run (CI) takes none: encoding dozens of full-page PNGs nobody opens cost it time.
 */
export function screenshotter(
  suite: string,
  docsShots: ReadonlySet<string> = new Set(),
): Screenshot {
  const runDir = process.env["TOLLGATE_SCREENSHOTS"];
  const docsDir = process.env["TOLLGATE_DOCS_SCREENSHOTS"];
  return async (page, name) => {
    const forDocs = docsDir !== undefined && docsShots.has(name);
    if (runDir === undefined && !forDocs) return;
    const dir = runDir === undefined ? tmpdir() : join(runDir, `screenshots-${suite}`);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    if (forDocs) {
      await mkdir(docsDir, { recursive: true });
      await copyFile(path, join(docsDir, `${name}.png`));
    }
  };
}
