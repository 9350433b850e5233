import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import type { Principal } from "../../platform/auth.js";
import type { Clock } from "../../platform/clock.js";
import type { Db } from "../../platform/db/database.js";
import { platformError } from "../../platform/errors.js";
import type { AccountsService } from "../accounts.service.js";
import { customersError } from "../customers.errors.js";
import {
  deleteExpiredRefreshFamilies,
  findRefreshTokenByHash,
  insertRefreshToken,
  revokeRefreshFamily,
  revokeRefreshTokensOfUser,
  rotateRefreshToken,
} from "../refresh-tokens.queries.js";
import { randomSecret, sha256Hex } from "../secrets.js";
import { recordSecurityEvent, type ClientMeta } from "../security-log.js";
import { findUserByIdForUpdate } from "../users.queries.js";
import type { User } from "../users.table.js";
import { bearerJwtOf, signAccessToken, verifyAccessToken } from "./access-tokens.js";
import type { UserStatusCache } from "./user-status-cache.js";

/** `rt_` + 32 random bytes in base64url: neither an API token (`tok_`) nor a JWT (no dots). */
const REFRESH_TOKEN = /^rt_[A-Za-z0-9_-]{43}$/;

export interface TokenPair {
  readonly access: string;
  readonly refresh: string;
}

export interface JwtService {
  /** The session login's rules (throttling, lockout, verification), then a new token family. */
  login(input: {
    email: string;
    password: string;
    client: ClientMeta;
  }): Promise<TokenPair & { user: User }>;
  /**
   * Exchanges a refresh token for a new pair; the presented one is spent. Presenting a spent one
   * again revokes its whole family (401 token_reused).
   */
  refresh(refreshToken: string, client: ClientMeta): Promise<TokenPair>;
  /** Revokes the token's family; an unknown or already revoked token is no error. */
  logout(refreshToken: string, client: ClientMeta): Promise<void>;
  /** The principal of an `Authorization: Bearer <jwt>` header, or null. */
  authenticate(authorization: string | undefined): Promise<Principal | null>;
  /**
   * Ends every refresh family of the user (deactivation). Its access tokens are stopped by
   * tokens.forgetUser, which drops the user's cached status in every instance.
   */
  revokeUser(userId: string): Promise<void>;
  /** Deletes the refresh-token families that have expired entirely; how many tokens went. */
  purgeExpired(): Promise<number>;
}

type RefreshOutcome =
  | { readonly kind: "rotated"; readonly userId: string; readonly refresh: string }
  | { readonly kind: "reused"; readonly userId: string }
  | { readonly kind: "invalid" };

