import { expect } from "vitest";

/** A problem+json body as Tollgate sends it. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly request_id: string;
  readonly errors?: { field: string; code: string; message: string }[];
}

interface Reply {
  readonly statusCode: number;
  readonly headers: Record<string, unknown>;
  json(): unknown;
}

/**
 * Asserts an RFC 9457 problem+json reply with this status and code: the content type, every
 * member, and a request_id equal to the X-Request-ID header. Returns the body.
 */
export function expectProblem(response: Reply, status: number, code: string): ProblemBody {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = response.json() as ProblemBody;
  expect(body).toMatchObject({ status, code, type: `urn:tollgate:problem:${code}` });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(body.request_id).toBe(response.headers["x-request-id"]);
  return body;
}
