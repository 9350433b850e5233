import { reportAppError, type Command } from "../platform/cli.js";
import { AppError } from "../platform/errors.js";
import type { SyncCounts, SyncReport } from "./catalog-sync.js";

/** `create-default-catalog`: the default credit packs and plans that are missing, by slug (idempotent). */
export const createDefaultCatalogCommand: Command = {
  name: "create-default-catalog",
  summary: "Create the default credit packs and plans that are missing (idempotent).",
  async run(context) {
    const services = await context.services();
    let created;
    try {
      created = await services.payments.catalog.createDefaults();
    } catch (error) {
      if (error instanceof AppError) return reportAppError(context.io, error);
      throw error;
    }
    context.io.out(
      created.length === 0
        ? "Every default product exists already."
        : `Created ${created.join(", ")}.`,
    );
    return 0;
  },
};

/** `sync-stripe-products`: Stripe's catalog into Tollgate's (Stripe is the source of truth). */
export const syncStripeProductsCommand: Command = {
  name: "sync-stripe-products",
  summary: "Import products and prices from Stripe: create, update, deactivate (idempotent).",
  async run(context) {
    const services = await context.services();
    let report: SyncReport;
    try {
      report = await services.payments.catalog.syncFromProvider(null);
    } catch (error) {
      if (error instanceof AppError) return reportAppError(context.io, error);
      throw error;
    }
    const parts: [string, SyncCounts][] = [
      ["products", report.products],
      ["prices", report.prices],
    ];
    for (const [what, counts] of parts) {
      context.io.out(
        `${what}: ${String(counts.created)} created, ${String(counts.updated)} updated, ` +
          `${String(counts.deactivated)} deactivated, ${String(counts.skipped.length)} skipped`,
      );
      for (const skipped of counts.skipped)
        context.io.out(`  skipped ${skipped.id}: ${skipped.reason}`);
    }
    return 0;
  },
};

export const paymentsCommands: readonly Command[] = [
  createDefaultCatalogCommand,
  syncStripeProductsCommand,
];
