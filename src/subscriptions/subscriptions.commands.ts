import { reportAppError, UsageError, type Command } from "../platform/cli.js";
import { AppError } from "../platform/errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `advance-subscription ID`: a local-provider subscription moves to its next period now (its
 * renewal paid, or its end when it was canceled), so the renewal path can be seen offline.
 */
export const advanceSubscriptionCommand: Command = {
  name: "advance-subscription",
  summary:
    "Move a local-provider subscription to its next period: its next invoice is paid (or it " +
    "ends, when canceled at the period end).",
  usage: "SUBSCRIPTION_ID",
  async run(context, args) {
    const [id, ...extra] = args.positionals;
    if (id === undefined || extra.length > 0 || !UUID.test(id)) {
      throw new UsageError("Give the subscription's id (a UUID).");
    }
    const services = await context.services();
    try {
      const advanced = await services.subscriptions.service.advance(id.toLowerCase());
      const end = advanced.currentPeriodEnd?.toISOString() ?? "-";
      context.io.out(
        advanced.status === "canceled"
          ? `Subscription ${advanced.id} ended (canceled at its period end).`
          : `Subscription ${advanced.id} is ${advanced.status} until ${end}.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) return reportAppError(context.io, error);
      throw error;
    }
  },
};

export const subscriptionsCommands: readonly Command[] = [advanceSubscriptionCommand];
