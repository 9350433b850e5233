import { inArray } from "drizzle-orm";
import { createBenchUser, type AppTarget } from "../bench/targets.js";
import { SESSION_COOKIE } from "../src/customers/request-authenticator.js";
import { CSRF_COOKIE } from "../src/platform/auth.js";
import { users } from "../src/schema.js";

/** Who a request is sent as: its credentials as headers. */
export interface AuthContext {
  readonly name: string;
  readonly anonymous: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Contexts {
  /** Anonymous, API token, customer session (+ CSRF), staff session (+ CSRF). */
  list(): readonly AuthContext[];
  /**
   * New credentials and the users' flags restored, after an operation that may have spent them
   * (logout, a session or token revoked, a user deactivated or demoted by the staff context).
   */
  refresh(): Promise<void>;
}

/**
 * Three users of their own (the API token's, a customer's, a staff member's), each with credits
 * so that metered calls can succeed, and the four contexts the fuzzer sends requests as.
 */
export async function createContexts(app: AppTarget, credits = 1_000_000): Promise<Contexts> {
  const { database, services } = app;
  const tokenUser = await createBenchUser(database, services, { credits });
  const customer = await createBenchUser(database, services, { credits });
  const staff = await createBenchUser(database, services, { isStaff: true, credits });
  let contexts: AuthContext[] = [];

  const session = async (name: string, userId: string): Promise<AuthContext> => {
    const { sessionKey, csrfToken } = await services.customers.sessions.create(userId);
    return {
      name,
      anonymous: false,
      headers: {
        cookie: `${SESSION_COOKIE}=${sessionKey}; ${CSRF_COOKIE}=${csrfToken}`,
        "x-csrftoken": csrfToken,
      },
    };
  };

  const refresh = async () => {
    await database.db
      .update(users)
      .set({ isActive: true, isStaff: false })
      .where(inArray(users.id, [tokenUser.id, customer.id]));
    await database.db
      .update(users)
      .set({ isActive: true, isStaff: true })
      .where(inArray(users.id, [staff.id]));
    const token = await services.customers.tokens.createToken(tokenUser.id, "fuzz");
    contexts = [
      { name: "anonymous", anonymous: true, headers: {} },
      { name: "api token", anonymous: false, headers: { authorization: `Bearer ${token.token}` } },
      await session("customer session", customer.id),
      await session("staff session", staff.id),
    ];
  };
  await refresh();
  return { list: () => contexts, refresh };
}
