import { Type, type Static } from "typebox";
import { Nullable } from "../platform/schema-types.js";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import type { BillingPeriod } from "./billing-periods.table.js";
import type { BillingPeriodWithEmail } from "./billing-periods.queries.js";
import type { RequestLogWithOwner, RequestLogWithToken } from "./request-logs.queries.js";
import { DATE_TIME_PATTERN, SUMMARY_TITLES } from "./usage.time.js";

const DateTime = Type.String({ format: "date-time", description: "ISO 8601, UTC (Z)" });
const Day = Type.String({ format: "date", description: "YYYY-MM-DD (UTC)" });

export const PAYMENT_STATUSES = ["pending", "paid", "overdue", "waived"] as const;
export const PaymentStatusSchema = Type.Union(
  [Type.Literal("pending"), Type.Literal("paid"), Type.Literal("overdue"), Type.Literal("waived")],
  { description: "pending → paid | overdue | waived; overdue → paid | waived" },
);
/** As a query parameter: a plain enum, so a bad value is one `invalid_choice` error. */
export const PaymentStatusQuery = Type.Unsafe<(typeof PAYMENT_STATUSES)[number]>({
  type: "string",
  enum: [...PAYMENT_STATUSES],
  description: "Only periods with this payment status",
});

export const RequestLogItem = Type.Object({
  id: Type.String({ format: "uuid" }),
  request_ts: DateTime,
  service: Type.String({ examples: ["core.image_solve"] }),
  status: Type.Union([Type.Literal("success"), Type.Literal("error")]),
  duration_ms: Type.Integer(),
  request_bytes: Type.Integer(),
  response_bytes: Type.Integer(),
  request_id: Type.String({ format: "uuid" }),
  token_prefix: Nullable(Type.String({ examples: ["tok_ab12cd34"] })),
  cost_cents: Type.Integer({ description: "Charged for this request, in cents; 0 for errors" }),
  error_code: Nullable(Type.String()),
});
export type RequestLogItem = Static<typeof RequestLogItem>;

/** A request log as staff see it: everything logged, with its user. Never a payload. */
export const AdminRequestLogItem = Type.Object({
  ...RequestLogItem.properties,
  user: Type.Object({ id: Type.String({ format: "uuid" }), email: Type.String() }),
  billing_period_id: Nullable(Type.String({ format: "uuid" })),
  credits_charged: Credits("Credits this request was charged (prepaid services); 0 for errors"),
});
export type AdminRequestLogItem = Static<typeof AdminRequestLogItem>;

export const BillingPeriodItem = Type.Object({
  id: Type.String({ format: "uuid" }),
  period_start: Day,
  period_end: { ...Day, description: "Last day of the month, inclusive" },
  total_requests: Type.Integer({
    description:
      "Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests)",
  }),
  total_cost_cents: Type.Integer(),
  is_current: Type.Boolean(),
  payment_status: PaymentStatusSchema,
  paid_at: Nullable(DateTime),
  paid_amount_cents: Nullable(Type.Integer()),
  payment_reference: Nullable(Type.String()),
  created_at: DateTime,
});
export type BillingPeriodItem = Static<typeof BillingPeriodItem>;

export const AdminBillingPeriodItem = Type.Object({
  ...BillingPeriodItem.properties,
  user_id: Type.String({ format: "uuid" }),
  user_email: Type.String(),
  payment_notes: Nullable(Type.String()),
});
export type AdminBillingPeriodItem = Static<typeof AdminBillingPeriodItem>;

const SuccessfulRequests = Type.Integer({
  description: "Logged requests that succeeded: the billable ones a billing period counts",
});
const FailedRequests = Type.Integer({
  description: "Logged requests that failed (cost 0; not counted in a billing period)",
});

export const UsageSummary = Type.Object({
  total_requests: Type.Integer({
    description:
      "Every logged request, failed ones included (successful_requests + failed_requests); a billing period's total_requests counts only the successful ones",
  }),
  successful_requests: SuccessfulRequests,
  failed_requests: FailedRequests,
  total_cost_cents: Type.Integer(),
  by_period: Type.Array(
    Type.Object({
      title: Type.Unsafe<(typeof SUMMARY_TITLES)[number]>({
        type: "string",
        enum: [...SUMMARY_TITLES],
      }),
      count: Type.Integer({
        description: "Every logged request in the window, failed ones included",
      }),
      successful_requests: SuccessfulRequests,
      failed_requests: FailedRequests,
      cost_cents: Type.Integer(),
    }),
  ),
});
export type UsageSummary = Static<typeof UsageSummary>;

export const DAILY_USAGE_DAYS = 30;

export const DailyUsage = Type.Object({
  days: Type.Array(
    Type.Object({
      day: Day,
      requests: Type.Integer({
        description: "Every logged request that day, failed ones included",
      }),
      credits: Credits("Credits charged that day"),
      by_service: Type.Array(
        Type.Object({
          service: Type.String(),
          requests: Type.Integer(),
          credits: Credits(),
        }),
      ),
    }),
    {
      description: `The last ${DAILY_USAGE_DAYS} UTC days, oldest first, today last; quiet days included`,
    },
  ),
});
export type DailyUsage = Static<typeof DailyUsage>;

// Also the message of a refused value ("Expected …"), so it reads as a phrase.
const DATE_OR_DATETIME =
  "an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive";

/**
 * What parseDateOrDateTime reads, declared so that the document names the formats (a client
 * generator or a fuzzer then sends real dates, not any string): a date, an RFC 3339 date-time,
 * or the looser date-time the parser also takes (seconds and offset optional, no offset meaning
 * UTC, an unencoded '+' arriving as a space). Years and calendar days are checked by the parser.
 */
export const DateOrDateTime = () =>
  Type.Union(
    [
      Type.String({ format: "date" }),
      Type.String({ format: "date-time" }),
      Type.String({
        pattern: DATE_TIME_PATTERN.source,
        description: "a date-time with optional seconds and offset (no offset: UTC)",
      }),
    ],
    { description: DATE_OR_DATETIME },
  );

export const PeriodIdParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export function requestLogJson(row: RequestLogWithToken): RequestLogItem {
  return {
    id: row.id,
    request_ts: row.requestTs.toISOString(),
    service: row.service,
    status: row.status,
    duration_ms: row.durationMs,
    request_bytes: row.requestBytes,
    response_bytes: row.responseBytes,
    request_id: row.requestId,
    token_prefix: row.tokenPrefix === null ? null : `tok_${row.tokenPrefix}`,
    cost_cents: row.costCents,
    error_code: row.errorCode,
  };
}

export function adminRequestLogJson(row: RequestLogWithOwner): AdminRequestLogItem {
  return {
    ...requestLogJson(row),
    user: { id: row.userId, email: row.userEmail },
    billing_period_id: row.billingPeriodId,
    credits_charged: toCredits(row.creditsChargedMilli),
  };
}

export function billingPeriodJson(row: BillingPeriod): BillingPeriodItem {
  return {
    id: row.id,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    total_requests: row.totalRequests,
    total_cost_cents: row.totalCostCents,
    is_current: row.isCurrent,
    payment_status: row.paymentStatus,
    paid_at: row.paidAt?.toISOString() ?? null,
    paid_amount_cents: row.paidAmountCents,
    payment_reference: row.paymentReference,
    created_at: row.createdAt.toISOString(),
  };
}

export function adminBillingPeriodJson(row: BillingPeriodWithEmail): AdminBillingPeriodItem {
  return {
    ...billingPeriodJson(row),
    user_id: row.userId,
    user_email: row.userEmail,
    payment_notes: row.paymentNotes,
  };
}
