import * as argon2 from "@node-rs/argon2";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { uniqueEmail } from "../../test/factories/users.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";

// The real argon2, observed: every verification still runs, so the test sees the work done.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

const verify = vi.mocked(argon2.verify);

/** The PHC string's algorithm, version and cost parameters: what decides how long a verify takes. */
function hashCost(phc: unknown): string {
  return String(phc).split("$").slice(1, 4).join("$");
}

describe("login with an unknown email", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());
  // A block, not an arrow returning the mock: a function returned from beforeEach runs as cleanup.
  beforeEach(() => {
    verify.mockClear();
  });

  const login = (email: string, password: string, ip: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
      remoteAddress: ip,
    });

  it("runs one argon2 verification against a hash as costly as a real user's", async () => {
    const { user } = await createVerifiedUser(t.services.db);

    expectProblem(
      await login(user.email, "Wrong-password-1", "10.7.0.1"),
      401,
      "invalid_credentials",
    );
    expect(verify).toHaveBeenCalledTimes(1);
    const [userHash, wrongAttempt] = verify.mock.calls[0]!;
    expect(userHash).toBe(user.password);
    expect(wrongAttempt).toBe("Wrong-password-1");

    verify.mockClear();
    expectProblem(
      await login(uniqueEmail(), "Unknown-user-1", "10.7.0.2"),
      401,
      "invalid_credentials",
    );
    expect(verify).toHaveBeenCalledTimes(1);
    const [dummyHash, unknownAttempt] = verify.mock.calls[0]!;
    expect(unknownAttempt).toBe("Unknown-user-1");
    expect(dummyHash).not.toBe(user.password);
    expect(hashCost(dummyHash)).toBe(hashCost(user.password));
    expect(hashCost(dummyHash)).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/);
  });
});
