import { createHmac, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { ensureCoreSettings } from "../core/core-settings.queries.js";
import { IMAGE_SOLVE_SERVICE } from "../core/solve.service.js";
import type { Services } from "../services.js";
import type { Db } from "../platform/db/database.js";
import { seedDemoUsage } from "../usage/demo-usage.js";
import { apiTokens } from "./api-tokens.table.js";
import { inviteCodes, type InviteCode } from "./invite-codes.table.js";
import { findInviteByCode } from "./invites.queries.js";
import { hashSecret } from "./password-hashing.js";
import { findUserByEmail, takeOverPendingAccount } from "./users.queries.js";
import type { User } from "./users.table.js";

export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const DEMO_USER_EMAIL = "demo@example.com";

/** What bootstrap-demo made; secrets are null on a re-run (they are only known when created). */
export interface DemoFacts {
  admin: { email: string; password: string | null };
  user: { email: string; password: string | null };
  invite_code: string;
  token: string | null;
}

/** A demo address belongs to an account that lacks what bootstrap-demo promises about it. */
export class DemoAccountConflict extends Error {
  constructor(email: string, wrong: string[]) {
    super(
      `${email} already exists but ${wrong.join(" and ")}, so the demo facts would be false; ` +
        "bootstrap-demo changes no existing account: fix that one (activate-user, or staff rights " +
        "through PATCH /api/admin/users/{id}) or use a fresh database.",
    );
    this.name = "DemoAccountConflict";
  }
}

const isPending = (user: User) => user.emailVerifiedAt === null && user.isActive;

/**
 * An existing demo account must already be what the printed facts say (verified, active, staff
 * for the admin): it may be someone's real account, whose rights or state are not the seed's to
 * change.
 */
function assertAsPromised(email: string, isStaff: boolean, user: User): void {
  const wrong = [
    ...(user.isActive ? [] : ["is deactivated"]),
    ...(user.emailVerifiedAt === null ? ["is not verified"] : []),
    ...(isStaff && !user.isStaff ? ["is not staff"] : []),
  ];
  if (wrong.length > 0) throw new DemoAccountConflict(email, wrong);
}

function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * The n-th demo invite code, derived from SECRET_KEY and the demo admin's (random) id:
 * bootstrap-demo recognises the invite it made itself without a marker column, so it never shows
 * an invite that staff created. The same shape as a random code (20 hex digits), and unguessable
 * even where SECRET_KEY is a published placeholder, since the admin's id is not public.
 */
function demoInviteCode(secretKey: string, adminId: string, n: number): string {
  return createHmac("sha256", secretKey)
    .update(`tollgate demo invite ${adminId} ${String(n)}`)
    .digest("hex")
    .slice(0, 20);
}

/** The first demo invite that is still usable, creating the next one when all were used. */
async function ensureDemoInvite(
  db: Db,
  secretKey: string,
  adminId: string,
  now: Date,
): Promise<InviteCode> {
  // Each used or deactivated demo invite moves on to the next code; a thousand is plenty.
  for (let n = 0; n < 1000; n += 1) {
    const code = demoInviteCode(secretKey, adminId, n);
    let invite = await findInviteByCode(db, code);
    if (invite === undefined) {
      // A concurrent seeding may insert the same code first; then both use that row.
      await db
        .insert(inviteCodes)
        .values({ code, expiresAt: null, createdAt: now })
        .onConflictDoNothing({ target: inviteCodes.code });
      invite = await findInviteByCode(db, code);
    }
    if (
      invite !== undefined &&
      invite.isActive &&
      invite.usedBy === null &&
      (invite.expiresAt === null || invite.expiresAt > now)
    ) {
      return invite;
    }
  }
  throw new Error("every demo invite code is used");
}

/**
 * Idempotent demo data: one staff admin, one verified user with its trial credits, one unused
 * invite, one API token for the user, the core settings row, the default services' rows, and
 * an ended month of the user's usage for staff to settle. Passwords are random and returned
 * once. A pending registration of a demo address is taken over (new password); any other
 * existing account there must already be what is promised, or DemoAccountConflict is thrown and
 * nothing is printed.
 */
export async function seedDemo(services: Services): Promise<DemoFacts> {
  const { db, config, clock } = services;
  const { accounts, tokens } = services.customers;
  const settings = await ensureCoreSettings(db, config);

  async function ensureAccount(email: string, isStaff: boolean, existing: User | undefined) {
    if (existing === undefined) {
      const password = randomPassword();
      return { user: await accounts.createVerifiedAccount({ email, password, isStaff }), password };
    }
    if (isPending(existing)) {
      // A pending registration owns nothing (anyone may register the address again), and its
      // registrant's password must not end up on a staff or demo account: a new one replaces it.
      const password = randomPassword();
      const user = await takeOverPendingAccount(db, existing.id, {
        password: await hashSecret(password),
        isStaff,
        emailVerifiedAt: clock.now(),
      });
      if (user !== undefined) return { user, password };
      // Verified or deactivated meanwhile: judged as it is now.
      existing = (await findUserByEmail(db, email)) ?? existing;
    }
    assertAsPromised(email, isStaff, existing);
    return { user: existing, password: null };
  }
  // Both checked before anything is written, so a refusal never loses a password made meanwhile.
  const existingAdmin = await findUserByEmail(db, DEMO_ADMIN_EMAIL);
  const existingUser = await findUserByEmail(db, DEMO_USER_EMAIL);
  for (const [email, isStaff, existing] of [
    [DEMO_ADMIN_EMAIL, true, existingAdmin],
    [DEMO_USER_EMAIL, false, existingUser],
  ] as const) {
    if (existing !== undefined && !isPending(existing)) assertAsPromised(email, isStaff, existing);
  }
  const admin = await ensureAccount(DEMO_ADMIN_EMAIL, true, existingAdmin);
  const user = await ensureAccount(DEMO_USER_EMAIL, false, existingUser);

  const invite = await ensureDemoInvite(db, config.secretKey, admin.user.id, clock.now());

  const [liveToken] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, user.user.id), isNull(apiTokens.revokedAt)))
    .limit(1);
  const created = liveToken === undefined ? await tokens.createToken(user.user.id, "demo") : null;
  await seedDemoUsage(db, {
    userId: user.user.id,
    tokenId: liveToken?.id ?? created?.id ?? null,
    service: IMAGE_SOLVE_SERVICE,
    costPerRequestCents: settings.costPerRequestCents,
    now: clock.now(),
  });
  await services.aiServices.createDefaultRows();
  // Once per user (the grant's source is unique), like a verified customer's.
  await db.transaction((tx) => services.credits.grantTrialCredits(tx, user.user.id));

  return {
    admin: { email: DEMO_ADMIN_EMAIL, password: admin.password },
    user: { email: DEMO_USER_EMAIL, password: user.password },
    invite_code: invite.code,
    token: created?.token ?? null,
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
