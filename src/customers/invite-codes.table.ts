import {
  type AnyPgColumn,
  boolean,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users.table.js";

export const inviteCodes = pgTable(
  "invite_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** When staff withdrew it (is_active is then false too); null if never withdrawn. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** Unique: an invite is used by at most one user, ever. */
    usedBy: uuid("used_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("invite_codes_code_key").on(t.code),
    uniqueIndex("invite_codes_used_by_key").on(t.usedBy),
  ],
);

export type InviteCode = typeof inviteCodes.$inferSelect;
