import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runCliProcess } from "../../test/support/run-cli.js";
import {
  askHidden,
  PromptCancelledError,
  runCommandLine,
  typeHiddenAnswer,
  type Command,
  type CommandIo,
  type RawTerminalInput,
} from "./cli.js";
import { EMBEDDED_ONLY, onServerPostgres } from "../../test/support/database.js";

function captureIo(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

const echo: Command = {
  name: "echo",
  summary: "Print the given words.",
  usage: "[--upper] WORDS…",
  options: { upper: { type: "boolean" } },
  async run(context, args) {
    const text = args.positionals.join(" ");
    context.io.out(args.values["upper"] === true ? text.toUpperCase() : text);
    return 0;
  },
};

const context = (io: CommandIo) => ({
  io,
  services: () => Promise.reject(new Error("no database in this test")),
});

describe("the command framework", () => {
  it("runs a command with its options", async () => {
    const io = captureIo();
    expect(await runCommandLine(["echo", "--upper", "hi", "there"], [echo], context(io))).toBe(0);
    expect(io.stdout).toEqual(["HI THERE"]);
  });

  it("lists the commands with --help", async () => {
    const io = captureIo();
    expect(await runCommandLine(["--help"], [echo], context(io))).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/echo\s+Print the given words\./);
  });

  it("shows a command's usage with <command> --help", async () => {
    const io = captureIo();
    expect(await runCommandLine(["echo", "--help"], [echo], context(io))).toBe(0);
    expect(io.stdout.join("\n")).toContain("Usage: tollgate echo [--upper] WORDS…");
  });

  it("takes a negative number as an option's value, leaving the range check to the command", async () => {
    const takesNumber: Command = {
      name: "offset",
      summary: "Print the offset.",
      options: { by: { type: "string" } },
      async run(context, args) {
        context.io.out(String(args.values["by"]));
        return 0;
      },
    };
    const io = captureIo();
    expect(await runCommandLine(["offset", "--by", "-3"], [takesNumber], context(io))).toBe(0);
    expect(io.stdout).toEqual(["-3"]);
  });

  it("takes a hyphenated command's name with underscores, and lists it once", async () => {
    const hyphenated: Command = { ...echo, name: "say-it" };
    const ran = captureIo();
    expect(await runCommandLine(["say_it", "--upper", "hi"], [hyphenated], context(ran))).toBe(0);
    expect(ran.stdout).toEqual(["HI"]);
    const usage = captureIo();
    expect(await runCommandLine(["say_it", "--help"], [hyphenated], context(usage))).toBe(0);
    expect(usage.stdout.join("\n")).toContain("Usage: tollgate say-it [--upper] WORDS…");
    const listed = captureIo();
    expect(await runCommandLine(["--help"], [hyphenated], context(listed))).toBe(0);
    expect(listed.stdout.join("\n")).toContain("say-it");
    expect(listed.stdout.join("\n")).not.toContain("say_it");
  });

  it("exits 2 on an unknown command or option", async () => {
    const unknown = captureIo();
    expect(await runCommandLine(["nope"], [echo], context(unknown))).toBe(2);
    expect(unknown.stderr.join("\n")).toContain('Unknown command "nope"');
    const badOption = captureIo();
    expect(await runCommandLine(["echo", "--loud"], [echo], context(badOption))).toBe(2);
    expect(badOption.stderr.join("\n")).toContain("--loud");
  });
});

