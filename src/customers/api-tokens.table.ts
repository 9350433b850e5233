import { index, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./users.table.js";

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The 8 characters after "tok_"; not secret, used to find the hash to verify. */
    tokenPrefix: varchar("token_prefix", { length: 8 }).notNull(),
    /** argon2id PHC string of the whole token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    index("api_tokens_token_prefix_idx").on(t.tokenPrefix),
    index("api_tokens_user_id_idx").on(t.userId),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
