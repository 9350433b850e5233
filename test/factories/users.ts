import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../src/platform/db/database.js";
import { users, type User } from "../../src/schema.js";

/**
 * A placeholder argon2id hash that matches no password; for rows whose tests never log in.
 * Tests that log in create users through the customers factories, which hash real passwords.
 */
export const UNUSABLE_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$dW51c2FibGVzYWx0$0000000000000000000000000000000000000000000";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Inserts a verified, active, non-staff user unless told otherwise. */
export async function createUser(
  db: DbOrTx,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      email: uniqueEmail(),
      password: UNUSABLE_PASSWORD_HASH,
      emailVerifiedAt: new Date(),
      ...overrides,
    })
    .returning();
  return user!;
}
