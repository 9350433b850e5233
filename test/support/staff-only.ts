import { createVerifiedUser } from "../factories/customers.js";
import type { TestApp } from "./app.js";
import { expectProblem } from "./problems.js";
import { signIn } from "./sessions.js";

/**
 * Asserts that a staff route refuses an anonymous caller (401 not_authenticated) and a signed-in
 * non-staff user (403 permission_denied; with a valid CSRF token, so the refusal is the role's).
 */
export async function expectStaffOnly(
  t: TestApp,
  request: { method: "GET" | "POST" | "PATCH" | "DELETE"; url: string },
): Promise<void> {
  expectProblem(await t.app.inject(request), 401, "not_authenticated");
  const { user } = await createVerifiedUser(t.services.db);
  const { headers } = await signIn(t, user.id);
  expectProblem(await t.app.inject({ ...request, headers }), 403, "permission_denied");
}
