import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.table.js";

/**
 * JWT refresh tokens, stored as a SHA-256 hash so they can be rotated and revoked. A login starts
 * a family; each refresh marks its token rotated and issues the next one in the same family.
 * Presenting a rotated token again revokes the whole family (it was stolen or replayed).
 */
export const jwtRefreshTokens = pgTable(
  "jwt_refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    familyId: uuid("family_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when this token was exchanged for the next one of its family. */
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    /** Set by logout (blacklist), reuse detection, a password reset or deactivation. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jwt_refresh_tokens_hash_key").on(t.tokenHash),
    index("jwt_refresh_tokens_family_idx").on(t.familyId),
    index("jwt_refresh_tokens_user_idx").on(t.userId),
    index("jwt_refresh_tokens_expires_at_idx").on(t.expiresAt),
  ],
);

export type JwtRefreshToken = typeof jwtRefreshTokens.$inferSelect;
