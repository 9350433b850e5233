import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Services } from "../services.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
export type ParsedArgs = ReturnType<typeof parseArgs<{ options: Options; allowPositionals: true }>>;

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks a question on the terminal; undefined when there is no terminal. */
  prompt?(question: string, options?: { secret?: boolean }): Promise<string>;
}

/** A management command (`npm run cli -- <name>`); commands live in their feature folders. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Arguments after the name, for --help, e.g. "[--count N]". */
  readonly usage?: string;
  readonly options?: Options;
  /** Exit code; 0 when omitted. */
  run(context: CommandContext, args: ParsedArgs): Promise<number | undefined>;
}

export interface CommandContext {
  readonly io: CommandIo;
  /** Opens the database, migrates and wires the services on first use. */
  services(): Promise<Services>;
}

export class UsageError extends Error {}

function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: tollgate <command> [options]   (or: npm run cli -- <command> [options])",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run 'tollgate <command> --help' for a command's options.",
  ].join("\n");
}

function commandHelp(command: Command): string {
  const lines = [
    `Usage: tollgate ${command.name} ${command.usage ?? ""}`.trimEnd(),
    "",
    command.summary,
  ];
  return lines.join("\n");
}

/**
 * `--days -1` becomes `--days=-1`: parseArgs refuses a value that starts with a dash as
 * ambiguous, and the option's own check then says what range it takes.
 */
function attachNegativeNumbers(argv: readonly string[], options: Options): string[] {
  const result: string[] = [];
  let isValueOfPrevious = false;
  for (const arg of argv) {
    result.push(isValueOfPrevious && /^-\d/.test(arg) ? `${result.pop() ?? ""}=${arg}` : arg);
    isValueOfPrevious =
      !isValueOfPrevious && arg.startsWith("--") && options[arg.slice(2)]?.type === "string";
  }
  return result;
}

/** Parses argv (without node and script), runs one command, returns the exit code. */
export async function runCommandLine(
  argv: readonly string[],
  commands: readonly Command[],
  context: CommandContext,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    context.io.out(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    context.io.err(`Unknown command "${name}".\n\n${helpText(commands)}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.io.out(commandHelp(command));
    return 0;
  }
  let args: ParsedArgs;
  try {
    args = parseArgs({
      args: attachNegativeNumbers(rest, command.options ?? {}),
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    context.io.err(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  try {
    return (await command.run(context, args)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      context.io.err(`${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    throw error;
  }
}

/** A whole-number option in [min, max], or the fallback when absent; UsageError otherwise. */
export function intOption(
  args: ParsedArgs,
  name: string,
  fallback: number,
  min = 0,
  max = 1_000_000,
): number {
  const value = args.values[name];
  if (value === undefined) return fallback;
  if (
    typeof value !== "string" ||
    !/^\d+$/.test(value) ||
    Number(value) < min ||
    Number(value) > max
  ) {
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max}.`);
  }
  return Number(value);
}
