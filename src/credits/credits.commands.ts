import { findUserByEmail } from "../customers/users.queries.js";
import { reportAppError, UsageError, type Command } from "../platform/cli.js";
import { AppError } from "../platform/errors.js";
import { parseCredits, toCredits } from "./credit-amounts.js";

/** `grant-credits EMAIL AMOUNT --reason R`: a staff adjustment from the terminal (audited as the CLI). */
export const grantCreditsCommand: Command = {
  name: "grant-credits",
  summary:
    "Grant (or, with a negative AMOUNT, take away) a user's credits, with a reason; audited.",
  usage: "EMAIL AMOUNT --reason R [--kind payg|adjustment] [--expires-at DATE]",
  options: {
    reason: { type: "string" },
    kind: { type: "string" },
    "expires-at": { type: "string" },
  },
  async run(context, args) {
    const [email, amountText, ...extra] = args.positionals;
    if (email === undefined || amountText === undefined || extra.length > 0) {
      throw new UsageError("Give the user's EMAIL and the AMOUNT of credits.");
    }
    const parsed = /^-?\d+(\.\d+)?$/.test(amountText)
      ? parseCredits("AMOUNT", Number(amountText), { allowNegative: true })
      : undefined;
    if (!parsed?.ok) {
      throw new UsageError(
        `AMOUNT: ${parsed?.error.message ?? "expected a number of credits, e.g. 10 or -2.5."}`,
      );
    }
    const reason = args.values["reason"];
    if (typeof reason !== "string" || reason.trim() === "") {
      throw new UsageError("--reason is required: say why, for the audit log.");
    }
    const kind = args.values["kind"];
    if (kind !== undefined && kind !== "payg" && kind !== "adjustment") {
      throw new UsageError("--kind takes payg or adjustment.");
    }
    const expiresText = args.values["expires-at"];
    let expiresAt: Date | null = null;
    if (typeof expiresText === "string") {
      expiresAt = new Date(expiresText);
      if (Number.isNaN(expiresAt.getTime())) {
        throw new UsageError("--expires-at takes a date or date-time, e.g. 2027-01-31.");
      }
    }
    if (parsed.milli < 0 && (kind !== undefined || expiresAt !== null)) {
      throw new UsageError("Only a positive AMOUNT (a grant) takes --kind and --expires-at.");
    }
    const services = await context.services();
    if (expiresAt !== null && expiresAt <= services.clock.now()) {
      throw new UsageError("--expires-at must be in the future.");
    }
    const user = await findUserByEmail(services.db, email.trim().toLowerCase());
    if (user === undefined) {
      context.io.err(`No user ${email.trim()}.`);
      return 1;
    }
    try {
      const { balanceAfter } = await services.credits.adjust({
        userId: user.id,
        amount: parsed.milli,
        reason: reason.trim(),
        ...(kind === undefined ? {} : { kind }),
        expiresAt,
        actor: null,
      });
      context.io.out(
        `${parsed.milli > 0 ? "Granted" : "Took away"} ${toCredits(Math.abs(parsed.milli))} credits ` +
          `${parsed.milli > 0 ? "to" : "from"} ${user.email}; unspent credits now ${toCredits(balanceAfter)}.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) return reportAppError(context.io, error);
      throw error;
    }
  },
};

/** `expire-credits`: for cron; the server also runs it every minute. */
export const expireCreditsCommand: Command = {
  name: "expire-credits",
  summary: "Expire what is left of every credit grant past its expiry (idempotent; for cron).",
  async run(context) {
    const services = await context.services();
    const expired = await services.credits.expireCredits();
    context.io.out(`Expired ${expired} credit grant(s).`);
    return 0;
  },
};

/** `release-stale-reservations`: for cron; the server also runs it every minute. */
export const releaseStaleReservationsCommand: Command = {
  name: "release-stale-reservations",
  summary: "Release credit reservations older than CREDIT_RESERVATION_TTL_S (their requests died).",
  async run(context) {
    const services = await context.services();
    const released = await services.credits.releaseStaleHolds();
    context.io.out(`Released ${released} stale reservation(s).`);
    return 0;
  },
};

export const creditsCommands: readonly Command[] = [
  grantCreditsCommand,
  expireCreditsCommand,
  releaseStaleReservationsCommand,
];
