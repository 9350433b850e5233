import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters for login failures and verification resends, shared by every instance.
 * One row per key ("login:<email>|<ip>", "login-ip:<ip>", "resend:<email>", "reset:<email>"); changed only by one
 * atomic upsert, never read-modify-write.
 */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
});
