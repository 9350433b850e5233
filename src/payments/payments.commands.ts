import type { Command } from "../platform/cli.js";

/** `create-default-catalog`: the default credit packs that are missing, by slug (idempotent). */
export const createDefaultCatalogCommand: Command = {
  name: "create-default-catalog",
  summary: "Create the default credit packs that are missing (idempotent).",
  async run(context) {
    const services = await context.services();
    const created = await services.payments.catalog.createDefaults();
    context.io.out(
      created.length === 0
        ? "Every default product exists already."
        : `Created ${created.join(", ")}.`,
    );
    return 0;
  },
};

export const paymentsCommands: readonly Command[] = [createDefaultCatalogCommand];
