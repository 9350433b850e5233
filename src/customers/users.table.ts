import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { inviteCodes } from "./invite-codes.table.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased, so the unique index compares case-insensitively. */
    email: text("email").notNull(),
    /** argon2id PHC string. */
    password: text("password").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    isStaff: boolean("is_staff").notNull().default(false),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    dateJoined: timestamp("date_joined", { withTimezone: true }).notNull().defaultNow(),
    /** The invite this account registered with; it is marked used when the email is verified. */
    registeredInviteId: uuid("registered_invite_id").references((): AnyPgColumn => inviteCodes.id, {
      onDelete: "set null",
    }),
    fullName: text("full_name").notNull().default(""),
    bio: text("bio").notNull().default(""),
    /** Consecutive failed logins since the last success or lock; counted atomically in SQL. */
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    /** Logins are refused until then (LOCKOUT_THRESHOLD failures in a row). */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lower_case", sql`${t.email} = lower(${t.email})`),
    check("users_failed_login_count_non_negative", sql`${t.failedLoginCount} >= 0`),
  ],
);

export type User = typeof users.$inferSelect;
