import { StringDecoder } from "node:string_decoder";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Services } from "../services.js";
import type { AppError } from "./errors.js";

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

/**
 * Prints what an expected failure (an AppError) says, each problem once: the field errors when
 * there are any (the message only sums them up). Exit code 1.
 */
export function reportAppError(io: CommandIo, error: AppError): number {
  const fieldErrors = error.options.errors ?? [];
  if (fieldErrors.length === 0) io.err(error.message);
  for (const fieldError of fieldErrors) io.err(`${fieldError.field}: ${fieldError.message}`);
  return 1;
}

/** The person at the terminal cancelled a prompt (Ctrl+C). */
export class PromptCancelledError extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "PromptCancelledError";
  }
}

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
 * Puts the positionals after a `--`, so a negative number is read as a value, never as an
 * option: `grant-credits EMAIL -2.5` and `--days -1` (which parseArgs would refuse as ambiguous)
 * both work. An option's value is the next argument unless given as `--name=value`.
 */
function positionalsLast(argv: readonly string[], options: Options): string[] {
  const flags: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    flags.push(arg);
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === "string" && i + 1 < argv.length) {
      flags[flags.length - 1] = `${arg}=${argv[i + 1] ?? ""}`;
      i += 1;
    }
  }
  return [...flags, "--", ...positionals];
}

/**
 * The command of this name. The contract (and Django's manage.py) spells commands with
 * underscores, `bootstrap_demo`, so `_` in a name stands for `-`; --help lists one spelling.
 */
function findCommand(commands: readonly Command[], name: string): Command | undefined {
  return (
    commands.find((c) => c.name === name) ??
    commands.find((c) => c.name === name.replaceAll("_", "-"))
  );
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
  const command = findCommand(commands, name);
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
      args: positionalsLast(rest, command.options ?? {}),
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
    // 128 + SIGINT, as a shell reports a command stopped with Ctrl+C.
    if (error instanceof PromptCancelledError) {
      context.io.err(error.message);
      return 130;
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

/** A hidden answer after some raw-mode terminal input; `rest` is what was typed after Enter. */
export interface HiddenAnswer {
  readonly text: string;
  readonly state: "typing" | "entered" | "cancelled";
  readonly rest: string;
}

// An escape sequence (arrow keys, Home, bracketed-paste markers): CSI or SS3, or a lone ESC.
// eslint-disable-next-line no-control-regex -- matching terminal control sequences is the point
const ESCAPE_SEQUENCE = /^\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|O.|)/;

/**
 * Applies raw-mode keystrokes to a hidden answer: printable characters are added, Backspace
 * removes the last character, Ctrl+U clears the answer, Enter ends it, Ctrl+C (or Ctrl+D on an
 * empty answer) cancels; escape sequences and other control characters are ignored.
 */
export function typeHiddenAnswer(text: string, input: string): HiddenAnswer {
  let answer = text;
  let i = 0;
  while (i < input.length) {
    const char = input.charAt(i);
    if (char === "\r" || char === "\n") {
      // A CR LF pair (pasted text) is one Enter.
      const next = char === "\r" && input[i + 1] === "\n" ? i + 2 : i + 1;
      return { text: answer, state: "entered", rest: input.slice(next) };
    }
    if (char === "\x03" || (char === "\x04" && answer === "")) {
      return { text: answer, state: "cancelled", rest: "" };
    }
    if (char === "\x1b") {
      i += (ESCAPE_SEQUENCE.exec(input.slice(i))?.[0] ?? char).length;
      continue;
    }
    if (char === "\x7f" || char === "\b") {
      answer = Array.from(answer).slice(0, -1).join("");
    } else if (char === "\x15") {
      answer = "";
    } else if (char >= " ") {
      answer += char;
    }
    i += 1;
  }
  return { text: answer, state: "typing", rest: "" };
}

export type RawTerminalInput = Pick<
  NodeJS.ReadStream,
  "isRaw" | "setRawMode" | "on" | "off" | "resume" | "pause" | "unshift"
>;

/**
 * Asks a question on a terminal without echoing the answer: the terminal is put in raw mode and
 * the keystrokes are read here, so nothing typed reaches the screen. Rejects with
 * PromptCancelledError on Ctrl+C. Input typed after Enter stays for the next reader.
 */
export function askHidden(
  question: string,
  input: RawTerminalInput,
  output: Pick<NodeJS.WriteStream, "write">,
): Promise<string> {
  // Raw mode before the question: keys typed as soon as it shows must not be echoed.
  const wasRaw = input.isRaw;
  input.setRawMode(true);
  output.write(question);
  const decoder = new StringDecoder("utf8");
  let text = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer | string) => {
      const answer = typeHiddenAnswer(
        text,
        typeof chunk === "string" ? chunk : decoder.write(chunk),
      );
      text = answer.text;
      if (answer.state === "typing") return;
      input.off("data", onData);
      input.setRawMode(wasRaw);
      input.pause();
      if (answer.rest !== "") input.unshift(Buffer.from(answer.rest, "utf8"));
      output.write("\n");
      if (answer.state === "cancelled") reject(new PromptCancelledError());
      else resolve(text);
    };
    input.on("data", onData);
    input.resume();
  });
}
