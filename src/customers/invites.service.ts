import { randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Clock } from "../platform/clock.js";
import { validationError } from "../platform/errors.js";
import type { Db } from "../platform/db/database.js";
import type { InviteCode } from "./invite-codes.table.js";
import { insertInvites } from "./invites.queries.js";

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
  };
}
