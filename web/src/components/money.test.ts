import { describe, expect, it } from "vitest";
import { centsText, parseAmount } from "./money";

describe("parseAmount", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12,50", 1250],
    [" 0.29 ", 29],
    ["0.01", 1],
    ["999999999.99", 99_999_999_999],
  ])("reads %j as %i cents, without floating-point rounding", (text, cents) => {
    expect(parseAmount(text)).toEqual({ ok: true, cents });
  });

  it.each(["", "abc", "1.234", "-5", "1e3", "12.", ".5", "1 000"])("refuses %j", (text) => {
    const parsed = parseAmount(text);
    expect(parsed.ok).toBe(false);
  });

  it("applies the limits, naming them in the message", () => {
    expect(parseAmount("0", { min: 1 })).toEqual({ ok: false, message: "At least 0.01." });
    expect(parseAmount("10.01", { max: 1000 })).toEqual({ ok: false, message: "At most 10.00." });
    expect(parseAmount("10", { min: 1, max: 1000 })).toEqual({ ok: true, cents: 1000 });
  });

  it("reads back what centsText writes", () => {
    for (const cents of [0, 1, 29, 100, 1250, 99_999_999]) {
      expect(parseAmount(centsText(cents))).toEqual({ ok: true, cents });
    }
  });
});
