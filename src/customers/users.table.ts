import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
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
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lower_case", sql`${t.email} = lower(${t.email})`),
  ],
);

export type User = typeof users.$inferSelect;