export function createJwtService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
  accounts: Pick<AccountsService, "checkCredentials">;
  userStatus: UserStatusCache;
}): JwtService {
  const { db, config, clock, log, accounts, userStatus } = deps;
  const settings = config.jwt;
  const refreshLifetimeMs = settings.refreshTokenMinutes * 60_000;

  const invalidRefresh = () =>
    platformError("invalid_token", "The refresh token is invalid, expired or revoked.");

  function newRefreshToken(now: Date) {
    const token = `rt_${randomSecret()}`;
    return {
      token,
      tokenHash: sha256Hex(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + refreshLifetimeMs),
    };
  }

  return {
    async login(input) {
      const user = await accounts.checkCredentials(input);
      const now = clock.now();
      const refresh = newRefreshToken(now);
      await db.transaction(async (tx) => {
        await insertRefreshToken(tx, {
          familyId: randomUUID(),
          userId: user.id,
          tokenHash: refresh.tokenHash,
          createdAt: refresh.createdAt,
          expiresAt: refresh.expiresAt,
        });
        await recordSecurityEvent(tx, {
          userId: user.id,
          type: "login_succeeded",
          client: input.client,
          at: now,
          details: { via: "jwt" },
        });
      });
      log.info({ user_id: user.id }, "logged in (jwt)");
      return {
        access: await signAccessToken(settings, user.id, now),
        refresh: refresh.token,
        user,
      };
    },

    async refresh(refreshToken, client) {
      if (!REFRESH_TOKEN.test(refreshToken)) throw invalidRefresh();
      const tokenHash = sha256Hex(refreshToken);
      const now = clock.now();
      // Reuse detection commits its revocation and event, so the transaction returns the outcome
      // rather than throwing it.
      const outcome = await db.transaction(async (tx): Promise<RefreshOutcome> => {
        const presented = await findRefreshTokenByHash(tx, tokenHash);
        if (presented === undefined) return { kind: "invalid" };
        // Every revocation (logout, reuse, password change or reset) locks the user row first:
        // taking it here means none runs between this rotation and the next token's insert, so a
        // revocation always sees the token a parallel refresh issues.
        const user = await findUserByIdForUpdate(tx, presented.userId);
        const spent = await rotateRefreshToken(tx, tokenHash, now);
        if (spent === undefined) {
          // Read after the failed UPDATE: it waited for a parallel rotation, now visible.
          const known = await findRefreshTokenByHash(tx, tokenHash);
          if (known?.rotatedAt == null) return { kind: "invalid" };
          await revokeRefreshFamily(tx, known.familyId, now);
          await recordSecurityEvent(tx, {
            userId: known.userId,
            type: "jwt_refresh_reuse_detected",
            client,
            at: now,
            details: { via: "jwt", family_id: known.familyId },
          });
          return { kind: "reused", userId: known.userId };
        }
        if (user?.isActive !== true) {
          await revokeRefreshFamily(tx, spent.familyId, now);
          return { kind: "invalid" };
        }
        const next = newRefreshToken(now);
        await insertRefreshToken(tx, {
          familyId: spent.familyId,
          userId: spent.userId,
          tokenHash: next.tokenHash,
          createdAt: next.createdAt,
          expiresAt: next.expiresAt,
        });
        return { kind: "rotated", userId: spent.userId, refresh: next.token };
      });
      if (outcome.kind === "reused") {
        log.warn({ user_id: outcome.userId }, "jwt refresh token reused; its family is revoked");
        throw customersError(
          "token_reused",
          "This refresh token was already used; every token of its login is revoked. Log in again.",
        );
      }
      if (outcome.kind === "invalid") throw invalidRefresh();
      return {
        access: await signAccessToken(settings, outcome.userId, now),
        refresh: outcome.refresh,
      };
    },

    async logout(refreshToken, client) {
      if (!REFRESH_TOKEN.test(refreshToken)) return;
      const now = clock.now();
      await db.transaction(async (tx) => {
        const tokenHash = sha256Hex(refreshToken);
        const found = await findRefreshTokenByHash(tx, tokenHash);
        if (found === undefined) return;
        // As in refresh: the user's lock orders this revocation with a rotation in flight.
        await findUserByIdForUpdate(tx, found.userId);
        const known = await findRefreshTokenByHash(tx, tokenHash);
        // Every revocation is family-wide (or user-wide): a revoked token's family is over already.
        if (known?.revokedAt !== null) return;
        await revokeRefreshFamily(tx, known.familyId, now);
        await recordSecurityEvent(tx, {
          userId: known.userId,
          type: "logout",
          client,
          at: now,
          details: { via: "jwt" },
        });
      });
    },

    async authenticate(authorization) {
      const token = bearerJwtOf(authorization);
      if (token === undefined) return null;
      const userId = await verifyAccessToken(settings, token, clock.now());
      if (userId === undefined) return null;
      const status = await userStatus.get(userId);
      if (status?.active !== true) return null;
      return { userId, email: status.email, isStaff: status.isStaff, via: "jwt" };
    },

    async revokeUser(userId) {
      await revokeRefreshTokensOfUser(db, userId, clock.now());
    },

    purgeExpired: () => deleteExpiredRefreshFamilies(db, clock.now()),
  };
}
