import { Type, type Static, type TSchema } from "typebox";
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
  { description: "RFC 9457 problem details" },
);
export type Problem = Static<typeof Problem>;

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

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** A response declared under its own media type, as Fastify and @fastify/swagger read it. */
export interface ProblemResponse<T extends TSchema = typeof Problem> {
  readonly description: string;
  readonly content: { readonly [PROBLEM_MEDIA_TYPE]: { readonly schema: T } };
  readonly headers?: Readonly<Record<string, { type: string; description: string }>>;
}

/**
 * An error response as it is sent: application/problem+json, not the application/json that a
 * bare schema is documented as (clients and schema checkers pick the parser by media type).
 */
export function problemResponse<T extends TSchema>(
  schema: T,
  description = "RFC 9457 problem details (application/problem+json)",
): ProblemResponse<T> {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema } } };
}

/**
 * The 503 a route may answer, with the codes a client should know are temporary and the
 * Retry-After header they come with.
 */
const UNAVAILABLE: ProblemResponse = {
  ...problemResponse(
    Problem,
    "RFC 9457 problem details (application/problem+json). Temporarily unavailable: " +
      "`database_unavailable` (the database cannot be reached; nothing was charged), " +
      "`service_unavailable` (the server is shutting down), or on metered routes the AI " +
      "provider's rate limit. Retry after `Retry-After` seconds.",
  ),
  headers: {
    "Retry-After": { type: "integer", description: "Seconds to wait before retrying" },
  },
};

/** The documented response of a problem with this status. */
export function problemResponseFor(status: number): ProblemResponse {
  return status === 503 ? UNAVAILABLE : problemResponse(Problem);
}

/** Response schemas for a route's error statuses: `response: { 200: X, ...problems(400, 404) }`. */
export function problems(...statuses: number[]): Record<number, ProblemResponse> {
  return Object.fromEntries(statuses.map((status) => [status, problemResponseFor(status)]));
}
