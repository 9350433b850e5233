/** One invalid field of a `validation_error` problem (`errors[]`). */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A failed API call, read from its RFC 9457 problem+json body: `detail` is what a person reads,
 * `code` what the app branches on, `requestId` what support searches the logs for.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId: string | null,
    readonly fieldErrors: readonly FieldError[] = [],
    /** Seconds to wait before trying again (`Retry-After` of a 429 or 503), when given. */
    readonly retryAfter: number | null = null,
  ) {
    super(detail);
    this.name = "ApiError";
  }

  /** The message to show: a server error carries its request id so it can be reported. */
  get userMessage(): string {
    if (this.status >= 500 && this.requestId !== null) {
      return `${this.detail} (request id ${this.requestId})`;
    }
    return this.detail;
  }

  /** Field messages keyed by field name, for a form's `setErrors`. */
  get messagesByField(): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const error of this.fieldErrors) {
      // A query or path field may be named like "query.status": a form knows the plain name.
      const name = error.field.split(".").at(-1) ?? error.field;
      messages[name] ??= error.message;
    }
    return messages;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((error) => ({
    field: stringOr(error["field"], ""),
    code: stringOr(error["code"], ""),
    message: stringOr(error["message"], "Invalid value."),
  }));
}

/** `Retry-After` in seconds (the API sends seconds, never an HTTP date), or null. */
function retryAfterOf(response: Response): number | null {
  const value = Number(response.headers.get("Retry-After") ?? "");
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** The ApiError of a non-2xx response whose body was parsed as `body` (or is text/absent). */
export function apiErrorFrom(response: Response, body: unknown): ApiError {
  const requestId = response.headers.get("X-Request-ID");
  if (isRecord(body)) {
    return new ApiError(
      response.status,
      stringOr(body["code"], `http_${response.status}`),
      stringOr(body["detail"], stringOr(body["title"], response.statusText)),
      stringOr(body["request_id"], requestId ?? "") || null,
      fieldErrorsOf(body["errors"]),
      retryAfterOf(response),
    );
  }
  // Not a problem body: a proxy's error page, or a server that is not Tollgate's.
  return new ApiError(
    response.status,
    `http_${response.status}`,
    `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
    requestId,
  );
}

/** fetch itself failed: offline, DNS, the server down. */
export function networkError(): ApiError {
  return new ApiError(0, "network_error", "The server could not be reached; try again.", null);
}
