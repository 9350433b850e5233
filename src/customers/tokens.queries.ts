import { and, count, desc, eq, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { apiTokens } from "./api-tokens.table.js";
import { users } from "./users.table.js";

const listedColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  tokenPrefix: apiTokens.tokenPrefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertApiToken(
  db: DbOrTx,
  values: { userId: string; name: string; tokenPrefix: string; tokenHash: string; createdAt: Date },
) {
  const [row] = await db.insert(apiTokens).values(values).returning(listedColumns);
  if (row === undefined) throw new Error("insert into api_tokens returned no row");
  return row;
}

/** One page of a user's tokens, newest first; never the hash. */
export async function listApiTokensOfUser(
  db: DbOrTx,
  userId: string,
  window: { limit: number; offset: number },
) {
  const [total] = await db
    .select({ value: count() })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
  const rows = await db
    .select(listedColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(window.limit)
    .offset(window.offset);
  return { count: total?.value ?? 0, rows };
}

/** Sets revoked_at once (a second revoke keeps the first time); undefined when not the user's. */
/**
 * Revokes the user's token unless it already is; undefined when the user has no such token.
 * `newlyRevoked` tells this revocation from a repeated one.
 */
export async function revokeApiTokenOfUser(
  db: DbOrTx,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<{ id: string; newlyRevoked: boolean } | undefined> {
  const ofUser = and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId));
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(ofUser, isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked !== undefined) return { id: revoked.id, newlyRevoked: true };
  const [existing] = await db.select({ id: apiTokens.id }).from(apiTokens).where(ofUser);
  return existing === undefined ? undefined : { id: existing.id, newlyRevoked: false };
}

/** Unrevoked tokens with this prefix whose user is active, with what a principal needs. */
export async function findUsableTokensByPrefix(db: DbOrTx, tokenPrefix: string) {
  return db
    .select({
      id: apiTokens.id,
      tokenHash: apiTokens.tokenHash,
      tokenPrefix: apiTokens.tokenPrefix,
      userId: users.id,
      email: users.email,
      isStaff: users.isStaff,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenPrefix, tokenPrefix),
        isNull(apiTokens.revokedAt),
        eq(users.isActive, true),
      ),
    );
}

/** Writes last_used_at unless some instance did within the last minute. */
export async function touchApiToken(
  db: DbOrTx,
  tokenId: string,
  now: Date,
  olderThan: Date,
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, olderThan)),
      ),
    );
}
