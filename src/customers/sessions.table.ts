import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.js";

/** Server-side sessions, shared by every instance. */
export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 (hex) of the cookie value; a database leak does not yield usable cookies. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The id the API shows (the primary key is the cookie's hash and must stay secret). */
    publicId: uuid("public_id").notNull().defaultRandom(),
    /** The client at login, as seen through TRUST_PROXY. */
    ip: text("ip"),
    /** Truncated to 256 characters. */
    userAgent: text("user_agent"),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_expires_at_idx").on(t.expiresAt),
    uniqueIndex("sessions_public_id_key").on(t.publicId),
  ],
);

export type Session = typeof sessions.$inferSelect;
