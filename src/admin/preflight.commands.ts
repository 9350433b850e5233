import type { Command } from "../platform/cli.js";
import type { CheckResult, CheckStatus } from "./preflight.service.js";

const LABEL: Record<CheckStatus, string> = { ok: "ok  ", warn: "WARN", fail: "FAIL" };

/** One line per check: status, name, detail and, unless ok, the fix. */
export function preflightLine(check: CheckResult, nameWidth: number): string {
  const line = `${LABEL[check.status]}  ${check.name.padEnd(nameWidth)}  ${check.detail}`;
  return check.fix === null ? line : `${line} -- fix: ${check.fix}`;
}

/** `preflight`: the staff API's checks from a terminal; exit 1 when any fails. */
export const preflightCommand: Command = {
  name: "preflight",
  summary:
    "Check the deployment (database, migrations, email, AI provider, Redis, periodic jobs, --deploy findings); exit 1 on any failure.",
  usage: "[--test-email ADDRESS]",
  options: { "test-email": { type: "string" } },
  async run(context, args) {
    const services = await context.services();
    const report = await services.preflight.run();
    const width = Math.max(...report.checks.map((check) => check.name.length));
    for (const check of report.checks) context.io.out(preflightLine(check, width));
    let failed = report.status === "fail";
    const to = args.values["test-email"];
    if (typeof to === "string") {
      try {
        const sent = await services.preflight.sendTestEmail(to);
        context.io.out(`Test email sent to ${sent.to} (${sent.transport}).`);
      } catch (error) {
        context.io.err(`Test email not sent: ${(error as Error).message}`);
        failed = true;
      }
    }
    context.io.out(`Preflight: ${report.status}.`);
    return failed ? 1 : 0;
  },
};
