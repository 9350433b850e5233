import type { Static, TObject, TSchema } from "typebox";
import type { ImageInfo } from "../core/image-format.js";

/** The categories of the QuickScale service framework; `image_processing` services take uploads. */
export const SERVICE_TYPES = [
  "basic",
  "text_processing",
  "image_processing",
  "data_validation",
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** A service name: lower-case words joined by `_` or `.` (e.g. `text_sentiment_analysis`). */
export const SERVICE_NAME_PATTERN = "^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)*$";
export const SERVICE_NAME_MAX_LENGTH = 64;

/** What every run gets besides its input. */
export interface ServiceContext {
  /** The request's X-Request-ID (also the request log's id). */
  readonly requestId: string;
  readonly userId: string;
  /** Aborted when the run exceeds its time limit; pass it to any I/O the service does. */
  readonly signal: AbortSignal;
}

/**
 * Why a run failed in a way the caller is not charged for, as solve maps provider failures:
 * `provider_error` / `provider_unavailable` 502, `provider_rate_limited` 503, `provider_timeout` 504.
 */
export type ServiceFailureCode =
  "provider_error" | "provider_unavailable" | "provider_rate_limited" | "provider_timeout";

export type ServiceOutcome<R> =
  | {
      readonly ok: true;
      readonly result: R;
      /**
       * Tokens this run used, counted against the plan's tokens_per_month and stored on its
       * request log (a whole number ≥ 0); for services that declare `reportsTokens`.
       */
      readonly tokensUsed?: number;
    }
  | {
      readonly ok: false;
      readonly code: ServiceFailureCode;
      /** For the log only; the caller gets a fixed message per code. */
      readonly reason?: string;
      readonly retryAfterS?: number;
    };

/** An upload as image services receive it: already size-checked and recognised by its magic number. */
export interface ImageUpload {
  readonly bytes: Buffer;
  readonly image: ImageInfo;
}

interface ServiceBase<O extends TSchema> {
  /** Unique; also the row's key and the URL segment (`/api/services/{name}/run`). */
  readonly name: string;
  readonly description: string;
  /** Credits a successful run costs until staff change the row; at most 3 decimals. */
  readonly defaultCreditCost: number;
  /** Postpaid cents a successful run adds to the billing period until staff change it (default 0). */
  readonly defaultPriceCents?: number;
  /** The shape of `result` on success; documented and checked in the service's tests. */
  readonly outputSchema: O;
  /** Longest a run may take before it is abandoned as provider_timeout (default 30 s). */
  readonly timeoutMs?: number;
  /**
   * Its runs report `tokensUsed`: the caller's plan's tokens_per_month is checked before each
   * run (402 plan_limit_exceeded once this period's tokens reach it; the service is not called).
   */
  readonly reportsTokens?: boolean;
}

/** A service whose input is JSON (`{"input": {...}}`), validated against `inputSchema`. */
export interface JsonServiceDefinition<
  I extends TObject = TObject,
  O extends TSchema = TSchema,
> extends ServiceBase<O> {
  readonly type: Exclude<ServiceType, "image_processing">;
  readonly inputSchema: I;
  run(input: Static<I>, context: ServiceContext): Promise<ServiceOutcome<Static<O>>>;
}

/** A service whose input is an image upload (multipart `file` or application/octet-stream). */
export interface ImageServiceDefinition<O extends TSchema = TSchema> extends ServiceBase<O> {
  readonly type: "image_processing";
  run(upload: ImageUpload, context: ServiceContext): Promise<ServiceOutcome<Static<O>>>;
}

export type AiServiceDefinition = JsonServiceDefinition | ImageServiceDefinition;

/** Declares a JSON service with its input typed from its schema. */
export function defineJsonService<I extends TObject, O extends TSchema>(
  definition: JsonServiceDefinition<I, O>,
): AiServiceDefinition {
  return definition;
}

/** Declares an image service. */
export function defineImageService<O extends TSchema>(
  definition: ImageServiceDefinition<O>,
): AiServiceDefinition {
  return definition;
}

/** A successful outcome, with the tokens it used when the service reports them. */
export function succeeded<R>(result: R, tokensUsed?: number): ServiceOutcome<R> {
  return tokensUsed === undefined ? { ok: true, result } : { ok: true, result, tokensUsed };
}
