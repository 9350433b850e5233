import { describe, expect, it } from "vitest";
import { runCliProcess } from "../../test/support/run-cli.js";
import { runCommandLine, type Command, type CommandIo } from "./cli.js";

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

  it("exits 2 on an unknown command or option", async () => {
    const unknown = captureIo();
    expect(await runCommandLine(["nope"], [echo], context(unknown))).toBe(2);
    expect(unknown.stderr.join("\n")).toContain('Unknown command "nope"');
    const badOption = captureIo();
    expect(await runCommandLine(["echo", "--loud"], [echo], context(badOption))).toBe(2);
    expect(badOption.stderr.join("\n")).toContain("--loud");
  });
});

describe("tollgate check --deploy", () => {
  it("fails with the default local configuration, listing each problem", async () => {
    const result = await runCliProcess(["check", "--deploy"], {
      DATA_DIR: "/tmp/tollgate-check-default",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SECRET_KEY is not set");
    expect(result.stderr).toContain("DATABASE_URL is not set");
  });

  it("passes with a production-like environment", async () => {
    const result = await runCliProcess(["check", "--deploy"], {
      DATA_DIR: "/tmp/tollgate-check-prod",
      SECRET_KEY: "k9$Lq2!vX8#pR4&mZ7^tW1*yB6(nC3)hF5_jD0+gS2=eA8-uQ4~oI6@rT9%wE1",
      DEBUG: "false",
      ALLOWED_HOSTS: "api.example.com",
      DATABASE_URL: "postgres://tollgate@db.invalid:5432/tollgate",
      EMAIL_HOST: "smtp.example.com",
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Deployment check passed");
    expect(result.code).toBe(0);
  });

  it("stops with the variable's name when the configuration is invalid", async () => {
    const result = await runCliProcess(["check"], {
      DATA_DIR: "/tmp/tollgate-check-bad",
      PORT: "eighty",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PORT: expected a whole number");
  });
});
