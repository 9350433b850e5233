import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Debian's chromium (`apt-get install chromium`), driven by Playwright; Playwright's own browser
 * download cannot work on these machines. CHROMIUM_PATH points at another build.
 */
export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserTestsSkipReason(): string | undefined {
  if (process.env["BROWSER_TESTS"] === "0") {
    return "browser tests skipped: BROWSER_TESTS=0 (CI runs them once, in the embedded-database pass)";
  }
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return (
    `browser tests skipped: no Chromium at ${CHROMIUM_PATH} ` +
    "(apt-get install -y chromium fonts-liberation, or set CHROMIUM_PATH)"
  );
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The browser tests drive the built app: build it once per run when its sources are newer than
 * the build (a fresh clone, an edit), as `npm start` does. About 2 s when needed, nothing when not.
 */
export function buildWebAppIfStale(): void {
  // A partial copy of the project (the generate-service process test's) has no web app.
  if (!existsSync(join(ROOT, "web", "index.html"))) return;
  execFileSync(process.execPath, ["scripts/build-web.mjs", "--if-stale"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}
