import type { Logger } from "pino";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Principal } from "../platform/auth.js";
import type { Clock } from "../platform/clock.js";
import type { Database, Db } from "../platform/db/database.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { createBearerFailureGuard } from "./bearer-failures.js";
import { customersError } from "./customers.errors.js";
import { hashSecret, verifySecret } from "./password-hashing.js";
import { randomSecret, sha256Hex } from "./secrets.js";
import { NO_CLIENT, recordSecurityEvent, type ClientMeta } from "./security-log.js";
import {
  findUsableTokensByPrefix,
  insertApiToken,
  listAllApiTokens,
  listApiTokensOfUser,
  revokeAnyApiToken,
  revokeApiTokenOfUser,
  touchApiToken,
} from "./tokens.queries.js";

/** How long a verified token is trusted without asking the database (deactivation lag, ms). */
export const TOKEN_CACHE_TTL_MS = 60_000;
const TOKEN_CACHE_MAX_ENTRIES = 10_000;
/** last_used_at is written at most once a minute per token. */
const LAST_USED_INTERVAL_MS = 60_000;
/**
 * Postgres NOTIFY channel; the payload is a revoked token's id, or "user:<id>" when a user's
 * tokens must be checked against the database again (deactivation, reactivation).
 */
export const TOKEN_REVOKED_CHANNEL = "tollgate_api_token_revoked";

const USER_PREFIX = "user:";

const BEARER = /^Bearer[ \t]+(tok_([A-Za-z0-9_-]{8})[A-Za-z0-9_-]{35})[ \t]*$/i;

export interface CreatedApiToken {
  readonly id: string;
  readonly name: string;
  /** The whole token; shown once, never stored. */
  readonly token: string;
  /** "tok_xxxxxxxx" */
  readonly tokenPrefix: string;
  readonly createdAt: Date;
}

