import { preflightCommand } from "./admin/preflight.commands.js";
import { aiServicesCommands } from "./ai-services/ai-services.commands.js";
import { paymentsCommands } from "./payments/payments.commands.js";
import { subscriptionsCommands } from "./subscriptions/subscriptions.commands.js";
import type { Config } from "./config.js";
import { creditsCommands } from "./credits/credits.commands.js";
import { customersCommands } from "./customers/customers.commands.js";
import type { Command } from "./platform/cli.js";
import { checkCommand, migrateCommand } from "./platform/platform.commands.js";
import { usageCommands } from "./usage/usage.commands.js";

/** Every management command; each feature contributes its own. */
export function allCommands(config: Config): Command[] {
  return [
    migrateCommand,
    checkCommand(config),
    preflightCommand,
    ...customersCommands,
    ...usageCommands,
    ...creditsCommands,
    ...aiServicesCommands,
    ...paymentsCommands,
    ...subscriptionsCommands,
  ];
}
