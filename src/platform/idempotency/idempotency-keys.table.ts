import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../../customers/users.table.js";

export const idempotencyStatus = pgEnum("idempotency_status", ["in_flight", "completed"]);

/**
 * One Idempotency-Key of one user: claimed `in_flight` when its first request starts, then
 * `completed` with the final reply in the same transaction as the request's log and charge.
 * Kept 24 h (IDEMPOTENCY_TTL_MS), then purged.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** sha256 of method, path and body: the same key with another request is refused. */
    fingerprint: text("fingerprint").notNull(),
    status: idempotencyStatus("status").notNull().default("in_flight"),
    /** The request id of the run that holds (or held) the key. */
    requestId: uuid("request_id").notNull(),
    /** An in-flight claim older than this belongs to a request that died; a retry may take it. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }).notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
    check(
      "idempotency_keys_completed_check",
      sql`${t.status} = 'in_flight' or (${t.responseStatus} is not null and ${t.responseBody} is not null)`,
    ),
  ],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
