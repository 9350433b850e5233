import { and, eq, gt, gte, isNull, lt, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../platform/db/database.js";
import { jwtRefreshTokens, type JwtRefreshToken } from "./jwt-refresh-tokens.table.js";

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

export async function insertRefreshToken(
  db: DbOrTx,
  values: {
    familyId: string;
    userId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(jwtRefreshTokens).values(values);
}

/**
 * Marks a usable token rotated in one conditional statement, so of two parallel refreshes with
 * one token only the first gets its row; undefined when it was not usable (or is unknown).
 */
export async function rotateRefreshToken(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<JwtRefreshToken | undefined> {
  const [row] = await db
    .update(jwtRefreshTokens)
    .set({ rotatedAt: now })
    .where(
      and(
        eq(jwtRefreshTokens.tokenHash, tokenHash),
        isNull(jwtRefreshTokens.rotatedAt),
        isNull(jwtRefreshTokens.revokedAt),
        gt(jwtRefreshTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export async function findRefreshTokenByHash(
  db: DbOrTx,
  tokenHash: string,
): Promise<JwtRefreshToken | undefined> {
  const [row] = await db
    .select()
    .from(jwtRefreshTokens)
    .where(eq(jwtRefreshTokens.tokenHash, tokenHash));
  return row;
}

/** Revokes every token of the family still unrevoked (logout, reuse detection). */
export async function revokeRefreshFamily(db: DbOrTx, familyId: string, now: Date): Promise<void> {
  await db
    .update(jwtRefreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(jwtRefreshTokens.familyId, familyId), isNull(jwtRefreshTokens.revokedAt)));
}

/**
 * Deletes the families whose every token expired before `now`. A family with a live token keeps
 * its spent ones, so presenting one of them is still detected as reuse.
 */
export async function deleteExpiredRefreshFamilies(db: DbOrTx, now: Date): Promise<number> {
  const live = alias(jwtRefreshTokens, "live");
  const deleted = await db
    .delete(jwtRefreshTokens)
    .where(
      and(
        lt(jwtRefreshTokens.expiresAt, now),
        notExists(
          db
            .select({ id: live.id })
            .from(live)
            .where(and(eq(live.familyId, jwtRefreshTokens.familyId), gte(live.expiresAt, now))),
        ),
      ),
    )
    .returning({ id: jwtRefreshTokens.id });
  return deleted.length;
}
