import { allCommands } from "../../src/commands.js";
import { runCommandLine, type CommandContext } from "../../src/platform/cli.js";
import type { TestApp } from "./app.js";

/** A command context on the test app's services, collecting what the command prints. */
export function cliContext(t: TestApp, answers: string[] = [], withTerminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const context: CommandContext = {
    io: {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      ...(withTerminal ? { prompt: async () => answers.shift() ?? "" } : {}),
    },
    services: async () => t.services,
  };
  return { context, out, err };
}

/** Runs a management command in process, as `tollgate <argv>` would, on the test app. */
export async function runCommand(
  t: TestApp,
  argv: readonly string[],
): Promise<{ code: number; out: string[]; err: string[] }> {
  const { context, out, err } = cliContext(t);
  const code = await runCommandLine(argv, allCommands(t.config), context);
  return { code, out, err };
}
