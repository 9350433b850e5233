import { and, count, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { apiTokens } from "../customers/api-tokens.table.js";
import { users } from "../customers/users.table.js";
import type { DbOrTx } from "../platform/db/database.js";
import { requestLogs, type RequestLog, type RequestStatus } from "./request-logs.table.js";

/** Whether a request with this X-Request-ID has already been logged (a replay). */
export async function requestIdIsLogged(db: DbOrTx, requestId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: requestLogs.id })
    .from(requestLogs)
    .where(eq(requestLogs.requestId, requestId))
    .limit(1);
  return row !== undefined;
}

export type RequestLogWithToken = RequestLog & { tokenPrefix: string | null };
/** A log with its user's email too, for staff. */
export type RequestLogWithOwner = RequestLogWithToken & { userEmail: string };

/** Bounds on request_ts, as parseRequestRange reads `from`/`to`. */
export interface RequestLogRange {
  /** Inclusive lower bound on request_ts. */
  from?: Date | undefined;
  /** Inclusive upper bound on request_ts. */
  toInclusive?: Date | undefined;
  /** Exclusive upper bound on request_ts. */
  before?: Date | undefined;
}

export interface RequestLogFilters extends RequestLogRange {
  userId: string;
  billingPeriodId?: string | undefined;
  service?: string | undefined;
  status?: RequestStatus | undefined;
}

/** Staff's filters over every user's logs; each one given must match exactly. */
export interface AllRequestLogFilters extends RequestLogRange {
  userId?: string | undefined;
  /** The 8 characters after "tok_". */
  tokenPrefix?: string | undefined;
  service?: string | undefined;
  status?: RequestStatus | undefined;
  errorCode?: string | undefined;
}

function rangeConditions(range: RequestLogRange): (SQL | undefined)[] {
  return [
    range.from === undefined ? undefined : gte(requestLogs.requestTs, range.from),
    range.toInclusive === undefined ? undefined : lte(requestLogs.requestTs, range.toInclusive),
    range.before === undefined ? undefined : lt(requestLogs.requestTs, range.before),
  ];
}

/** The logs matching `where`, newest first, with the token's prefix and the user's email. */
async function logRows(
  db: DbOrTx,
  where: SQL | undefined,
  window: { limit: number; offset: number },
): Promise<RequestLogWithOwner[]> {
  const rows = await db
    .select({ log: requestLogs, tokenPrefix: apiTokens.tokenPrefix, userEmail: users.email })
    .from(requestLogs)
    .leftJoin(apiTokens, eq(apiTokens.id, requestLogs.tokenId))
    .innerJoin(users, eq(users.id, requestLogs.userId))
    .where(where)
    .orderBy(desc(requestLogs.requestTs), desc(requestLogs.id))
    .limit(window.limit)
    .offset(window.offset);
  return rows.map((r) => ({ ...r.log, tokenPrefix: r.tokenPrefix, userEmail: r.userEmail }));
}

/** One page of logRows and the number of logs matching `where`. */
async function pageOfLogs(
  db: DbOrTx,
  where: SQL | undefined,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: RequestLogWithOwner[] }> {
  // Joined as logRows is, since `where` may filter on the token's prefix.
  const [total] = await db
    .select({ n: count() })
    .from(requestLogs)
    .leftJoin(apiTokens, eq(apiTokens.id, requestLogs.tokenId))
    .where(where);
  return { count: total?.n ?? 0, rows: await logRows(db, where, window) };
}

/** A user's request logs, newest first, with the prefix of the token used (if any). */
export async function listRequestLogs(
  db: DbOrTx,
  params: RequestLogFilters & { limit: number; offset: number },
): Promise<{ count: number; rows: RequestLogWithToken[] }> {
  const where = and(
    eq(requestLogs.userId, params.userId),
    params.billingPeriodId === undefined
      ? undefined
      : eq(requestLogs.billingPeriodId, params.billingPeriodId),
    params.service === undefined ? undefined : eq(requestLogs.service, params.service),
    params.status === undefined ? undefined : eq(requestLogs.status, params.status),
    ...rangeConditions(params),
  );
  return pageOfLogs(db, where, params);
}

function allLogsCondition(filters: AllRequestLogFilters): SQL | undefined {
  return and(
    filters.userId === undefined ? undefined : eq(requestLogs.userId, filters.userId),
    filters.tokenPrefix === undefined ? undefined : eq(apiTokens.tokenPrefix, filters.tokenPrefix),
    filters.service === undefined ? undefined : eq(requestLogs.service, filters.service),
    filters.status === undefined ? undefined : eq(requestLogs.status, filters.status),
    filters.errorCode === undefined ? undefined : eq(requestLogs.errorCode, filters.errorCode),
    ...rangeConditions(filters),
  );
}

