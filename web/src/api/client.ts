import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, apiErrorFrom, networkError } from "./errors";
import type { operations, paths } from "./schema";

export const CSRF_COOKIE = "csrftoken";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The csrftoken cookie (not HttpOnly by design), or undefined before any login. */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    // An emptied cookie (some engines keep `csrftoken=` until it expires) is no token.
    if (name === CSRF_COOKIE && value.join("=") !== "") return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** Logout ends the session server-side but leaves the CSRF cookie; the app forgets it too. */
export function forgetCsrfToken(): void {
  document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
}

// Django's convention, which the server checks on unsafe methods of a cookie session.
const csrfHeader: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (!SAFE_METHODS.has(request.method) && token !== undefined) {
      request.headers.set("X-CSRFToken", token);
    }
    return request;
  },
};

/** Typed from the server's OpenAPI document (schema.d.ts): paths, parameters and bodies. */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(csrfHeader);

let unauthenticated: () => void = () => undefined;

/** What to do when the session is gone (401 not_authenticated): the app goes to its login. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticated = handler;
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call; anything else as an ApiError. A lost session (401 with
 * `not_authenticated`) also sends the person to the login page; a wrong password at login is a
 * 401 too, but `invalid_credentials`, and stays with the form.
 */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw networkError();
  }
  if (outcome.response.ok) return outcome.data as T;
  const error = apiErrorFrom(outcome.response, outcome.error);
  if (error.status === 401 && error.code === "not_authenticated") unauthenticated();
  throw error;
}

/** The JSON body of an operation's 200 (or `status`) answer, by its operationId. */
export type OkJson<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]["responses"] = 200 &
    keyof operations[Operation]["responses"],
> = operations[Operation]["responses"][Status] extends {
  content: { "application/json": infer Body };
}
  ? Body
  : never;

/** The query parameters of an operation, by its operationId. */
export type QueryOf<Operation extends keyof operations> = NonNullable<
  operations[Operation]["parameters"]["query"]
>;

/** The JSON request body of an operation, by its operationId. */
export type BodyOf<Operation extends keyof operations> = operations[Operation] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
