import { AppError } from "../platform/errors.js";
import { intOption, reportAppError, UsageError, type Command } from "../platform/cli.js";
import { DemoAccountConflict, formatDemoFacts, seedDemo, type DemoFacts } from "./demo-seed.js";
import { MAX_INVITES_PER_REQUEST } from "./invites.service.js";

export const createSuperuserCommand: Command = {
  name: "createsuperuser",
  summary:
    "Create a staff user (prompts; or --email with the password from TOLLGATE_SUPERUSER_PASSWORD).",
  usage: "[--email EMAIL]",
  options: { email: { type: "string" } },
  async run(context, args) {
    const services = await context.services();
    const { io } = context;
    let email = typeof args.values["email"] === "string" ? args.values["email"] : undefined;
    let password = email === undefined ? undefined : services.config.superuserPassword;
    if (password === undefined) {
      if (io.prompt === undefined) {
        const missing = [
          ...(email === undefined ? ["pass --email EMAIL"] : []),
          ...(services.config.superuserPassword === undefined
            ? ["set TOLLGATE_SUPERUSER_PASSWORD to the password"]
            : []),
        ];
        throw new UsageError(`No terminal to ask on: ${missing.join(" and ")}.`);
      }
      email ??= (await io.prompt("Email: ")).trim();
      password = await io.prompt("Password: ", { secret: true });
      const again = await io.prompt("Password (again): ", { secret: true });
      if (password !== again) {
        io.err("The passwords do not match.");
        return 1;
      }
    }
    if (email === undefined || !/^[^\s@]+@[^\s@]+$/.test(email)) {
      io.err("Enter a valid email address.");
      return 1;
    }
    try {
      const user = await services.customers.accounts.createVerifiedAccount({
        email,
        password,
        isStaff: true,
      });
      io.out(`Superuser ${user.email} created.`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) return reportAppError(io, error);
      throw error;
    }
  },
};

export const bootstrapDemoCommand: Command = {
  name: "bootstrap-demo",
  summary:
    "Create demo data once: an admin, a verified user, an invite code, an API token (idempotent).",
  usage: "[--json]",
  options: { json: { type: "boolean" } },
  async run(context, args) {
    let facts: DemoFacts;
    try {
      facts = await seedDemo(await context.services());
    } catch (error) {
      if (!(error instanceof DemoAccountConflict)) throw error;
      context.io.err(error.message);
      return 1;
    }
    context.io.out(args.values["json"] === true ? JSON.stringify(facts) : formatDemoFacts(facts));
    return 0;
  },
};

export const createInviteCommand: Command = {
  name: "create-invite",
  summary: "Create invite codes and print them, one a line.",
  usage: "[--expires-in-days N] [--count N]",
  options: { "expires-in-days": { type: "string" }, count: { type: "string" } },
  async run(context, args) {
    // The same bound as the API's, so both entry points refuse the same counts.
    const count = intOption(args, "count", 1, 1, MAX_INVITES_PER_REQUEST);
    const days = intOption(args, "expires-in-days", 0, 1, 3650);
    const services = await context.services();
    const expiresAt =
      days === 0 ? null : new Date(services.clock.now().getTime() + days * 24 * 60 * 60 * 1000);
    const invites = await services.customers.invites.createInvites({
      count,
      expiresAt,
      actor: null,
    });
    for (const invite of invites) context.io.out(invite.code);
    return 0;
  },
};

function setActiveCommand(name: string, isActive: boolean, summary: string): Command {
  return {
    name,
    summary,
    usage: "EMAIL",
    options: {},
    async run(context, args) {
      const [email, ...extra] = args.positionals;
      if (email === undefined || extra.length > 0) throw new UsageError(`Usage: ${name} EMAIL`);
      const services = await context.services();
      try {
        const user = await services.customers.usersAdmin.updateByEmail(email, { isActive });
        context.io.out(`${user.email} is ${user.isActive ? "active" : "deactivated"}.`);
        return 0;
      } catch (error) {
        if (error instanceof AppError) return reportAppError(context.io, error);
        throw error;
      }
    },
  };
}

export const deactivateUserCommand = setActiveCommand(
  "deactivate-user",
  false,
  "Deactivate a user: sessions end, API tokens and JWTs stop at once (also on other instances).",
);

export const activateUserCommand = setActiveCommand(
  "activate-user",
  true,
  "Reactivate a deactivated user; their unrevoked API tokens work again.",
);

export const unlockUserCommand: Command = {
  name: "unlock-user",
  summary: "Lift a lockout after failed logins (as POST /api/admin/users/{id}/unlock; audited).",
  usage: "--email EMAIL",
  options: { email: { type: "string" } },
  async run(context, args) {
    const email = args.values["email"];
    if (typeof email !== "string" || email.trim() === "" || args.positionals.length > 0) {
      throw new UsageError("Usage: unlock-user --email EMAIL");
    }
    const services = await context.services();
    try {
      const user = await services.customers.usersAdmin.unlockByEmail(email);
      context.io.out(`${user.email} is unlocked.`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) return reportAppError(context.io, error);
      throw error;
    }
  },
};

export const customersCommands: Command[] = [
  createSuperuserCommand,
  bootstrapDemoCommand,
  createInviteCommand,
  deactivateUserCommand,
  activateUserCommand,
  unlockUserCommand,
];
