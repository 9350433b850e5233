import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.js";

export const SECURITY_EVENT_TYPES = [
  "login_succeeded",
  "login_failed",
  "logout",
  "password_changed",
  "password_reset_requested",
  "password_reset",
  "account_locked",
  "account_unlocked",
  "email_verified",
  "token_created",
  "token_revoked",
  "session_revoked",
  "jwt_refresh_reuse_detected",
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/**
 * What happened to an account's security, for its owner and for staff. Append-only: a trigger
 * refuses UPDATE and DELETE, and users are never deleted (deactivated instead).
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    type: text("type").$type<SecurityEventType>().notNull(),
    /** The client as seen through TRUST_PROXY; null when the CLI acted. */
    ip: text("ip"),
    /** Truncated to 256 characters. */
    userAgent: text("user_agent"),
    requestId: uuid("request_id"),
    /** Non-secret context, e.g. {"via": "jwt"} or {"reason": "wrong_password"}. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("security_events_user_idx").on(t.userId, t.createdAt),
    index("security_events_type_idx").on(t.type, t.createdAt),
    index("security_events_created_at_idx").on(t.createdAt),
    check(
      "security_events_type_known",
      sql.raw(`type IN (${SECURITY_EVENT_TYPES.map((type) => `'${type}'`).join(", ")})`),
    ),
  ],
);

export type SecurityEvent = typeof securityEvents.$inferSelect;
