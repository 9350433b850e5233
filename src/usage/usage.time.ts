import type { FieldError } from "../platform/errors.js";
import type { TimeWindow } from "./request-logs.queries.js";

const DAY_MS = 86_400_000;

/** 00:00:00 UTC of the day containing `at`. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export function addUtcDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** 'YYYY-MM-DD' of an instant's UTC day. */
export function utcDateString(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The usage summary's windows, in UTC, as half-open [start, end) intervals; titles are the API's. */
export function summaryWindows(now: Date): Record<SummaryTitle, TimeWindow> {
  const today = startOfUtcDay(now);
  const tomorrow = addUtcDays(today, 1);
  return {
    Today: { start: today, end: tomorrow },
    Yesterday: { start: addUtcDays(today, -1), end: today },
    // Today and the six days before it.
    "Last 7 Days": { start: addUtcDays(today, -6), end: tomorrow },
    "This Month": {
      start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
    },
  };
}

export const SUMMARY_TITLES = ["Today", "Yesterday", "Last 7 Days", "This Month"] as const;
export type SummaryTitle = (typeof SUMMARY_TITLES)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The date-times `from`/`to` take; the route schema declares it too. */
export const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+\- ]\d{2}:\d{2})?$/;

function validDay(year: string, month: string, day: string): Date | undefined {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return utcDateString(date) === `${year}-${month}-${day}` ? date : undefined;
}

export type ParsedBound = { kind: "date"; day: Date } | { kind: "datetime"; at: Date };

/**
 * An ISO 8601 date ('2025-08-11', the whole UTC day) or datetime ('2025-08-11T12:00:00Z'; no
 * offset means UTC; a space before the offset is read as '+', as an unencoded '+' arrives so).
 */
export function parseDateOrDateTime(value: string): ParsedBound | undefined {
  // Years 1000-9998 only: with a time-zone offset or a day added, 9999 becomes year 10000, which
  // toISOString writes as "+010000" and Postgres refuses.
  const leadingYear = Number(value.slice(0, 4));
  if (!(leadingYear >= 1000 && leadingYear <= 9998)) return undefined;
  const date = DATE.exec(value);
  if (date !== null) {
    const [, year = "", month = "", dayOfMonth = ""] = date;
    const day = validDay(year, month, dayOfMonth);
    return day === undefined ? undefined : { kind: "date", day };
  }
  const dt = DATE_TIME_PATTERN.exec(value);
  if (dt === null) return undefined;
  const [, year = "", month = "", day = "", hour = "", minute = "", second = "00"] = dt;
  const [fraction = "", zone = "Z"] = dt.slice(7);
  if (validDay(year, month, day) === undefined) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const offset =
    zone.toUpperCase() === "Z" ? "Z" : `${zone.startsWith("-") ? "-" : "+"}${zone.slice(1)}`;
  const millis = fraction === "" ? "" : fraction.slice(0, 4).padEnd(4, "0");
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${offset}`);
  return Number.isNaN(at.getTime()) ? undefined : { kind: "datetime", at };
}

export interface RequestRange {
  from?: Date;
  toInclusive?: Date;
  before?: Date;
}

/** Turns the `from`/`to` query parameters into bounds, or field errors. */
export function parseRequestRange(
  from: string | undefined,
  to: string | undefined,
): { ok: true; range: RequestRange } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const range: RequestRange = {};
  const invalid = (field: string): FieldError => ({
    field,
    code: "invalid_format",
    message:
      "Expected a real ISO 8601 date (YYYY-MM-DD) or datetime (YYYY-MM-DDTHH:MM:SSZ), years 1000 to 9998.",
  });
  if (from !== undefined) {
    const parsed = parseDateOrDateTime(from);
    if (parsed === undefined) errors.push(invalid("from"));
    else range.from = parsed.kind === "date" ? parsed.day : parsed.at;
  }
  if (to !== undefined) {
    const parsed = parseDateOrDateTime(to);
    if (parsed === undefined) errors.push(invalid("to"));
    else if (parsed.kind === "date") range.before = addUtcDays(parsed.day, 1);
    else range.toInclusive = parsed.at;
  }
  const upper = range.before ?? range.toInclusive;
  if (errors.length === 0 && range.from !== undefined && upper !== undefined) {
    if (range.before !== undefined ? upper <= range.from : upper < range.from) {
      errors.push({ field: "to", code: "invalid_range", message: "Must not be before from." });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, range };
}
