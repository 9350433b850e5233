import type { Config } from "../config.js";
import { deploymentProblems } from "../config.js";
import type { Command } from "./cli.js";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply pending database migrations (also done on every server start).",
  async run(context) {
    // services() opens and migrates the database.
    await context.services();
    context.io.out("Database is up to date.");
    return 0;
  },
};

export function checkCommand(config: Config): Command {
  return {
    name: "check",
    summary: "Check the configuration; with --deploy, that it is fit for production.",
    usage: "[--deploy]",
    options: { deploy: { type: "boolean" } },
    async run(context, args) {
      if (args.values["deploy"] !== true) {
        context.io.out("Configuration is valid.");
        return 0;
      }
      const problems = deploymentProblems(config);
      if (problems.length === 0) {
        context.io.out("Deployment check passed: no problems found.");
        return 0;
      }
      context.io.err(`Deployment check found ${problems.length} problem(s):`);
      for (const problem of problems) context.io.err(`  - ${problem}`);
      return 1;
    },
  };
}