/** Staff: every user's request logs matching the filters, newest first. */
export async function listAllRequestLogs(
  db: DbOrTx,
  params: AllRequestLogFilters & { limit: number; offset: number },
): Promise<{ count: number; rows: RequestLogWithOwner[] }> {
  return pageOfLogs(db, allLogsCondition(params), params);
}

/** Staff: the `limit` newest request logs matching the filters, without counting them all. */
export async function latestRequestLogs(
  db: DbOrTx,
  filters: AllRequestLogFilters,
  limit: number,
): Promise<RequestLogWithOwner[]> {
  return logRows(db, allLogsCondition(filters), { limit, offset: 0 });
}

/** Staff: one request log, whoever's it is. */
export async function findRequestLog(
  db: DbOrTx,
  id: string,
): Promise<RequestLogWithOwner | undefined> {
  const [row] = await logRows(db, eq(requestLogs.id, id), { limit: 1, offset: 0 });
  return row;
}

/** A half-open time window [start, end) of request_ts. */
export interface TimeWindow {
  start: Date;
  end: Date;
}

export interface UsageTotals {
  /** Every logged request, failed ones included. */
  count: number;
  successful: number;
  failed: number;
  costCents: number;
}

function at(instant: Date): SQL {
  return sql`${instant.toISOString()}::timestamptz`;
}

/** A user's totals over the logs matching `where` (all of them when undefined), as columns. */
function totalsColumns(prefix: string, where?: SQL): Record<string, SQL.Aliased<number>> {
  const over = (condition?: SQL) => {
    const matching = and(where, condition);
    return matching === undefined ? sql`` : sql` filter (where ${matching})`;
  };
  const column = (name: string, aggregate: SQL) =>
    sql<number>`${aggregate}`.mapWith(Number).as(`${prefix}_${name}`);
  const succeeded = sql`${requestLogs.status} = 'success'`;
  const failed = sql`${requestLogs.status} = 'error'`;
  return {
    [`${prefix}_count`]: column("count", sql`count(*)${over()}::int`),
    [`${prefix}_successful`]: column("successful", sql`count(*)${over(succeeded)}::int`),
    [`${prefix}_failed`]: column("failed", sql`count(*)${over(failed)}::int`),
    [`${prefix}_cost`]: column(
      "cost",
      sql`coalesce(sum(${requestLogs.costCents})${over()}, 0)::bigint`,
    ),
  };
}

/**
 * Totals over all of a user's logs and over each window, in one query (FILTER aggregates).
 * `count` is every logged request, failed ones included, split into `successful` and `failed`;
 * cost is what was charged (errors cost 0).
 */
export async function summarizeUsage<K extends string>(
  db: DbOrTx,
  userId: string,
  windows: Readonly<Record<K, TimeWindow>>,
): Promise<{ total: UsageTotals; windows: Record<K, UsageTotals> }> {
  const keys = Object.keys(windows) as K[];
  let columns = totalsColumns("total", undefined);
  keys.forEach((key, i) => {
    const { start, end } = windows[key];
    const inWindow = sql`${requestLogs.requestTs} >= ${at(start)} and ${requestLogs.requestTs} < ${at(end)}`;
    columns = { ...columns, ...totalsColumns(`w${i}`, inWindow) };
  });
  const [row] = await db.select(columns).from(requestLogs).where(eq(requestLogs.userId, userId));
  const totals = (prefix: string): UsageTotals => ({
    count: row?.[`${prefix}_count`] ?? 0,
    successful: row?.[`${prefix}_successful`] ?? 0,
    failed: row?.[`${prefix}_failed`] ?? 0,
    costCents: row?.[`${prefix}_cost`] ?? 0,
  });
  const result = {} as Record<K, UsageTotals>;
  keys.forEach((key, i) => {
    result[key] = totals(`w${i}`);
  });
  return {
    total: totals("total"),
    windows: result,
  };
}

export interface DailyServiceUsage {
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly service: string;
  /** Every logged request, failed ones included. */
  readonly requests: number;
  readonly creditsMilli: number;
}

/** A user's requests and credits charged per UTC day and service in [start, end); quiet days have no row. */
export async function dailyUsageByService(
  db: DbOrTx,
  userId: string,
  start: Date,
  end: Date,
): Promise<DailyServiceUsage[]> {
  const day = sql<string>`to_char(${requestLogs.requestTs} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      service: requestLogs.service,
      requests: sql<number>`count(*)::int`,
      creditsMilli: sql<string>`coalesce(sum(${requestLogs.creditsChargedMilli}), 0)::text`,
    })
    .from(requestLogs)
    .where(
      and(
        eq(requestLogs.userId, userId),
        gte(requestLogs.requestTs, start),
        lt(requestLogs.requestTs, end),
      ),
    )
    .groupBy(day, requestLogs.service)
    .orderBy(day, requestLogs.service);
  return rows.map((row) => ({ ...row, creditsMilli: Number(row.creditsMilli) }));
}
