/** One field-level problem in a validation_error. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly errors?: readonly FieldError[];
  /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
  readonly headers?: Readonly<Record<string, string>>;
  /** RFC 9457 extension members added to the body, e.g. `required` and `available` credits. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * An expected failure with a machine-readable code; the error handler turns it into problem+json.
 * Create them through a feature's error table (defineErrors), never ad hoc.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(detail);
    this.name = "AppError";
  }
}

type ErrorTable = Readonly<Record<string, readonly [status: number, title: string]>>;

/**
 * A feature's closed list of error codes, each with its HTTP status and title, in one table.
 * Returns a factory: `errors("invite_used", "This invite code has already been used.")`.
 */
export function defineErrors<const T extends ErrorTable>(table: T) {
  const factory = (
    code: keyof T & string,
    detail?: string,
    options?: AppErrorOptions,
  ): AppError => {
    const [status, title] = table[code] as readonly [number, string];
    return new AppError(status, code, title, detail ?? title, options);
  };
  factory.codes = Object.keys(table) as (keyof T & string)[];
  return factory;
}

/** Errors every route can produce, raised by the platform itself. */
export const platformError = defineErrors({
  validation_error: [400, "Invalid request"],
  bad_request: [400, "Malformed HTTP request"],
  invalid_json: [400, "Malformed JSON body"],
  disallowed_host: [400, "Host not allowed"],
  not_authenticated: [401, "Authentication required"],
  invalid_token: [401, "Invalid token"],
  permission_denied: [403, "Permission denied"],
  csrf_failed: [403, "CSRF check failed"],
  not_found: [404, "Not found"],
  method_not_allowed: [405, "Method not allowed"],
  request_timeout: [408, "Request timeout"],
  payload_too_large: [413, "Request body too large"],
  unsupported_media_type: [415, "Unsupported media type"],
  headers_too_large: [431, "Request headers too large"],
  rate_limited: [429, "Too many requests"],
  internal_error: [500, "Internal server error"],
  service_unavailable: [503, "Service unavailable"],
  database_unavailable: [503, "Database unavailable"],
});

export function validationError(errors: readonly FieldError[], detail?: string): AppError {
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  return platformError("validation_error", detail ?? summary, { errors });
}
