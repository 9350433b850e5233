import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { jwtRefreshTokens } from "./jwt-refresh-tokens.table.js";

/** Ends every JWT refresh family of the user (password reset, deactivation). */
export async function revokeRefreshTokensOfUser(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .update(jwtRefreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(jwtRefreshTokens.userId, userId), isNull(jwtRefreshTokens.revokedAt)));
}
