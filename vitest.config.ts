import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const TESTS = ["src/**/*.test.ts", "test/**/*.test.ts", "fuzz/**/*.test.ts"];
/** The web app's component and client tests, in a simulated DOM (no database, no server). */
const WEB_TESTS = ["web/src/**/*.test.{ts,tsx}"];
/** Files that must not share a worker's modules with others: they mock a module. */
const ISOLATED = ["src/customers/login-dummy-hash.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Two files at a time even on 2 cores: most tests wait on a database or a child process
    // (measured on CI's 2-core machine: PGlite run 8.2 -> 6.7 min, PostgreSQL run 7 -> 3.6 min).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Each file still gets its own database; only the imported modules are kept between the
        // files a worker runs, which saves loading the application's module graph per file.
        test: { name: "shared", include: TESTS, exclude: ISOLATED, isolate: false },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
      {
        // Not `extends`: these need neither the database templates nor the built app.
        test: {
          name: "web",
          include: WEB_TESTS,
          environment: "happy-dom",
          environmentOptions: { happyDOM: { url: "http://localhost:8000/admin/" } },
        },
      },
    ],
  },
});
