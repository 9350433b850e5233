import { describe, expect, it } from "vitest";
import { loginPath, safeReturnPath } from "./paths";

describe("the portal's login return path", () => {
  it.each([
    "/app",
    "/app/",
    "/app/usage?from=2026-01-01",
    "/app/tokens",
    "/account/subscriptions",
    "/account/subscriptions?plan=pro",
    "/account/sessions",
    "/account/purchases",
    "/account",
  ])("returns to %s after login", (next) => {
    expect(safeReturnPath(next)).toBe(next);
  });

  it.each([
    null,
    "",
    "//evil.example/app",
    "https://evil.example/app",
    "/admin/",
    "/apple",
    "/accounts",
    "/accounting",
    "/",
  ])(
    "goes to the dashboard instead of %j (no open redirect, nothing outside /app and /account)",
    (next) => {
      expect(safeReturnPath(next)).toBe("/app");
    },
  );

  it("remembers a signed-in page, but not the dashboard or a public page", () => {
    expect(loginPath("/app/usage?from=2026-01-01")).toBe(
      "/login?next=%2Fapp%2Fusage%3Ffrom%3D2026-01-01",
    );
    expect(loginPath("/account/subscriptions?plan=pro")).toBe(
      "/login?next=%2Faccount%2Fsubscriptions%3Fplan%3Dpro",
    );
    expect(loginPath("/account/profile")).toBe("/login?next=%2Faccount%2Fprofile");
    expect(loginPath("/account/downloads")).toBe("/login?next=%2Faccount%2Fdownloads");
    expect(loginPath("/app")).toBe("/login");
    expect(loginPath("/pricing")).toBe("/login");
  });
});
