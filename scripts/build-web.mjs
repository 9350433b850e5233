// Builds the web app into web/dist with Vite. `--if-stale` (npm's prestart) skips the build when
// web/dist/index.html is newer than every source of it, so a restart costs nothing and a fresh
// clone or a `git pull` gets a current build without a separate command.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const WEB = "web";
const BUILT_INDEX = join(WEB, "dist", "index.html");
const SOURCES = [
  join(WEB, "src"),
  join(WEB, "index.html"),
  join(WEB, "vite.config.ts"),
  join(WEB, "public"),
  "package-lock.json",
];
/** What the admin's and the portal's first load may weigh (issues 14 and 15). */
const BUDGET_KB = { admin: 250, portal: 200 };

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  const built = newestMtime(BUILT_INDEX);
  return built === 0 || SOURCES.some((source) => newestMtime(source) > built);
}

/**
 * Gzipped KB of the JavaScript an area needs before it renders: its chunk and every chunk it
 * imports statically (lazy imports, like the dashboard's charts, load later and are left out).
 */
function initialJsGzipKb(manifest, entries) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  let bytes = 0;
  for (const file of files) {
    if (file.endsWith(".js"))
      bytes += gzipSync(readFileSync(join(WEB, "dist", file)), { level: 9 }).length;
  }
  return bytes / 1024;
}

if (process.argv.includes("--if-stale") && !isStale()) {
  process.exit(0);
}
const started = Date.now();
console.log("Building the web app (web/dist)…");
// Vite builds React's development code when NODE_ENV says so (vitest sets "test").
process.env["NODE_ENV"] = "production";
const { build } = await import("vite");
await build({ root: WEB, logLevel: "warn" });
const manifest = JSON.parse(readFileSync(join(WEB, "dist", ".vite", "manifest.json"), "utf8"));
const admin = initialJsGzipKb(manifest, ["index.html", "src/admin/AdminApp.tsx"]);
const portal = initialJsGzipKb(manifest, ["index.html", "src/portal/PortalApp.tsx"]);
console.log(
  `Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s; initial JavaScript ` +
    `(gzip): admin ${admin.toFixed(1)} KB (budget ${BUDGET_KB.admin} KB), ` +
    `portal ${portal.toFixed(1)} KB (budget ${BUDGET_KB.portal} KB).`,
);
for (const [area, size] of Object.entries({ admin, portal })) {
  if (size > BUDGET_KB[area]) {
    console.error(`The ${area}'s initial JavaScript is over its ${BUDGET_KB[area]} KB budget.`);
    process.exit(1);
  }
}
