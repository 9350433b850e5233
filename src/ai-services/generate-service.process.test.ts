import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDataDir, onServerPostgres } from "../../test/support/database.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** What a copy of the project needs to build, lint and test (node_modules is linked, not copied). */
const PROJECT_FILES = [
  "src",
  "test",
  "bench",
  "scripts",
  "drizzle",
  "package.json",
  "tsconfig.json",
  "eslint.config.js",
  ".prettierrc.json",
  ".prettierignore",
  "vitest.config.ts",
  "drizzle.config.ts",
];

function run(
  cwd: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? cwd, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, output });
    });
  });
}

// A code generator's output does not depend on the database: this runs once, in the PGlite run.
describe.skipIf(onServerPostgres)(
  "generate-service, as a real process in a copy of the project (PGlite run only: it does not touch a server database)",
  () => {
    let copy: string;
    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), "tollgate-generate-"));
      for (const entry of PROJECT_FILES) {
        await cp(join(root, entry), join(copy, entry), {
          recursive: true,
          filter: (source) => !source.includes(join("src", "ai-services", "custom")),
        });
      }
      await symlink(join(root, "node_modules"), join(copy, "node_modules"), "dir");
    });
    afterAll(async () => {
      await rm(copy, { recursive: true, force: true });
    });

    // An existing embedded database: the commands' own work is under test, not its creation.
    let dataDir: string | undefined;
    const cli = (...args: string[]) =>
      run(copy, process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
        DATA_DIR: (dataDir ??= migratedDataDir("tollgate-generate-data-")),
        LOG_LEVEL: "warn",
      });
    const npx = (...args: string[]) =>
      run(copy, process.execPath, [join(root, "node_modules", ".bin", args[0]!), ...args.slice(1)]);

    // 6 minutes: on CI's 2 cores this shares the CPU with the other worker (the browser tests'
    // Chromium among them); beside those alone it took 150 s.
    it("writes a registered module and test that typecheck, lint and pass unchanged, and configure-service sees it", async () => {
      const generated = await cli("generate-service", "text_summary", "--type", "text_processing");
      expect(generated.output).toContain("src/ai-services/custom/text-summary.ts");
      expect(generated.output).toContain("Next steps:");
      expect(generated.code).toBe(0);
      const registry = await readFile(join(copy, "src/ai-services/registry.ts"), "utf8");
      expect(registry).toContain('import { textSummary } from "./custom/text-summary.js";');
      expect(registry).toMatch(/\n\s+textSummary,\n/);

      const again = await cli("generate-service", "text_summary");
      expect(again.code).toBe(1);
      expect(again.output).toContain("already registered");
      const invalid = await cli("generate-service", "Text-Summary");
      expect(invalid.code).toBe(1);
      expect(invalid.output).toContain("not a valid service name");
      const image = await cli("generate-service", "image_thing", "--type", "image_processing");
      expect(image.code).toBe(0);

      const files = [
        "src/ai-services/registry.ts",
        "src/ai-services/custom/text-summary.ts",
        "src/ai-services/custom/text-summary.test.ts",
        "src/ai-services/custom/image-thing.ts",
        "src/ai-services/custom/image-thing.test.ts",
      ];
      // The new files and the application's entry points (whose imports declare Fastify's
      // augmentations), under the project's compiler options: the rest of the project's tests
      // are not theirs to check, and would double the time.
      await writeFile(
        join(copy, "tsconfig.generated.json"),
        JSON.stringify({
          extends: "./tsconfig.json",
          include: [],
          files: [...files, "src/server.ts", "src/cli.ts"],
        }),
      );
      const typecheck = await npx("tsc", "--noEmit", "-p", "tsconfig.generated.json");
      expect(typecheck.output).toBe("");
      expect(typecheck.code).toBe(0);
      const lint = await npx("eslint", ...files);
      expect(lint.output).toBe("");
      expect(lint.code).toBe(0);
      const format = await npx("prettier", "--check", ...files);
      expect(format.code).toBe(0);
      const tests = await npx(
        "vitest",
        "run",
        "src/ai-services/custom/text-summary.test.ts",
        "src/ai-services/custom/image-thing.test.ts",
      );
      expect(tests.output).toMatch(/Tests\s+.*2 passed/);
      expect(tests.code).toBe(0);

      const listed = await cli("configure-service", "--list");
      expect(listed.code).toBe(0);
      expect(listed.output).toMatch(/^text_summary\s+text_processing\s+1\s+0\s+no\s+yes\s+NO$/m);
      const created = await cli("create-default-services");
      expect(created.output).toMatch(/Created the rows of .*text_summary, image_thing\./);
    }, 360_000);
  },
);
