import { describe, expect, it } from "vitest";
import { signVerificationToken, verificationTokenIsValid } from "./verification-tokens.js";

const secret = "k".repeat(50);
const user = {
  id: "0b9f7a52-5c1e-4a8e-9d0a-2f5b8f1c9e11",
  email: "a@example.com",
  password: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
};
const issued = new Date("2030-01-01T00:00:00Z");

describe("verification tokens", () => {
  it("are valid for the user for 24 hours", () => {
    const token = signVerificationToken(secret, user, issued);
    expect(verificationTokenIsValid(secret, token, user, new Date("2030-01-01T23:59:59Z"))).toBe(
      true,
    );
    expect(verificationTokenIsValid(secret, token, user, new Date("2030-01-02T00:00:01Z"))).toBe(
      false,
    );
  });

  it("are bound to the user id, the email, the registration's password and the secret key", () => {
    const token = signVerificationToken(secret, user, issued);
    expect(
      verificationTokenIsValid(secret, token, { ...user, password: `${user.password}x` }, issued),
    ).toBe(false);
    expect(
      verificationTokenIsValid(secret, token, { ...user, email: "b@example.com" }, issued),
    ).toBe(false);
    expect(
      verificationTokenIsValid(
        secret,
        token,
        { ...user, id: "1b9f7a52-5c1e-4a8e-9d0a-2f5b8f1c9e11" },
        issued,
      ),
    ).toBe(false);
    expect(verificationTokenIsValid("other".repeat(10), token, user, issued)).toBe(false);
  });

  it("reject a changed issued-at and malformed input", () => {
    const token = signVerificationToken(secret, user, issued);
    const [id, , sig] = token.split(".");
    const later = Math.floor(Date.parse("2030-01-05T00:00:00Z") / 1000).toString(36);
    expect(
      verificationTokenIsValid(
        secret,
        `${id}.${later}.${sig}`,
        user,
        new Date("2030-01-05T00:00:00Z"),
      ),
    ).toBe(false);
    for (const bad of ["", "a.b.c", `${token}.`, token.replace(/.$/, "")]) {
      expect(verificationTokenIsValid(secret, bad, user, issued)).toBe(false);
    }
  });
});
