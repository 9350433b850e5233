import { describe, expect, it } from "vitest";
import { periodEndOf } from "./periods.js";

describe("a billing period's end", () => {
  it.each([
    ["2026-03-10T12:00:00.000Z", "month", "2026-04-10T12:00:00.000Z"],
    ["2026-01-31T08:00:00.000Z", "month", "2026-02-28T08:00:00.000Z"],
    ["2028-01-31T08:00:00.000Z", "month", "2028-02-29T08:00:00.000Z"],
    ["2026-12-15T00:00:00.000Z", "month", "2027-01-15T00:00:00.000Z"],
    ["2028-02-29T10:00:00.000Z", "year", "2029-02-28T10:00:00.000Z"],
  ] as const)("from %s by the %s is %s", (start, interval, end) => {
    expect(periodEndOf(new Date(start), interval).toISOString()).toBe(end);
  });
});
