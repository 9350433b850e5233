import type { Logger } from "pino";
import { csrfTokenForSession, type Principal } from "../platform/auth.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { randomSecret, sha256Hex } from "./secrets.js";
import { NO_CLIENT, type ClientMeta } from "./security-log.js";
import {
  deleteExpiredSessionsOfUser,
  deleteOtherSessionsOfUser,
  deleteSession,
  findLiveSessionWithUser,
  insertSession,
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

export interface SessionsService {
  /** A new session; `client` is shown in the user's sessions list. */
  create(userId: string, client?: ClientMeta): Promise<NewSession>;
  /** The principal of a `sessionid` cookie value, or null (unknown, expired, inactive user). */
  authenticate(sessionKey: string | undefined): Promise<Principal | null>;
  end(sessionKey: string | undefined): Promise<void>;
  /** Ends every session of the user except the one with this (hashed) id. */
  endOthers(userId: string, keepSessionId: string | undefined): Promise<void>;
  /** Ends every session of the user. */
  endAll(userId: string): Promise<void>;
}

export function createSessionsService(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  secretKey: string;
}): SessionsService {
  const { db, clock, log, secretKey } = deps;
  return {
    async create(userId, client = NO_CLIENT) {
      const now = clock.now();
      const sessionKey = randomSecret();
      const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
      await deleteExpiredSessionsOfUser(db, userId, now);
      const id = sha256Hex(sessionKey);
      await insertSession(db, {
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

    async end(sessionKey) {
      if (sessionKey !== undefined) await deleteSession(db, sha256Hex(sessionKey));
    },

    async endOthers(userId, keepSessionId) {
      await deleteOtherSessionsOfUser(db, userId, keepSessionId);
    },

    async endAll(userId) {
      await deleteOtherSessionsOfUser(db, userId, undefined);
    },
  };
}
