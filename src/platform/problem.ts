import { Type, type Static } from "typebox";
import type { AppError } from "./errors.js";

/** RFC 9457 problem details, as every error response of Tollgate is shaped. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: "URI naming the problem type" }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: "Machine-readable error code" }),
    request_id: Type.String({ format: "uuid" }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }),
      ),
    ),
  },
  { description: "application/problem+json (RFC 9457)" },
);
export type Problem = Static<typeof Problem>;

/**
 * The 503 a route may answer, with the codes a client should know are temporary and the
 * Retry-After header they come with.
 */
export const UnavailableProblem = Type.Object(Problem.properties, {
  description:
    "application/problem+json (RFC 9457). Temporarily unavailable: `database_unavailable` (the " +
    "database cannot be reached; nothing was charged), `service_unavailable` (the server is " +
    "shutting down), or on metered routes the AI provider's rate limit. Retry after " +
    "`Retry-After` seconds.",
  headers: {
    "Retry-After": { type: "integer", description: "Seconds to wait before retrying" },
  },
});

export function problemType(code: string): string {
  return `urn:tollgate:problem:${code}`;
}

/** The problem+json body for an AppError raised while handling request `requestId`. */
export function problemBody(requestId: string, error: AppError): Problem {
  return {
    ...error.options.extensions,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    request_id: requestId,
    ...(error.options.errors === undefined ? {} : { errors: [...error.options.errors] }),
  };
}

/** The documented schema of a problem with this status. */
export function problemSchema(status: number): typeof Problem {
  return status === 503 ? UnavailableProblem : Problem;
}

/** Response schemas for a route's error statuses: `response: { 200: X, ...problems(400, 404) }`. */
export function problems(...statuses: number[]): Record<number, typeof Problem> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema(status)]));
}
