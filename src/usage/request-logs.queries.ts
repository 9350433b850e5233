import { and, count, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { apiTokens } from "../customers/api-tokens.table.js";
import type { DbOrTx } from "../platform/db/database.js";
import { requestLogs, type RequestLog } from "./request-logs.table.js";

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

export interface RequestLogFilters {
  userId: string;
  billingPeriodId?: string | undefined;
  /** Inclusive lower bound on request_ts. */
  from?: Date | undefined;
  /** Inclusive upper bound on request_ts. */
  toInclusive?: Date | undefined;
  /** Exclusive upper bound on request_ts. */
  before?: Date | undefined;
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
    params.from === undefined ? undefined : gte(requestLogs.requestTs, params.from),
    params.toInclusive === undefined ? undefined : lte(requestLogs.requestTs, params.toInclusive),
    params.before === undefined ? undefined : lt(requestLogs.requestTs, params.before),
  );
  const [total] = await db.select({ n: count() }).from(requestLogs).where(where);
  const rows = await db
    .select({ log: requestLogs, tokenPrefix: apiTokens.tokenPrefix })
    .from(requestLogs)
    .leftJoin(apiTokens, eq(apiTokens.id, requestLogs.tokenId))
    .where(where)
    .orderBy(desc(requestLogs.requestTs), desc(requestLogs.id))
    .limit(params.limit)
    .offset(params.offset);
  return {
    count: total?.n ?? 0,
    rows: rows.map((r) => ({ ...r.log, tokenPrefix: r.tokenPrefix })),
  };
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
