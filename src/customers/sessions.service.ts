import type { Logger } from "pino";
import { csrfTokenForSession, type Principal } from "../platform/auth.js";
import type { Clock } from "../platform/clock.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import { randomSecret, sha256Hex } from "./secrets.js";
import { customersError } from "./customers.errors.js";
import { NO_CLIENT, recordSecurityEvent, type ClientMeta } from "./security-log.js";
import {
  deleteExpiredSessionsOfUser,
  deleteOtherSessionsOfUser,
  deleteSessionOfUser,
  deleteSession,
  findLiveSessionWithUser,
  insertSession,
  listLiveSessionsOfUser,
  touchSession,
} from "./sessions.queries.js";

/** Sessions last 14 days from login (not sliding); logout or a password change ends them early. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  /** The `sessionid` cookie value; only its SHA-256 is stored. */
  readonly sessionKey: string;
  /** The session's `csrftoken` cookie value (see csrfTokenForSession). */
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** A session as its owner sees it in the sessions list. */
export interface SessionView {
  /** The public id (never the cookie or its hash). */
  readonly id: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The session this request came with. */
  readonly current: boolean;
}

export interface SessionsService {
  /**
   * A new session; `client` is shown in the user's sessions list. `tx` puts the writes in the
   * caller's transaction (with the login's security event).
   */
  create(userId: string, client?: ClientMeta, tx?: DbOrTx): Promise<NewSession>;
  /** The principal of a `sessionid` cookie value, or null (unknown, expired, inactive user). */
  authenticate(sessionKey: string | undefined): Promise<Principal | null>;
  end(sessionKey: string | undefined, tx?: DbOrTx): Promise<void>;
  /** Ends every session of the user except the one with this (hashed) id. */
  endOthers(userId: string, keepSessionId: string | undefined, tx?: DbOrTx): Promise<void>;
  /** Ends every session of the user. */
  endAll(userId: string): Promise<void>;
  /** The user's live sessions, newest first; `currentSessionId` is the request's hashed id. */
  list(userId: string, currentSessionId: string | undefined): Promise<SessionView[]>;
  /** Ends one of the user's sessions by its public id (404 not_found when not theirs). */
  revoke(userId: string, publicId: string, client: ClientMeta): Promise<void>;
  /** Ends the user's other sessions (all of them without a current one); returns how many. */
  revokeOthers(
    userId: string,
    currentSessionId: string | undefined,
    client: ClientMeta,
  ): Promise<number>;
}

export function createSessionsService(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  secretKey: string;
}): SessionsService {
  const { db, clock, log, secretKey } = deps;
  return {
    async create(userId, client = NO_CLIENT, tx = db) {
      const now = clock.now();
      const sessionKey = randomSecret();
      const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
      await deleteExpiredSessionsOfUser(tx, userId, now);
      const id = sha256Hex(sessionKey);
      await insertSession(tx, {
        id,
        userId,
        createdAt: now,
        expiresAt,
        ip: client.ip,
        userAgent: client.userAgent,
      });
      return { sessionKey, csrfToken: csrfTokenForSession(secretKey, id), expiresAt };
    },

    async authenticate(sessionKey) {
      if (sessionKey === undefined || sessionKey.length < 20 || sessionKey.length > 100)
        return null;
      const id = sha256Hex(sessionKey);
      const now = clock.now();
      const row = await findLiveSessionWithUser(db, id, now);
      if (row === undefined) return null;
      if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        touchSession(db, id, now, new Date(now.getTime() - TOUCH_INTERVAL_MS)).catch(
          (error: unknown) => {
            log.warn({ err: error }, "could not update session last_seen_at");
          },
        );
      }
      return {
        userId: row.userId,
        email: row.email,
        isStaff: row.isStaff,
        via: "session",
        sessionId: id,
      };
    },

    async end(sessionKey, tx = db) {
      if (sessionKey !== undefined) await deleteSession(tx, sha256Hex(sessionKey));
    },

    async endOthers(userId, keepSessionId, tx = db) {
      await deleteOtherSessionsOfUser(tx, userId, keepSessionId);
    },

    async endAll(userId) {
      await deleteOtherSessionsOfUser(db, userId, undefined);
    },

    async list(userId, currentSessionId) {
      const rows = await listLiveSessionsOfUser(db, userId, clock.now());
      return rows.map(({ id, publicId, ...row }) => ({
        ...row,
        id: publicId,
        current: id === currentSessionId,
      }));
    },

    async revoke(userId, publicId, client) {
      // Sessions are read from the database on every request, so the deletion ends the session
      // on every instance at once.
      await db.transaction(async (tx) => {
        const revoked = await deleteSessionOfUser(tx, userId, publicId.toLowerCase());
        if (revoked === undefined) throw customersError("not_found", "No such session.");
        await recordSecurityEvent(tx, {
          userId,
          type: "session_revoked",
          client,
          at: clock.now(),
          details: { session_id: revoked.publicId },
        });
      });
    },

    async revokeOthers(userId, currentSessionId, client) {
      return db.transaction(async (tx) => {
        const count = await deleteOtherSessionsOfUser(tx, userId, currentSessionId);
        if (count > 0) {
          await recordSecurityEvent(tx, {
            userId,
            type: "session_revoked",
            client,
            at: clock.now(),
            details: { others: count },
          });
        }
        return count;
      });
    },
  };
}
