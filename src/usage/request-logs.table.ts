import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { apiTokens } from "../customers/api-tokens.table.js";
import { users } from "../customers/users.table.js";
import { billingPeriods } from "./billing-periods.table.js";

export const requestStatus = pgEnum("request_status", ["success", "error"]);
export type RequestStatus = (typeof requestStatus.enumValues)[number];

/** One metered call: sizes and metadata only, never the payloads. */
export const requestLogs = pgTable(
  "request_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    tokenId: uuid("token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    billingPeriodId: uuid("billing_period_id").references(() => billingPeriods.id, {
      onDelete: "restrict",
    }),
    service: text("service").notNull(),
    requestTs: timestamp("request_ts", { withTimezone: true }).notNull().defaultNow(),
    durationMs: integer("duration_ms").notNull(),
    requestBytes: integer("request_bytes").notNull(),
    responseBytes: integer("response_bytes").notNull(),
    status: requestStatus("status").notNull(),
    errorCode: text("error_code"),
    requestId: uuid("request_id").notNull(),
    /** What this request was charged, in cents: 0 for errors; fixed even if the price changes. */
    costCents: bigint("cost_cents", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    uniqueIndex("request_logs_request_id_key").on(t.requestId),
    index("request_logs_request_ts_idx").on(t.requestTs),
    index("request_logs_user_request_ts_idx").on(t.userId, t.requestTs),
    index("request_logs_billing_period_idx").on(t.billingPeriodId),
  ],
);

export type RequestLog = typeof requestLogs.$inferSelect;
