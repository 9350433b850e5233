import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { fieldErrorsOf, formLevelError } from "./form-errors";

const CODES = { invite_used: "invite_code" };

describe("form errors", () => {
  it("puts a field's code on that field, with the server's words", () => {
    const error = new ApiError(409, "invite_used", "This invite code has already been used.", null);
    expect(fieldErrorsOf(error, CODES)).toEqual({
      invite_code: "This invite code has already been used.",
    });
    expect(formLevelError(error, CODES)).toBeNull();
  });

  it("spreads a validation_error over its fields", () => {
    const error = new ApiError(400, "validation_error", "Invalid.", null, [
      { field: "body.password", code: "too_short", message: "Too short." },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ password: "Too short." });
    expect(formLevelError(error)).toBeNull();
  });

  it("leaves a refusal no field explains (a rate limit, the network) to an alert over the form", () => {
    const error = new ApiError(429, "too_many_attempts", "Slow down.", null);
    expect(fieldErrorsOf(error, CODES)).toEqual({});
    expect(formLevelError(error, CODES)).toBe(error);
    expect(formLevelError(null)).toBeNull();
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
  });
});