export interface ApiTokenListItem {
  readonly id: string;
  readonly name: string;
  readonly tokenPrefix: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface AdminApiTokenListItem extends ApiTokenListItem {
  readonly ownerId: string;
  readonly ownerEmail: string;
}

export interface TokensService {
  /** `client` is who asked, for the security log (the CLI and the demo seed: none). */
  createToken(userId: string, name: string, client?: ClientMeta): Promise<CreatedApiToken>;
  listTokens(userId: string, page: number | undefined): Promise<Listed<ApiTokenListItem>>;
  /** Sets revoked_at (idempotent) and drops the token from every instance's cache. */
  revokeToken(userId: string, tokenId: string, client?: ClientMeta): Promise<void>;
  /** Staff: every user's tokens, newest first; `search` matches the prefix or the email. */
  listAllTokens(query: {
    search?: string | undefined;
    user?: string | undefined;
    page?: number | undefined;
  }): Promise<Listed<AdminApiTokenListItem>>;
  /**
   * Staff: revokes any user's token as revokeToken does, with an audit entry and an event in
   * the owner's security log (the first revocation only).
   */
  revokeTokenAsStaff(tokenId: string, actor: Actor, client: ClientMeta): Promise<void>;
  /**
   * Makes every instance ask the database again about the user's tokens: cached ones are
   * dropped (deactivation), and remembered failures are forgotten (reactivation).
   */
  forgetUser(userId: string): Promise<void>;
  /** The principal of an `Authorization: Bearer tok_…` header, or null. */
  /** `clientIp` scopes the budget of failed verifications (see bearer-failures.ts). */
  authenticateBearer(
    authorization: string | undefined,
    clientIp?: string,
  ): Promise<Principal | null>;
  /** Counters for tests and benchmarks. */
  stats(): { argon2Verifications: number; cachedTokens: number };
  /** Subscribes to revocations from other instances. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Another per-user cache that must be dropped with the user's tokens (e.g. JWT user status). */
export interface UserScopedCache {
  forgetUser(userId: string): void;
  clear(): void;
}

interface CachedToken {
  readonly principal: Principal;
  readonly expiresAt: number;
  lastUsedWrittenAt: number;
}

export function displayPrefix(tokenPrefix: string): string {
  return `tok_${tokenPrefix}`;
}

export function createTokensService(deps: {
  db: Db;
  database: Database;
  clock: Clock;
  log: Logger;
  /** Invalidated with the tokens, here and through the other instances' notifications. */
  userCaches?: readonly UserScopedCache[];
}): TokensService {
  const { db, database, clock, log } = deps;
  const userCaches = deps.userCaches ?? [];
  /** Keyed by SHA-256 (hex) of the whole token; the token itself is never kept. */
  const cache = new Map<string, CachedToken>();
  /** Concurrent first requests with one token share one argon2 verification. */
  const inFlight = new Map<string, Promise<Principal | null>>();
  /** Bumped on every invalidation; a verification that raced one is not cached. */
  let invalidations = 0;
  let argon2Verifications = 0;
  const failures = createBearerFailureGuard();
  let unsubscribe: (() => Promise<void>) | undefined;

  function forget(payload: string): void {
    invalidations += 1;
    const userId = payload.startsWith(USER_PREFIX) ? payload.slice(USER_PREFIX.length) : undefined;
    // Tokens refused while their user was inactive are remembered by hash only: forget them all.
    if (userId !== undefined) {
      failures.forgetRejected();
      for (const userCache of userCaches) userCache.forgetUser(userId);
    }
    for (const [key, entry] of cache) {
      const { principal } = entry;
      if (userId === undefined ? principal.tokenId === payload : principal.userId === userId) {
        cache.delete(key);
      }
    }
  }

  /** Forgets here at once, then tells the other instances. */
  async function broadcast(payload: string, what: Record<string, string>): Promise<void> {
    forget(payload);
    try {
      await database.notify(TOKEN_REVOKED_CHANNEL, payload);
    } catch (error) {
      // The change is committed; other instances then stop trusting it within the cache TTL.
      log.error({ err: error, ...what }, "could not broadcast api token invalidation");
    }
  }

  function recordUse(entry: CachedToken, now: number): void {
    if (now - entry.lastUsedWrittenAt < LAST_USED_INTERVAL_MS) return;
    entry.lastUsedWrittenAt = now;
    const tokenId = entry.principal.tokenId ?? "";
    touchApiToken(db, tokenId, new Date(now), new Date(now - LAST_USED_INTERVAL_MS)).catch(
      (error: unknown) => {
        log.warn({ err: error, token_id: tokenId }, "could not update api token last_used_at");
      },
    );
  }

  async function verifyUncached(token: string, prefix: string): Promise<Principal | null> {
    const candidates = await findUsableTokensByPrefix(db, prefix);
    for (const candidate of candidates) {
      argon2Verifications += 1;
      if (await verifySecret(candidate.tokenHash, token)) {
        return {
          userId: candidate.userId,
          email: candidate.email,
          isStaff: candidate.isStaff,
          via: "bearer",
          tokenId: candidate.id,
          tokenPrefix: displayPrefix(candidate.tokenPrefix),
        };
      }
    }
    return null;
  }

  return {
    async createToken(userId, name, client = NO_CLIENT) {
      const token = `tok_${randomSecret()}`;
      const prefix = token.slice(4, 12);
      const tokenHash = await hashSecret(token);
      const row = await db.transaction(async (tx) => {
        const inserted = await insertApiToken(tx, {
          userId,
          name,
          tokenPrefix: prefix,
          tokenHash,
          createdAt: clock.now(),
        });
        await recordSecurityEvent(tx, {
          userId,
          type: "token_created",
          client,
          at: inserted.createdAt,
          details: { token_id: inserted.id, token_prefix: displayPrefix(prefix) },
        });
        return inserted;
      });
      return {
        id: row.id,
        name: row.name,
        token,
        tokenPrefix: displayPrefix(row.tokenPrefix),
        createdAt: row.createdAt,
      };
    },

    async listTokens(userId, page) {
      const window = pageWindow(page);
      const { count, rows } = await listApiTokensOfUser(db, userId, window);
      return {
        count,
        page: window.page,
        rows: rows.map((row) => ({ ...row, tokenPrefix: displayPrefix(row.tokenPrefix) })),
      };
    },

    async revokeToken(userId, tokenId, client = NO_CLIENT) {
      const revoked = await db.transaction(async (tx) => {
        const now = clock.now();
        const row = await revokeApiTokenOfUser(tx, userId, tokenId, now);
        if (row === undefined) throw customersError("not_found", "No such API token.");
        // Revoking is idempotent; only the first revocation is an event.
        if (row.newlyRevoked) {
          await recordSecurityEvent(tx, {
            userId,
            type: "token_revoked",
            client,
            at: now,
            details: { token_id: row.id },
          });
        }
        return row;
      });
      // The stored id: the caller's may differ in letter case, and the cache compares text.
      await broadcast(revoked.id, { token_id: revoked.id });
    },

    async listAllTokens(query) {
      const window = pageWindow(query.page);
      const search = query.search === "" ? undefined : query.search;
      const userId = query.user?.toLowerCase();
      const { count, rows } = await listAllApiTokens(db, { search, userId, ...window });
      return {
        count,
        page: window.page,
        rows: rows.map((row) => ({ ...row, tokenPrefix: displayPrefix(row.tokenPrefix) })),
      };
    },

    async revokeTokenAsStaff(tokenId, actor, client) {
      const revoked = await db.transaction(async (tx) => {
        const now = clock.now();
        const row = await revokeAnyApiToken(tx, tokenId, now);
        if (row === undefined) throw customersError("not_found", "No such API token.");
        if (row.newlyRevoked) {
          const prefix = displayPrefix(row.tokenPrefix);
          await recordAudit(tx, {
            actor,
            action: "api_token.revoke",
            targetType: "api_token",
            targetId: row.id,
            details: { user_id: row.userId, token_prefix: prefix },
          });
          await recordSecurityEvent(tx, {
            userId: row.userId,
            type: "token_revoked",
            client,
            at: now,
            details: { token_id: row.id, by: actor === null ? "cli" : "staff" },
          });
        }
        return row;
      });
      await broadcast(revoked.id, { token_id: revoked.id });
    },

    async forgetUser(userId) {
      await broadcast(`${USER_PREFIX}${userId}`, { user_id: userId });
    },

    async authenticateBearer(authorization, clientIp = "") {
      if (authorization === undefined) return null;
      const match = BEARER.exec(authorization);
      const token = match?.[1];
      const prefix = match?.[2];
      if (token === undefined || prefix === undefined) return null;
      const key = sha256Hex(token);
      const now = clock.now().getTime();
      const cached = cache.get(key);
      if (cached !== undefined && cached.expiresAt > now) {
        recordUse(cached, now);
        return cached.principal;
      }
      if (cached !== undefined) cache.delete(key);
      const budgetKey = `${prefix}|${clientIp}`;
      if (failures.refuses(key, budgetKey, now)) return null;

      let pending = inFlight.get(key);
      if (pending === undefined) {
        const generation = invalidations;
        pending = verifyUncached(token, prefix)
          .then((principal) => {
            if (principal !== null && generation === invalidations) {
              if (cache.size >= TOKEN_CACHE_MAX_ENTRIES) {
                const oldest = cache.keys().next();
                if (oldest.done !== true) cache.delete(oldest.value);
              }
              const entry: CachedToken = {
                principal,
                expiresAt: now + TOKEN_CACHE_TTL_MS,
                lastUsedWrittenAt: 0,
              };
              cache.set(key, entry);
              recordUse(entry, now);
            }
            if (principal === null) failures.recordFailure(key, budgetKey, now);
            return principal;
          })
          .finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },

    stats() {
      return { argon2Verifications, cachedTokens: cache.size };
    },

    async start() {
      unsubscribe = await database.listen(
        TOKEN_REVOKED_CHANNEL,
        (payload) => {
          forget(payload);
        },
        {
          // Revocations broadcast while the listener was down are lost: trust nothing cached.
          onResubscribe: () => {
            invalidations += 1;
            cache.clear();
            for (const userCache of userCaches) userCache.clear();
          },
        },
      );
    },

    async close() {
      await unsubscribe?.();
      unsubscribe = undefined;
      cache.clear();
    },
  };
}
