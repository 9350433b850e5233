import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The web app's shell may run only the app's own scripts (Vite emits external module scripts
 * only). Mantine writes a <style> element at run time, hence 'unsafe-inline' for styles alone;
 * see docs/web.md.
 */
export const WEB_SHELL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/** Vite's content-hashed output: a new build gets new names, so a year of caching is safe. */
export const ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * Paths the server answers itself: an unknown path under them is a problem+json 404, never the
 * shell, so a mistyped API call cannot come back as a 200 HTML page.
 */
const SERVER_PREFIXES = ["/api", "/assets", "/checkout", "/healthz", "/docs"];

function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The folder holding package.json, whether running from src/ (tsx) or compiled dist/src/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the server's code");
    dir = parent;
  }
  return dir;
}

/** Where `npm run build:web` writes the app (web/vite.config.ts). */
export function defaultWebDistDir(): string {
  return join(packageRoot(), "web", "dist");
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tollgate: web app not built</title></head>
<body><h1>The web app is not built</h1>
<p>Run <code>npm run build:web</code> (or start the server with <code>npm start</code>, which
builds it when it is missing or stale), then reload.</p></body></html>
`;

export type WebShellFallback = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

/**
 * Serves the built web app: hashed files under /assets/ by @fastify/static, and the index.html
 * shell through the returned fallback, which the not-found handler calls. A `GET /*` route would
 * make every unknown API path answer 405 instead of 404 (docs/web.md).
 */
export async function registerWebApp(
  app: FastifyInstance,
  distDir: string,
): Promise<WebShellFallback> {
  await app.register(fastifyStatic, {
    root: join(distDir, "assets"),
    prefix: "/assets/",
    // The docs' static plugin decorates the reply already.
    decorateReply: false,
    // A missing build is reported by the shell (503 page) and by the start-up warning below.
    suppressWarning: true,
    index: false,
    list: false,
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header("Cache-Control", ASSET_CACHE_CONTROL);
    },
  });
  const indexFile = join(distDir, "index.html");
  if (!existsSync(indexFile)) {
    app.log.warn(
      { dist: distDir },
      "the web app is not built: pages answer 503 until `npm run build:web` runs",
    );
  }

  const sendShell = async (reply: FastifyReply): Promise<void> => {
    let html: string;
    let status = 200;
    try {
      // Read per request (a few KB): a rebuild while the server runs is picked up at once.
      html = await readFile(indexFile, "utf8");
    } catch {
      html = NOT_BUILT_PAGE;
      status = 503;
    }
    await reply
      .status(status)
      .type("text/html; charset=utf-8")
      .header("Content-Security-Policy", WEB_SHELL_CSP)
      .header("Cache-Control", "no-cache")
      .send(html);
  };

  // The portal's landing page. A route of its own (GET and HEAD; other methods 405), answered
  // whatever the Accept header: `/` is never an API path, so `curl /` gets the page too.
  app.get("/", { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) =>
    sendShell(reply),
  );

  return async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const path = request.url.split("?")[0] ?? "/";
    if (isServerPath(path)) return false;
    // Browsers navigating ask for HTML; a script's fetch of a missing path gets the problem.
    if (!(request.headers.accept ?? "").includes("text/html")) return false;
    await sendShell(reply);
    return true;
  };
}
