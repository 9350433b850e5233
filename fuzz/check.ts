import type { Outcome } from "./http.js";
import { declaredResponse, type Operation } from "./openapi.js";
import { schemaError } from "./schemas.js";

export interface Verdict {
  /** Why the reply breaks the rules; none: it passes. */
  readonly failures: readonly string[];
}

export interface Checked {
  readonly operation: Operation;
  /** The request carried no credentials. */
  readonly anonymous: boolean;
  /** How the request breaks the document; none: the document accepts it. */
  readonly violations: readonly string[];
  readonly outcome: Outcome;
  readonly slowMs: number;
}

function bodyFailures(
  operation: Operation,
  status: number,
  headers: Record<string, unknown>,
  body: Buffer,
): string[] {
  const declared = declaredResponse(operation, status);
  if (declared === undefined) return [`status ${String(status)} is not declared`];
  if (body.length === 0) {
    return declared.size > 0 && status !== 204
      ? [`an empty body where ${String(status)} declares ${[...declared.keys()].join(", ")}`]
      : [];
  }
  const contentType = headers["content-type"];
  if (typeof contentType !== "string") return ["a body without Content-Type"];
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  const schema = declared.get(mediaType);
  if (schema === undefined) {
    const listed = declared.size === 0 ? "no body" : [...declared.keys()].join(", ");
    return [`media type ${mediaType} is not declared for ${String(status)} (declared: ${listed})`];
  }
  if (mediaType !== "application/json" && !mediaType.endsWith("+json")) return [];
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    return [`the ${mediaType} body is not JSON`];
  }
  const error = schemaError(schema, value);
  if (error !== undefined)
    return [`the body does not match the ${String(status)} schema: ${error}`];
  return mediaType === "application/problem+json" ? problemFailures(status, headers, value) : [];
}

/** RFC 9457: the problem's status is the reply's; Tollgate's request_id is its X-Request-ID. */
function problemFailures(status: number, headers: Record<string, unknown>, value: unknown) {
  const problem = value as { status?: unknown; request_id?: unknown };
  const failures: string[] = [];
  if (problem.status !== status) {
    failures.push(
      `the problem's status ${String(problem.status)} is not the reply's ${String(status)}`,
    );
  }
  if (problem.request_id !== undefined && problem.request_id !== headers["x-request-id"]) {
    failures.push("the problem's request_id is not the X-Request-ID header");
  }
  return failures;
}

/**
 * The rules every reply is held to: no 5xx, an answer within the time limit, a status and media
 * type the document declares, a body its schema accepts, an X-Request-ID; no 2xx for input the
 * document forbids, nor without credentials on a secured operation.
 */
export function check({ operation, anonymous, violations, outcome, slowMs }: Checked): Verdict {
  if ("error" in outcome) return { failures: [`no reply: ${outcome.error}`] };
  const { status, headers, body, ms } = outcome;
  const failures: string[] = [];
  if (status >= 500) failures.push(`server error ${String(status)}`);
  if (ms > slowMs) failures.push(`slow: ${String(ms)} ms (limit ${String(slowMs)} ms)`);
  if (headers["x-request-id"] === undefined) failures.push("no X-Request-ID");
  failures.push(...bodyFailures(operation, status, headers, body));
  const success = status >= 200 && status < 300;
  if (success && violations.length > 0) {
    failures.push(`${String(status)} for input the document forbids (${violations.join("; ")})`);
  }
  if (success && anonymous && operation.secured) {
    failures.push(`${String(status)} without credentials on a secured operation`);
  }
  return { failures };
}
