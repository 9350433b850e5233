import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
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
    /** Nullable as in the contract, but metering always sets it; `reconcile` reports a log without. */
    billingPeriodId: uuid("billing_period_id"),
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
    /** Credits this request was charged, in millicredits (prepaid services); 0 for errors. */
    creditsChargedMilli: bigint("credits_charged_milli", { mode: "number" }).notNull().default(0),
    /** Tokens a service reported for this call (plans' tokens_per_month); null when it reports none. */
    tokensUsed: integer("tokens_used"),
  },
  (t) => [
    uniqueIndex("request_logs_request_id_key").on(t.requestId),
    index("request_logs_request_ts_idx").on(t.requestTs),
    index("request_logs_user_request_ts_idx").on(t.userId, t.requestTs),
    index("request_logs_billing_period_idx").on(t.billingPeriodId),
    // The tokens_per_month check sums a user's tokens since the period's start before each call
    // of a service that reports them; only calls that used tokens are in it, so the rows read are
    // bounded by the plan's limit, however many other calls the user makes.
    index("request_logs_user_tokens_idx")
      .on(t.userId, t.requestTs, t.tokensUsed)
      .where(sql`${t.tokensUsed} > 0`),
    // Composite, so the database itself refuses a log charged to another user's period.
    foreignKey({
      name: "request_logs_billing_period_user_fk",
      columns: [t.billingPeriodId, t.userId],
      foreignColumns: [billingPeriods.id, billingPeriods.userId],
    }).onDelete("restrict"),
    check("request_logs_cost_cents_check", sql`${t.costCents} >= 0`),
    check("request_logs_error_cost_check", sql`${t.status} <> 'error' or ${t.costCents} = 0`),
    check("request_logs_credits_charged_check", sql`${t.creditsChargedMilli} >= 0`),
    check(
      "request_logs_error_credits_check",
      sql`${t.status} <> 'error' or ${t.creditsChargedMilli} = 0`,
    ),
    check("request_logs_tokens_used_check", sql`${t.tokensUsed} is null or ${t.tokensUsed} >= 0`),
    check("request_logs_duration_ms_check", sql`${t.durationMs} >= 0`),
    check("request_logs_request_bytes_check", sql`${t.requestBytes} >= 0`),
    check("request_logs_response_bytes_check", sql`${t.responseBytes} >= 0`),
  ],
);

export type RequestLog = typeof requestLogs.$inferSelect;
