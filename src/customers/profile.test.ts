import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../platform/clock.js";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn, withoutCsrfHeader } from "../../test/support/sessions.js";

describe("the caller's profile (/api/v1/auth/profile)", () => {
  let t: TestApp;
  const clock = fixedClock("2030-03-01T08:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function withJwt() {
    const { user, password } = await createVerifiedUser(t.services.db);
    const { access } = await t.services.customers.jwt.login({
      email: user.email,
      password,
      client: { ip: null, userAgent: null },
    });
    return { user, headers: { authorization: `Bearer ${access}` } };
  }

  const patch = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/v1/auth/profile/",
      headers,
      payload: payload as object,
    });

  it("shows the profile to a JWT and to a session", async () => {
    const { user, headers } = await withJwt();
    const expected = {
      id: user.id,
      email: user.email,
      full_name: "",
      bio: "",
      is_staff: false,
      email_verified_at: user.emailVerifiedAt?.toISOString(),
      date_joined: user.dateJoined.toISOString(),
    };
    const viaJwt = await t.app.inject({ method: "GET", url: "/api/v1/auth/profile/", headers });
    expect(viaJwt.statusCode).toBe(200);
    expect(viaJwt.json()).toEqual(expected);
    const session = await signIn(t, user.id);
    const viaSession = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/profile",
      headers: session.headers,
    });
    expect(viaSession.json()).toEqual(expected);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/auth/profile/" }),
      401,
      "not_authenticated",
    );
  });

  it("changes the full name and bio, each on its own", async () => {
    const { headers } = await withJwt();
    const named = await patch(headers, { full_name: "Ada Lovelace" });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ full_name: "Ada Lovelace", bio: "" });
    const described = await patch(headers, { bio: "Analyst of engines." });
    expect(described.json()).toMatchObject({
      full_name: "Ada Lovelace",
      bio: "Analyst of engines.",
    });
    const unchanged = await patch(headers, {});
    expect(unchanged.json()).toMatchObject({
      full_name: "Ada Lovelace",
      bio: "Analyst of engines.",
    });
    const cleared = await patch(headers, { full_name: "" });
    expect(cleared.json()).toMatchObject({ full_name: "" });
  });

  it("takes the longest allowed values and refuses longer ones or wrong types", async () => {
    const { headers } = await withJwt();
    const longest = await patch(headers, { full_name: "n".repeat(150), bio: "b".repeat(2000) });
    expect(longest.statusCode).toBe(200);
    const tooLong = expectProblem(
      await patch(headers, { full_name: "n".repeat(151), bio: "b".repeat(2001) }),
      400,
      "validation_error",
    );
    expect(tooLong.errors?.map((e) => [e.field, e.code]).sort()).toEqual([
      ["bio", "too_long"],
      ["full_name", "too_long"],
    ]);
    const wrongType = expectProblem(
      await patch(headers, { full_name: 5, bio: null }),
      400,
      "validation_error",
    );
    expect(new Set(wrongType.errors?.map((e) => e.field))).toEqual(new Set(["full_name", "bio"]));
    expectProblem(await patch(headers, { is_staff: true }), 400, "validation_error");
    expectProblem(await patch(headers, ["full_name"]), 400, "validation_error");
  });

  it("refuses a sent email as read-only, even an unchanged one", async () => {
    const { user, headers } = await withJwt();
    const problem = expectProblem(
      await patch(headers, { email: "new@example.com", full_name: "X" }),
      400,
      "validation_error",
    );
    expect(problem.errors).toEqual([
      { field: "email", code: "read_only", message: "The email cannot be changed here." },
    ]);
    expectProblem(await patch(headers, { email: user.email }), 400, "validation_error");
    const profile = await t.app.inject({ method: "GET", url: "/api/v1/auth/profile/", headers });
    expect(profile.json()).toMatchObject({ email: user.email, full_name: "" });
  });

  it("needs the CSRF header with a session, not with a JWT", async () => {
    const { user, headers } = await withJwt();
    const session = await signIn(t, user.id);
    expectProblem(await patch(withoutCsrfHeader(session), { full_name: "X" }), 403, "csrf_failed");
    expect((await patch(session.headers, { full_name: "X" })).statusCode).toBe(200);
    expect((await patch(headers, { full_name: "Y" })).statusCode).toBe(200);
  });
});
