import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { ensureCoreSettings } from "../core/core-settings.queries.js";
import type { Services } from "../services.js";
import { apiTokens } from "./api-tokens.table.js";
import { findUsableInvite } from "./invites.queries.js";
import { findUserByEmail } from "./users.queries.js";

export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const DEMO_USER_EMAIL = "demo@example.com";

/** What bootstrap-demo made; secrets are null on a re-run (they are only known when created). */
export interface DemoFacts {
  admin: { email: string; password: string | null };
  user: { email: string; password: string | null };
  invite_code: string;
  token: string | null;
}

function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Idempotent demo data: one staff admin, one verified user, one unused invite, one API token for
 * the user and the core settings row. Passwords are random and returned once.
 */
export async function seedDemo(services: Services): Promise<DemoFacts> {
  const { db, config, clock } = services;
  const { accounts, invites, tokens } = services.customers;
  await ensureCoreSettings(db, config);

  async function ensureAccount(email: string, isStaff: boolean) {
    const existing = await findUserByEmail(db, email);
    if (existing !== undefined) return { user: existing, password: null };
    const password = randomPassword();
    return { user: await accounts.createVerifiedAccount({ email, password, isStaff }), password };
  }
  const admin = await ensureAccount(DEMO_ADMIN_EMAIL, true);
  const user = await ensureAccount(DEMO_USER_EMAIL, false);

  const invite =
    (await findUsableInvite(db, clock.now())) ??
    (await invites.createInvites({ count: 1, expiresAt: null }))[0];
  if (invite === undefined) throw new Error("no invite code after creating one");

  const [liveToken] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, user.user.id), isNull(apiTokens.revokedAt)))
    .limit(1);
  const token =
    liveToken === undefined ? (await tokens.createToken(user.user.id, "demo")).token : null;

  return {
    admin: { email: DEMO_ADMIN_EMAIL, password: admin.password },
    user: { email: DEMO_USER_EMAIL, password: user.password },
    invite_code: invite.code,
    token,
  };
}

/** The facts as lines for a terminal; secrets that cannot be shown again say so. */
export function formatDemoFacts(facts: DemoFacts): string {
  const secret = (value: string | null) => value ?? "(unchanged; shown only when first created)";
  return [
    "Demo data:",
    `  admin:       ${facts.admin.email}  password: ${secret(facts.admin.password)}`,
    `  user:        ${facts.user.email}  password: ${secret(facts.user.password)}`,
    `  invite code: ${facts.invite_code}`,
    `  API token:   ${secret(facts.token)}`,
  ].join("\n");
}
