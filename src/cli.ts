import { createInterface } from "node:readline/promises";
import { ConfigError, loadConfig } from "./config.js";
import { askHidden, PromptCancelledError, runCommandLine, type CommandIo } from "./platform/cli.js";
import { EmbeddedDatabaseLockedError } from "./platform/db/embedded-lock.js";
import { createLogger } from "./platform/logging.js";
import { startRuntime, type Runtime } from "./runtime.js";
import { allCommands } from "./commands.js";

const io: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  async prompt(question, options = {}) {
    if (options.secret === true) return askHidden(question, process.stdin, process.stdout);
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    try {
      return await rl.question(question);
    } catch (error) {
      // readline rejects a pending question with an AbortError on Ctrl+C.
      if ((error as Error).name !== "AbortError") throw error;
      process.stdout.write("\n");
      throw new PromptCancelledError();
    } finally {
      rl.close();
    }
  },
};

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  // Commands print their own results; the log only carries warnings and errors.
  const log = createLogger({ logLevel: config.debug ? "debug" : "warn" });
  let runtime: Runtime | undefined;
  try {
    return await runCommandLine(process.argv.slice(2), allCommands(config), {
      io: process.stdin.isTTY
        ? io
        : {
            out: (line) => {
              io.out(line);
            },
            err: (line) => {
              io.err(line);
            },
          },
      async services() {
        runtime ??= await startRuntime(config, log);
        return runtime.services;
      },
    });
  } finally {
    await runtime?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The lock's message already names both ways out (stop the holder, or DATABASE_URL).
    if (error instanceof ConfigError || error instanceof EmbeddedDatabaseLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
