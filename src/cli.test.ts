import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testConfig } from "../test/support/app.js";
import { allCommands } from "./commands.js";
import { runCommandLine } from "./platform/cli.js";
import { EMBEDDED_ONLY, migratedDataDir, onServerPostgres } from "../test/support/database.js";

const root = fileURLToPath(new URL("..", import.meta.url));

// Python's pty module gives the CLI a real terminal without adding a dependency (no node-pty).
const hasPythonPty = spawnSync("python3", ["-c", "import pty"]).status === 0;

/**
 * Runs argv on a pseudo-terminal, answering each prompt (a substring of the output) with the
 * given keystrokes; prints {"output", "exit"} as JSON.
 */
const PTY_DRIVER = String.raw`
import json, os, pty, select, sys, time
steps = json.loads(os.environ["PTY_STEPS"])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
def read(until=None, timeout=60.0):
    global out
    end = time.time() + timeout
    while time.time() < end and (until is None or until not in out):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return
        if not chunk:
            return
        out += chunk
for prompt, keys in steps:
    read(prompt.encode())
    os.write(fd, keys.encode())
read()
_, status = os.waitpid(pid, 0)
print(json.dumps({"output": out.decode(errors="replace"), "exit": os.waitstatus_to_exitcode(status)}))
`;

function runOnTerminal(
  argv: string[],
  steps: [prompt: string, keys: string][],
  env: Record<string, string>,
): Promise<{ output: string; exit: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", PTY_DRIVER, ...argv], {
      cwd: root,
      env: { PATH: process.env["PATH"] ?? "", PTY_STEPS: JSON.stringify(steps), ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => {
      try {
        resolve(JSON.parse(stdout) as { output: string; exit: number });
      } catch {
        reject(new Error(`the pty driver printed no result: ${stdout}`));
      }
    });
  });
}

const cli = [process.execPath, "--import", "tsx", "src/cli.ts"];

describe.skipIf(!hasPythonPty || onServerPostgres)(
  `createsuperuser on a real terminal (${EMBEDDED_ONLY})`,
  () => {
    it("does not echo the password, and takes Backspace and a typed-ahead second answer", async () => {
      const dataDir = migratedDataDir("tollgate-tty-");
      const password = "Quill-Harbor-93-Lantern";
      const result = await runOnTerminal(
        [...cli, "createsuperuser"],
        [
          ["Email: ", "tty-boss@example.com\r"],
          // A wrong last character erased with Backspace; the second answer typed ahead with Enter.
          ["Password: ", `${password}X\x7f\r${password}\r`],
        ],
        { DATA_DIR: dataDir },
      );
      expect(result.output).toContain("Superuser tty-boss@example.com created.");
      expect(result.output).not.toContain(password.slice(0, 5));
      expect(result.output).not.toContain("*");
      expect(result.exit).toBe(0);
    }, 90_000);

    it("stops with exit code 130 on Ctrl+C at the password", async () => {
      const dataDir = migratedDataDir("tollgate-tty-");
      const result = await runOnTerminal(
        [...cli, "createsuperuser"],
        [
          ["Email: ", "tty-quit@example.com\r"],
          ["Password: ", "half-typed\x03"],
        ],
        { DATA_DIR: dataDir },
      );
      expect(result.output).toContain("Cancelled.");
      expect(result.output).not.toContain("half-typed");
      expect(result.output).not.toContain("Error");
      expect(result.exit).toBe(130);
    }, 90_000);
  },
);

describe("the contract's command names", () => {
  it.each([
    ["bootstrap_demo", "bootstrap-demo"],
    ["create_billing_periods", "create-billing-periods"],
    ["mark_overdue_periods", "mark-overdue-periods"],
  ])("%s runs %s", async (contractName, name) => {
    const out: string[] = [];
    const code = await runCommandLine([contractName, "--help"], allCommands(testConfig()), {
      io: { out: (line) => out.push(line), err: (line) => out.push(line) },
      services: () => Promise.reject(new Error("--help needs no database")),
    });
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(new RegExp(`^Usage: tollgate ${name}\\b`));
  });
});
