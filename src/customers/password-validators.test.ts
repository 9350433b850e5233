import { describe, expect, it } from "vitest";
import { validatePassword } from "./password-validators.js";

const codes = (password: string, email = "jane.doe@example.com") =>
  validatePassword(password, email, "password").map((e) => e.code);

describe("password validators (Django's four defaults)", () => {
  it("accepts a long, varied password", () => {
    expect(codes("Tr0ub4dor&3-horse")).toEqual([]);
  });

  it("refuses fewer than 8 characters", () => {
    expect(codes("Ab1-xyz")).toContain("password_too_short");
    expect(codes("Ab1-xyzw")).not.toContain("password_too_short");
  });

  it("refuses an entirely numeric password", () => {
    expect(codes("9081726354")).toContain("password_entirely_numeric");
  });

  it("refuses common passwords in any letter case, ignoring surrounding spaces", () => {
    expect(codes("Password123")).toContain("password_too_common");
    expect(codes(" QWERTY123 ")).toContain("password_too_common");
    expect(codes("iloveyou")).toContain("password_too_common");
  });

  it.each([
    "testing123",
    "Password1!",
    "pokemon1",
    "hello1234",
    "iloveu123",
    "loveyou1",
    "firebird",
    "11111111a",
  ])("refuses %s as common (beyond the hand-compiled top of the list)", (password) => {
    expect(codes(password)).toContain("password_too_common");
  });

  it("refuses a password too similar to the email or its parts", () => {
    expect(codes("jane.doe@example.com")).toContain("password_too_similar");
    expect(codes("janedoe1", "janedoe@example.com")).toContain("password_too_similar");
    expect(codes("Example!1", "x@example.com")).toContain("password_too_similar");
  });

  it("names the field it was asked to validate", () => {
    expect(
      validatePassword("123", "a@b.c", "new_password").every((e) => e.field === "new_password"),
    ).toBe(true);
  });
});
