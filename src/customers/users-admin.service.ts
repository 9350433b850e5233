import type { Logger } from "pino";
import { changedFields, recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { platformError, validationError } from "../platform/errors.js";
import { pageWindow } from "../platform/pagination.js";
import type { AuthThrottle } from "./auth-throttle.service.js";
import type { JwtService } from "./jwt/jwt.service.js";
import { recordSecurityEvent, type ClientMeta, NO_CLIENT } from "./security-log.js";
import type { SessionsService } from "./sessions.service.js";
import type { TokensService } from "./tokens.service.js";
import {
  findUserByEmail,
  findUserById,
  findUserByIdForUpdate,
  listUsers,
  unlockUser,
  updateUserFlags,
} from "./users.queries.js";
import type { User } from "./users.table.js";

export interface UserChanges {
  readonly isActive?: boolean | undefined;
  readonly isStaff?: boolean | undefined;
}

export interface UsersAdminService {
  /** Every user, newest first; `email` matches any part, in any case. */
  list(query: {
    email?: string | undefined;
    isActive?: boolean | undefined;
    page?: number | undefined;
  }): Promise<{ page: number; count: number; rows: User[] }>;
  /** One user, or not_found. */
  get(userId: string): Promise<User>;
  /**
   * Activates or deactivates a user, or grants or removes staff. Deactivation ends the user's
   * sessions and JWT refresh tokens, and stops their API tokens and JWT access tokens in every
   * instance at once. Staff cannot lock themselves out.
   */
  update(actor: Actor, userId: string, changes: UserChanges): Promise<User>;
  /** The same, for the CLI: the user named by email, changed by the operator. */
  updateByEmail(email: string, changes: UserChanges): Promise<User>;
  /**
   * Lifts a lockout at once: the failed-login count (and the email's login throttle) starts
   * again. Audited, and in the user's security log, also when the account was not locked.
   */
  unlock(actor: Actor, userId: string, client: ClientMeta): Promise<User>;
  /** The same, for the CLI. */
  unlockByEmail(email: string): Promise<User>;
}

export function createUsersAdminService(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  sessions: SessionsService;
  tokens: TokensService;
  throttle: AuthThrottle;
  jwt: Pick<JwtService, "revokeUser">;
}): UsersAdminService {
  const { db, clock, log, sessions, tokens, throttle, jwt } = deps;

  async function findByEmail(email: string): Promise<User> {
    const user = await findUserByEmail(db, email.trim());
    if (user === undefined) throw platformError("not_found", `No user ${email.trim()}.`);
    return user;
  }

  return {
    async list(query) {
      const { limit, offset, page } = pageWindow(query.page);
      const { count, rows } = await listUsers(db, { ...query, limit, offset });
      return { page, count, rows };
    },

    async get(userId) {
      const user = await findUserById(db, userId);
      if (user === undefined) throw platformError("not_found", "No such user.");
      return user;
    },

    async updateByEmail(email, changes) {
      return this.update(null, (await findByEmail(email)).id, changes);
    },

    async unlockByEmail(email) {
      return this.unlock(null, (await findByEmail(email)).id, NO_CLIENT);
    },

    async unlock(actor, rawUserId, client) {
      const userId = rawUserId.toLowerCase();
      const now = clock.now();
      const user = await db.transaction(async (tx) => {
        const before = await findUserByIdForUpdate(tx, userId);
        if (before === undefined) return undefined;
        const after = await unlockUser(tx, userId);
        if (after === undefined) return undefined;
        const wasLocked = before.lockedUntil !== null && before.lockedUntil > now;
        await recordAudit(tx, {
          actor,
          action: "user.unlock",
          targetType: "user",
          targetId: after.id,
          details: {
            email: after.email,
            was_locked: wasLocked,
            failed_login_count: before.failedLoginCount,
          },
        });
        await recordSecurityEvent(tx, {
          userId: after.id,
          type: "account_unlocked",
          client,
          at: now,
          details: { by: actor === null ? "cli" : "staff", was_locked: wasLocked },
        });
        return after;
      });
      if (user === undefined) throw platformError("not_found", "No such user.");
      await throttle.clearLoginFailures(user.email);
      log.info({ user_id: user.id, by: actor?.id ?? "cli" }, "user unlocked by staff");
      return user;
    },

    async update(actor, rawUserId, changes) {
      // UUIDs arrive in any letter case; Postgres compares them as values, this check as text.
      const userId = rawUserId.toLowerCase();
      if (actor?.id === userId && (changes.isActive === false || changes.isStaff === false)) {
        throw validationError(
          [
            {
              field: changes.isActive === false ? "is_active" : "is_staff",
              code: "own_account",
              message: "Staff cannot deactivate themselves or remove their own staff status.",
            },
          ],
          "Ask another staff member to make this change.",
        );
      }
      const user = await db.transaction(async (tx) => {
        const before = await findUserById(tx, userId);
        if (before === undefined) return undefined;
        const after = await updateUserFlags(tx, userId, changes);
        if (after === undefined) return undefined;
        await recordAudit(tx, {
          actor,
          action: "user.update",
          targetType: "user",
          targetId: after.id,
          details: {
            email: after.email,
            ...changedFields([
              ["is_active", before.isActive, after.isActive],
              ["is_staff", before.isStaff, after.isStaff],
            ]),
          },
        });
        return after;
      });
      if (user === undefined) throw platformError("not_found", "No such user.");
      if (changes.isActive === false) {
        await sessions.endAll(user.id);
        await jwt.revokeUser(user.id);
      }
      // A JWT reaches staff routes, so a staff change must not wait for the cached status.
      if (changes.isActive !== undefined || changes.isStaff !== undefined) {
        await tokens.forgetUser(user.id);
      }
      log.info(
        {
          user_id: user.id,
          by: actor?.id ?? "cli",
          is_active: user.isActive,
          is_staff: user.isStaff,
        },
        "user updated by staff",
      );
      return user;
    },
  };
}
