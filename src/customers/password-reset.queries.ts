import { and, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { passwordResetTokens } from "./password-reset-tokens.table.js";

export async function insertResetToken(
  db: DbOrTx,
  values: { userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResetTokens).values(values);
}

/** A newer request, a password change or a reset voids every outstanding token of the user. */
export async function deleteResetTokensOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
}

/** The user of a live token, without using it up (the cheap checks before the real work). */
export async function findLiveResetToken(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(
      and(eq(passwordResetTokens.tokenHash, tokenHash), gt(passwordResetTokens.expiresAt, now)),
    );
  return row;
}

/**
 * Uses the token up: one DELETE … RETURNING, so of any number of concurrent confirmations of one
 * token exactly one gets its user back. Undefined when unknown, used or expired.
 */
export async function consumeResetToken(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .delete(passwordResetTokens)
    .where(
      and(eq(passwordResetTokens.tokenHash, tokenHash), gt(passwordResetTokens.expiresAt, now)),
    )
    .returning({ userId: passwordResetTokens.userId });
  return row;
}
