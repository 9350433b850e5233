import { randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Clock } from "../platform/clock.js";
import { validationError } from "../platform/errors.js";
import type { Db } from "../platform/db/database.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { customersError } from "./customers.errors.js";
import type { InviteCode } from "./invite-codes.table.js";
import {
  findInviteWithStatus,
  insertInvites,
  listInvites,
  withdrawInvite,
  type InviteStatus,
  type InviteWithStatus,
} from "./invites.queries.js";

export const MAX_INVITES_PER_REQUEST = 100;

export interface InvitesService {
  /**
   * Creates `count` fresh invite codes (20 hex characters each), optionally expiring, with an
   * audit entry for each (the entry names the invite's id, never its code).
   */
  createInvites(options: {
    count: number;
    expiresAt: Date | null;
    actor: Actor;
  }): Promise<InviteCode[]>;
  /** Staff: invites newest first, each with its status now. */
  listInvites(query: {
    status?: InviteStatus | undefined;
    page?: number | undefined;
  }): Promise<Listed<InviteWithStatus>>;
  /**
   * Staff: makes an unused invite unusable for registering, with an audit entry. Idempotent (a
   * withdrawn invite is returned as it is, with no second entry); a used one is 409 invite_used.
   */
  withdrawInvite(id: string, actor: Actor): Promise<InviteWithStatus>;
}

export function createInvitesService(deps: { db: Db; clock: Clock }): InvitesService {
  const { db, clock } = deps;
  return {
    async createInvites({ count, expiresAt, actor }) {
      const createdAt = clock.now();
      if (expiresAt !== null && expiresAt.getTime() <= createdAt.getTime()) {
        throw validationError([
          { field: "expires_at", code: "in_the_past", message: "Must be in the future." },
        ]);
      }
      if (expiresAt !== null && expiresAt.getUTCFullYear() > 9998) {
        throw validationError([
          { field: "expires_at", code: "out_of_range", message: "Must be before the year 9999." },
        ]);
      }
      const rows = Array.from({ length: count }, () => ({
        code: randomBytes(10).toString("hex"),
        expiresAt,
        createdAt,
      }));
      return db.transaction(async (tx) => {
        const invites = await insertInvites(tx, rows);
        for (const invite of invites) {
          await recordAudit(tx, {
            actor,
            action: "invite.create",
            targetType: "invite",
            targetId: invite.id,
            details: { expires_at: invite.expiresAt?.toISOString() ?? null },
          });
        }
        return invites;
      });
    },

    async listInvites({ status, page: requested }) {
      const { limit, offset, page } = pageWindow(requested);
      const { count, rows } = await listInvites(db, { status, now: clock.now(), limit, offset });
      return { page, count, rows };
    },

    async withdrawInvite(id, actor) {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const withdrawn = await withdrawInvite(tx, id, now);
        if (withdrawn !== undefined) {
          await recordAudit(tx, {
            actor,
            action: "invite.withdraw",
            targetType: "invite",
            targetId: withdrawn.id,
            details: { expires_at: withdrawn.expiresAt?.toISOString() ?? null },
          });
        }
        // Read after the UPDATE, which waited for any registration claiming it at once.
        const invite = await findInviteWithStatus(tx, id, now);
        if (invite === undefined) throw customersError("not_found", "No such invite.");
        if (invite.status === "used") {
          throw customersError(
            "invite_used",
            "This invite code has already been used; a used invite cannot be withdrawn.",
          );
        }
        return invite;
      });
    },
  };
}
