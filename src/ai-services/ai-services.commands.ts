import { fileURLToPath } from "node:url";
import { parseCredits, toCredits } from "../credits/credit-amounts.js";
import { reportAppError, UsageError, type Command, type ParsedArgs } from "../platform/cli.js";
import { AppError } from "../platform/errors.js";
import type { ServiceRowPatch } from "./ai-services.queries.js";
import type { ServiceView } from "./ai-services.service.js";
import { registeredServices } from "./registry.js";
import { SERVICE_TYPES, type ServiceType } from "./service-definition.js";
import { generateService, GeneratorError } from "./service-generator.js";

/** `create-default-services`: the rows of registered services that have none (idempotent). */
export const createDefaultServicesCommand: Command = {
  name: "create-default-services",
  summary: "Create the row of every registered AI service that has none (idempotent).",
  async run(context) {
    const services = await context.services();
    const created = await services.aiServices.createDefaultRows();
    context.io.out(
      created.length === 0
        ? "Every registered service has its row already."
        : `Created the rows of ${created.join(", ")}.`,
    );
    return 0;
  },
};

function table(views: readonly ServiceView[]): string[] {
  const rows: string[][] = [
    ["name", "type", "credit cost", "price (cents)", "active", "in code", "row"],
    ...views.map((v) => [
      v.name,
      v.type ?? "-",
      String(toCredits(v.creditCostMilli)),
      String(v.priceCents),
      v.isActive ? "yes" : "no",
      v.registered ? "yes" : "NO",
      v.rowPresent ? "yes" : "NO",
    ]),
  ];
  const widths = rows.reduce<number[]>(
    (max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)),
    [],
  );
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

function patchFrom(args: ParsedArgs): ServiceRowPatch {
  const { values } = args;
  if (values["active"] === true && values["inactive"] === true) {
    throw new UsageError("Give --active or --inactive, not both.");
  }
  let creditCostMilli: number | undefined;
  const cost = values["credit-cost"];
  if (typeof cost === "string") {
    const parsed = /^\d+(\.\d+)?$/.test(cost)
      ? parseCredits("credit-cost", Number(cost), { allowZero: true })
      : undefined;
    if (!parsed?.ok) {
      throw new UsageError("--credit-cost takes credits >= 0 with at most 3 decimals, e.g. 1.5.");
    }
    creditCostMilli = parsed.milli;
  }
  const price = values["price-cents"];
  if (typeof price === "string" && (!/^\d+$/.test(price) || Number(price) > 1_000_000_000)) {
    throw new UsageError("--price-cents takes a whole number of cents from 0 to 1000000000.");
  }
  const description = values["description"];
  if (typeof description === "string" && description.trim() === "") {
    throw new UsageError("--description must not be empty.");
  }
  return {
    creditCostMilli,
    priceCents: typeof price === "string" ? Number(price) : undefined,
    description: typeof description === "string" ? description.trim() : undefined,
    isActive: values["active"] === true ? true : values["inactive"] === true ? false : undefined,
  };
}

/** `configure-service`: staff's PATCH from the terminal, or `--list` every service. */
export const configureServiceCommand: Command = {
  name: "configure-service",
  summary:
    "Change an AI service's credit cost, price, description or availability (audited), or --list them all.",
  usage:
    "NAME [--credit-cost N] [--price-cents N] [--description D] [--active|--inactive] | --list",
  options: {
    list: { type: "boolean" },
    "credit-cost": { type: "string" },
    "price-cents": { type: "string" },
    description: { type: "string" },
    active: { type: "boolean" },
    inactive: { type: "boolean" },
  },
  async run(context, args) {
    const [name, ...extra] = args.positionals;
    if (args.values["list"] === true) {
      if (name !== undefined) throw new UsageError("--list takes no NAME.");
      const services = await context.services();
      for (const line of table(await services.aiServices.listAll())) context.io.out(line);
      return 0;
    }
    if (name === undefined || extra.length > 0) throw new UsageError("Give the service's NAME.");
    const patch = patchFrom(args);
    if (Object.values(patch).every((value) => value === undefined)) {
      throw new UsageError(
        "Say what to change (--credit-cost, --price-cents, --description, --active or --inactive).",
      );
    }
    const services = await context.services();
    try {
      const view = await services.aiServices.update(name, patch, null);
      for (const line of table([view])) context.io.out(line);
      return 0;
    } catch (error) {
      if (error instanceof AppError) return reportAppError(context.io, error);
      throw error;
    }
  },
};

/** `generate-service`: a new service module and its test from a template, registered. */
export const generateServiceCommand: Command = {
  name: "generate-service",
  summary: "Write a new AI service module and its test from a template, and register it.",
  usage: `NAME [--type ${SERVICE_TYPES.join("|")}]`,
  options: { type: { type: "string" } },
  async run(context, args) {
    const [name, ...extra] = args.positionals;
    if (name === undefined || extra.length > 0)
      throw new UsageError("Give the new service's NAME.");
    const type = (args.values["type"] ?? "basic") as string;
    if (!(SERVICE_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`--type takes one of ${SERVICE_TYPES.join(", ")}.`);
    }
    // The registry's names, without wiring the application: modules use core only when they run.
    const registered = registeredServices({
      core: { solver: undefined as never, settings: undefined as never },
    }).map((s) => s.name);
    try {
      const { files } = await generateService({
        aiServicesDir: fileURLToPath(new URL(".", import.meta.url)),
        name,
        type: type as ServiceType,
        registeredNames: registered,
      });
      context.io.out(
        `Created ${files[0] ?? ""} and ${files[1] ?? ""}, registered in ${files[2] ?? ""}.`,
      );
      context.io.out("Next steps:");
      context.io.out(
        `  1. Write the service: its input and output schemas and run(), in ${files[0] ?? ""}.`,
      );
      context.io.out(`  2. Test it: npx vitest run ${files[1] ?? ""}`);
      context.io.out(
        `  3. Start the server (or run create-default-services) to create its row, then price it: ` +
          `npm run cli -- configure-service ${name} --credit-cost 1`,
      );
      return 0;
    } catch (error) {
      if (error instanceof GeneratorError) {
        context.io.err(error.message);
        return 1;
      }
      throw error;
    }
  },
};

export const aiServicesCommands: readonly Command[] = [
  generateServiceCommand,
  configureServiceCommand,
  createDefaultServicesCommand,
];
