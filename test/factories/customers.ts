import { randomBytes } from "node:crypto";
import type { CreatedApiToken } from "../../src/customers/tokens.service.js";
import { hashSecret } from "../../src/customers/password-hashing.js";
import type { DbOrTx } from "../../src/platform/db/database.js";
import { and, eq } from "drizzle-orm";
import {
  inviteCodes,
  securityEvents,
  users,
  type InviteCode,
  type SecurityEventType,
  type User,
} from "../../src/schema.js";
import type { Services } from "../../src/services.js";
import { uniqueEmail } from "./users.js";

/** A password that passes every validator and is unique per call. */
export function strongPassword(): string {
  return `Pw-${randomBytes(9).toString("base64url")}`;
}

/** An active, verified user with a real argon2id hash of `password` (random unless given). */
export async function createVerifiedUser(
  db: DbOrTx,
  options: { password?: string; isStaff?: boolean; email?: string; isActive?: boolean } = {},
): Promise<{ user: User; password: string }> {
  const password = options.password ?? strongPassword();
  const [user] = await db
    .insert(users)
    .values({
      email: (options.email ?? uniqueEmail()).toLowerCase(),
      password: await hashSecret(password),
      isStaff: options.isStaff ?? false,
      isActive: options.isActive ?? true,
      emailVerifiedAt: new Date(),
    })
    .returning();
  return { user: user!, password };
}

/** An unused, active invite code (expiring when told). */
export async function createInvite(
  db: DbOrTx,
  overrides: Partial<typeof inviteCodes.$inferInsert> = {},
): Promise<InviteCode> {
  const [invite] = await db
    .insert(inviteCodes)
    .values({ code: `inv-${randomBytes(8).toString("hex")}`, ...overrides })
    .returning();
  return invite!;
}

/** An API token made by the token service: `token` is the whole secret, `prefix` "tok_xxxxxxxx". */
export async function createApiToken(
  t: { services: Services } | Services,
  userId: string,
  name = "test token",
): Promise<{ id: string; token: string; prefix: string; created: CreatedApiToken }> {
  const services = "services" in t ? t.services : t;
  const created = await services.customers.tokens.createToken(userId, name);
  return { id: created.id, token: created.token, prefix: created.tokenPrefix, created };
}

/** The user's row as stored now. */
export async function userRow(db: DbOrTx, id: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

/** The user's security events of one type. */
export async function securityEventsOf(db: DbOrTx, userId: string, type: SecurityEventType) {
  return db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)));
}
