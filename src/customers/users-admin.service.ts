import type { Logger } from "pino";
import { changedFields, recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Db } from "../platform/db/database.js";
import { platformError, validationError } from "../platform/errors.js";
import { pageWindow } from "../platform/pagination.js";
import type { JwtService } from "./jwt/jwt.service.js";
import type { SessionsService } from "./sessions.service.js";
import type { TokensService } from "./tokens.service.js";
import { findUserByEmail, findUserById, listUsers, updateUserFlags } from "./users.queries.js";
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
  /**
   * Activates or deactivates a user, or grants or removes staff. Deactivation ends the user's
   * sessions and JWT refresh tokens, and stops their API tokens and JWT access tokens in every
   * instance at once. Staff cannot lock themselves out.
   */
  update(actor: Actor, userId: string, changes: UserChanges): Promise<User>;
  /** The same, for the CLI: the user named by email, changed by the operator. */
  updateByEmail(email: string, changes: UserChanges): Promise<User>;
}

export function createUsersAdminService(deps: {
  db: Db;
  log: Logger;
  sessions: SessionsService;
  tokens: TokensService;
  jwt: Pick<JwtService, "revokeUser">;
}): UsersAdminService {
  const { db, log, sessions, tokens, jwt } = deps;
  return {
    async list(query) {
      const { limit, offset, page } = pageWindow(query.page);
      const { count, rows } = await listUsers(db, { ...query, limit, offset });
      return { page, count, rows };
    },

    async updateByEmail(email, changes) {
      const user = await findUserByEmail(db, email.trim());
      if (user === undefined) throw platformError("not_found", `No user ${email.trim()}.`);
      return this.update(null, user.id, changes);
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
