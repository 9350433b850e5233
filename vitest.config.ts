import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "fuzz/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Two files at a time even on 2 cores: most tests wait on a database or a child process
    // (measured on CI's 2-core machine: PGlite run 8.2 -> 6.7 min, PostgreSQL run 7 -> 3.6 min).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files must not leak state into each other; each gets its own database.
    isolate: true,
  },
});
