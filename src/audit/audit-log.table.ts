import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";

/**
 * What staff (or an operator at the CLI) changed, written in the same transaction as the change.
 * Append-only: a trigger refuses UPDATE and DELETE, and no API changes an entry.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null when the change came from the CLI (details.via = "cli"). */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "restrict" }),
    /** The actor's email at the time, so the entry reads the same after an email change. */
    actorEmail: text("actor_email"),
    /** e.g. "credits.adjust", "service.update", "invite.create", "billing_period.mark_paid". */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    requestId: uuid("request_id"),
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
    index("audit_log_action_idx").on(t.action, t.createdAt),
    index("audit_log_target_idx").on(t.targetId, t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
