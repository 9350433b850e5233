import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Run with web/ as the root (`vite web`, scripts/build-web.mjs): outDir is web/dist.
// `npm run dev` serves on :5173 and sends what the server owns to the Tollgate server on :8000,
// so the browser sees one origin and the session and CSRF cookies work as in production.
const server = "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Served by @fastify/static under /assets/ with a year of immutable caching.
    assetsDir: "assets",
    // Read by scripts/build-web.mjs to report the JavaScript each area loads first.
    manifest: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/api": server, "/healthz": server, "/checkout": server },
  },
});
