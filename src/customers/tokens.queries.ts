import { and, count, desc, eq, ilike, isNull, lte, or, type SQL } from "drizzle-orm";
import { containsPattern, startsWithPattern } from "../platform/db/like.js";
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

/**
 * Revokes the token matching `match` unless it already is; undefined when none matches.
 * `newlyRevoked` tells this revocation from a repeated one (which keeps the first time).
 */
async function revokeMatching(
  db: DbOrTx,
  match: SQL | undefined,
  now: Date,
): Promise<{ id: string; userId: string; tokenPrefix: string; newlyRevoked: boolean } | undefined> {
  const columns = {
    id: apiTokens.id,
    userId: apiTokens.userId,
    tokenPrefix: apiTokens.tokenPrefix,
  };
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(match, isNull(apiTokens.revokedAt)))
    .returning(columns);
  if (revoked !== undefined) return { ...revoked, newlyRevoked: true };
  const [existing] = await db.select(columns).from(apiTokens).where(match);
  return existing === undefined ? undefined : { ...existing, newlyRevoked: false };
}

/** Revokes the user's token (see revokeMatching); undefined when the user has no such token. */
export async function revokeApiTokenOfUser(db: DbOrTx, userId: string, tokenId: string, now: Date) {
  return revokeMatching(db, and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)), now);
}

/** Staff: revokes any user's token (see revokeMatching); undefined when there is no such token. */
export async function revokeAnyApiToken(db: DbOrTx, tokenId: string, now: Date) {
  return revokeMatching(db, eq(apiTokens.id, tokenId), now);
}

/**
 * Staff: one page of every user's tokens with their owner, newest first; never the hash.
 * `search` matches the start of the prefix (with or without "tok_") or any part of the email.
 */
export async function listAllApiTokens(
  db: DbOrTx,
  params: {
    search?: string | undefined;
    userId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const search = params.search;
  const where = and(
    search === undefined
      ? undefined
      : or(
          ilike(apiTokens.tokenPrefix, startsWithPattern(search.replace(/^tok_/i, ""))),
          ilike(users.email, containsPattern(search)),
        ),
    params.userId === undefined ? undefined : eq(apiTokens.userId, params.userId),
  );
  const [total] = await db
    .select({ value: count() })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where);
  const rows = await db
    .select({ ...listedColumns, ownerId: users.id, ownerEmail: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(params.limit)
    .offset(params.offset);
  return { count: total?.value ?? 0, rows };
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
