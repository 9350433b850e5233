import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { validationError, type FieldError } from "../platform/errors.js";
import {
  latestRequestLogs,
  type RequestLogWithOwner,
  type TimeWindow,
} from "../usage/request-logs.queries.js";
import {
  addUtcDays,
  parseDateOrDateTime,
  startOfUtcDay,
  utcDateString,
} from "../usage/usage.time.js";
import {
  countOverduePeriods,
  dailySeries,
  windowTotals,
  type DayStats,
  type WindowTotals,
} from "./stats.queries.js";

/** The longest window one request may ask for: a leap year. */
export const MAX_WINDOW_DAYS = 366;
/** The daily series always covers today and the 29 days before. */
export const SERIES_DAYS = 30;
export const LATEST_ERRORS = 10;

export interface DayWindow extends TimeWindow {
  /** First and last day, inclusive, 'YYYY-MM-DD' (UTC). */
  readonly from: string;
  readonly to: string;
}

export interface Stats {
  readonly window: DayWindow & WindowTotals;
  readonly today: DayWindow & WindowTotals;
  readonly openOverduePeriods: number;
  readonly series: { readonly from: string; readonly to: string; readonly days: DayStats[] };
  readonly latestErrors: RequestLogWithOwner[];
}

export interface StatsService {
  /**
   * The staff dashboard's figures: totals over the window (default: this month so far) and
   * today, the overdue periods now, the last 30 days by day, and the window's latest errors.
   */
  stats(query: { from?: string | undefined; to?: string | undefined }): Promise<Stats>;
}

function dayWindow(from: string, to: string): DayWindow {
  const start = new Date(`${from}T00:00:00Z`);
  return { from, to, start, end: addUtcDays(new Date(`${to}T00:00:00Z`), 1) };
}

/** The window the query asks for: both days or neither, in order, at most MAX_WINDOW_DAYS. */
function requestedWindow(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): DayWindow {
  const { from, to } = query;
  if (from === undefined && to === undefined) {
    const today = utcDateString(now);
    return dayWindow(`${today.slice(0, 8)}01`, today);
  }
  const errors: FieldError[] = [];
  for (const [field, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (value === undefined) {
      errors.push({ field, code: "required", message: "Give both from and to, or neither." });
    } else if (parseDateOrDateTime(value)?.kind !== "date") {
      errors.push({
        field,
        code: "invalid_format",
        message: "Expected a real date (YYYY-MM-DD), years 1000 to 9998.",
      });
    }
  }
  if (errors.length > 0 || from === undefined || to === undefined) throw validationError(errors);
  const window = dayWindow(from, to);
  const days = Math.round((window.end.getTime() - window.start.getTime()) / 86_400_000);
  if (days < 1) {
    throw validationError([
      { field: "to", code: "invalid_range", message: "Must not be before from." },
    ]);
  }
  if (days > MAX_WINDOW_DAYS) {
    throw validationError([
      {
        field: "to",
        code: "out_of_range",
        message: `The window may span at most ${String(MAX_WINDOW_DAYS)} days.`,
      },
    ]);
  }
  return window;
}

export function createStatsService(deps: { db: Db; clock: Clock }): StatsService {
  const { db, clock } = deps;
  return {
    async stats(query) {
      const now = clock.now();
      const window = requestedWindow(query, now);
      const todayDay = utcDateString(now);
      const today = dayWindow(todayDay, todayDay);
      const seriesFrom = utcDateString(addUtcDays(startOfUtcDay(now), 1 - SERIES_DAYS));
      const [windowSums, todaySums, openOverduePeriods, days, latestErrors] = await Promise.all([
        windowTotals(db, window),
        windowTotals(db, today),
        countOverduePeriods(db),
        dailySeries(db, seriesFrom, todayDay),
        latestRequestLogs(
          db,
          { status: "error", from: window.start, before: window.end },
          LATEST_ERRORS,
        ),
      ]);
      return {
        window: { ...window, ...windowSums },
        today: { ...today, ...todaySums },
        openOverduePeriods,
        series: { from: seriesFrom, to: todayDay, days },
        latestErrors,
      };
    },
  };
}