describe("hidden answers (passwords)", () => {
  it("adds printable characters and ends at Enter, keeping what was typed after it", () => {
    expect(typeHiddenAnswer("", "pass")).toEqual({ text: "pass", state: "typing", rest: "" });
    expect(typeHiddenAnswer("pass", "word\rnext\r")).toEqual({
      text: "password",
      state: "entered",
      rest: "next\r",
    });
    expect(typeHiddenAnswer("", "pasted\r\nnext")).toMatchObject({ text: "pasted", rest: "next" });
    expect(typeHiddenAnswer("", "über✓\n")).toMatchObject({ text: "über✓", state: "entered" });
  });

  it("erases with Backspace (either code) and clears with Ctrl+U", () => {
    expect(typeHiddenAnswer("", "abcd\x7f\x7fe\bf")).toMatchObject({ text: "abf" });
    expect(typeHiddenAnswer("", "\x7f\x7f")).toMatchObject({ text: "" });
    expect(typeHiddenAnswer("", "a✓\x7f")).toMatchObject({ text: "a" });
    expect(typeHiddenAnswer("", "wrong\x15right")).toMatchObject({ text: "right" });
  });

  it("ignores arrow keys, other escape sequences and control characters", () => {
    expect(typeHiddenAnswer("", "a\x1b[Db\x1bOHc\x1b[200~d\x1b[201~\t\x1be")).toMatchObject({
      text: "abcde",
      state: "typing",
    });
  });

  it("cancels on Ctrl+C, and on Ctrl+D only when nothing was typed", () => {
    expect(typeHiddenAnswer("secret", "\x03")).toEqual({
      text: "secret",
      state: "cancelled",
      rest: "",
    });
    expect(typeHiddenAnswer("", "\x04")).toMatchObject({ state: "cancelled" });
    expect(typeHiddenAnswer("a", "\x04b")).toMatchObject({ text: "ab", state: "typing" });
  });

  function fakeTerminal() {
    const stream = new PassThrough();
    const modes: boolean[] = [];
    const input = Object.assign(stream, {
      isRaw: false,
      setRawMode(mode: boolean) {
        modes.push(mode);
        input.isRaw = mode;
        return input;
      },
    });
    let shown = "";
    const output = { write: (text: string) => ((shown += text), true) };
    return {
      input: input as unknown as RawTerminalInput & PassThrough,
      output,
      modes,
      shown: () => shown,
    };
  }

  it("reads in raw mode, shows only the question, and restores the terminal", async () => {
    const terminal = fakeTerminal();
    const answer = askHidden("Password: ", terminal.input, terminal.output);
    terminal.input.write("hunter2-");
    terminal.input.write(Buffer.from("✓").subarray(0, 2));
    terminal.input.write(Buffer.concat([Buffer.from("✓").subarray(2), Buffer.from("\rnext")]));
    expect(await answer).toBe("hunter2-✓");
    expect(terminal.shown()).toBe("Password: \n");
    expect(terminal.modes).toEqual([true, false]);
    // What was typed after Enter is left for the next question.
    expect(String(terminal.input.read())).toBe("next");
  });

  it("rejects with PromptCancelledError on Ctrl+C", async () => {
    const terminal = fakeTerminal();
    const answer = askHidden("Password: ", terminal.input, terminal.output);
    terminal.input.write("abc\x03");
    await expect(answer).rejects.toBeInstanceOf(PromptCancelledError);
    expect(terminal.modes).toEqual([true, false]);
  });

  it("a cancelled prompt ends the command with exit code 130", async () => {
    const cancelled: Command = {
      name: "ask",
      summary: "Ask and be cancelled.",
      run: () => Promise.reject(new PromptCancelledError()),
    };
    const io = captureIo();
    expect(await runCommandLine(["ask"], [cancelled], context(io))).toBe(130);
    expect(io.stderr).toEqual(["Cancelled."]);
  });
});

describe.skipIf(onServerPostgres)(`tollgate check --deploy (${EMBEDDED_ONLY})`, () => {
  // A directory per test: fixed paths raced between concurrent runs on one machine.
  const dataDirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "tollgate-check-"));
    dataDirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("fails with the default local configuration, listing each problem", async () => {
    const result = await runCliProcess(["check", "--deploy"], {
      DATA_DIR: dataDir(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SECRET_KEY is not set");
    expect(result.stderr).toContain("DATABASE_URL is not set");
  });

  it("passes with a production-like environment", async () => {
    const result = await runCliProcess(["check", "--deploy"], {
      DATA_DIR: dataDir(),
      SECRET_KEY: "k9$Lq2!vX8#pR4&mZ7^tW1*yB6(nC3)hF5_jD0+gS2=eA8-uQ4~oI6@rT9%wE1",
      DEBUG: "false",
      ALLOWED_HOSTS: "api.example.com",
      DATABASE_URL: "postgres://tollgate@db.invalid:5432/tollgate",
      EMAIL_HOST: "smtp.example.com",
      JWT_SECRET_KEY: "Vq3#nT8!cR1$wZ6^kP9&yB2*hL5(mF7)gD0+sX4=",
      STRIPE_SECRET_KEY: "sk_live_51TollgateExampleKey",
      STRIPE_WEBHOOK_SECRET: "whsec_TollgateExampleSigningSecret",
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Deployment check passed");
    expect(result.code).toBe(0);
  });

  it("stops with the variable's name when the configuration is invalid", async () => {
    const result = await runCliProcess(["check"], {
      DATA_DIR: dataDir(),
      PORT: "eighty",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PORT: expected a whole number");
  });

  it("stops naming LOG_LEVEL when it is not a pino level, instead of calling it valid", async () => {
    const result = await runCliProcess(["check"], { DATA_DIR: dataDir(), LOG_LEVEL: "verbose" });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain("valid");
    expect(result.stderr).toContain("LOG_LEVEL: expected one of");
  });
});
