import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { throttledWarn } from "../platform/logging.js";
import type { AppError } from "../platform/errors.js";
import { problemBody } from "../platform/problem.js";
import { createRequestMeter } from "../usage/batched-metering.js";
import { isUniqueViolation } from "../platform/db/errors.js";
import { requestIdIsLogged } from "../usage/request-logs.queries.js";
import { coreError, DUPLICATE_REQUEST_DETAIL, PROVIDER_ERROR_DETAILS } from "./core.errors.js";
import { createCoreSettingsService, type CoreSettingsService } from "./core-settings.service.js";
import { inspectImage } from "./image-format.js";
import { createProviderHealth, type ProviderHealth } from "./provider-health.js";
import { createOpenAiClient } from "./services/openai-client.js";
import type { ImageSolver } from "./services/image-solver.js";
import { createStubSolver } from "./stub-provider.js";
import { unsupportedMediaType } from "./upload-limits.js";

/** The service name metered requests of /api/core/solve are logged under. */
export const IMAGE_SOLVE_SERVICE = "core.image_solve";

export interface SolveInput {
  readonly userId: string;
  readonly tokenId: string | null;
  /** The request's X-Request-ID; also the request log's request_id. */
  readonly requestId: string;
  /** The caller sent this id (it may be a replay); ids we generate are always fresh. */
  readonly requestIdFromCaller: boolean;
  readonly bytes: Buffer;
  /** Milliseconds since the request arrived (the contract's timer starts before authentication). */
  readonly elapsedMs: () => number;
  readonly log: { warn(details: object, message: string): void };
}

/**
 * What to send, already serialized: the metered response size is the size of this exact body.
 * `error` is set for refusals that were not metered (bad uploads); the platform handler sends those.
 */
export type SolveReply =
  | {
      readonly metered: true;
      readonly status: number;
      readonly contentType: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly metered: false; readonly error: AppError };

export interface SolveResponseBody {
  request_id: string;
  result: string;
  model: string;
  duration_ms: number;
}

export interface CoreServices {
  readonly solver: ImageSolver;
  readonly settings: CoreSettingsService;
  /** For /healthz only; cached, so probes never call the provider more than once a minute. */
  readonly providerHealth: ProviderHealth;
  solveImage(input: SolveInput): Promise<SolveReply>;
}

/** The provider for this configuration: OpenAI when a key is set, the offline stub otherwise. */
export function imageSolverFor(config: Config): ImageSolver {
  const { apiKey, baseUrl, prompt } = config.openai;
  return apiKey === undefined
    ? createStubSolver()
    : createOpenAiClient({ apiKey, baseUrl, prompt });
}

/** At most one "batch refused" warning per this many ms. */
const BATCH_WARNING_INTERVAL_MS = 30_000;

export function buildCoreServices(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  log?: Pick<Logger, "warn">;
  solver?: ImageSolver;
}): CoreServices {
  const { db, clock } = deps;
  const solver = deps.solver ?? imageSolverFor(deps.config);
  const settings = createCoreSettingsService(deps);
  const warn =
    deps.log === undefined ? undefined : throttledWarn(deps.log, BATCH_WARNING_INTERVAL_MS);
  // Each refused batch falls back to one statement per request: slower, so say so, sparingly.
  const meter = createRequestMeter(db, {
    onBatchRefused: (error) =>
      warn?.(error, "metering batch refused; recording its requests one by one"),
  });

  return {
    solver,
    settings,
    providerHealth: createProviderHealth({ solver, clock, log: deps.log }),
    /**
     * Validates the image, asks the provider, and logs the call (charging it only on success)
     * atomically before replying. Neither the image nor the provider's answer is stored or
     * logged; only sizes and metadata are.
     */
    async solveImage(input) {
      const requestTs = clock.now();
      if (input.bytes.length === 0) {
        return { metered: false, error: coreError("empty_file", "The uploaded file is empty.") };
      }
      const image = inspectImage(input.bytes);
      if (image === null) {
        return {
          metered: false,
          error: unsupportedMediaType("The file is not a PNG, JPEG, GIF or WebP image."),
        };
      }
      // A replayed id would fail the log's unique index after the provider was paid; refuse it
      // first. Only caller-chosen ids need the look-up, so the common path stays one statement.
      if (input.requestIdFromCaller && (await requestIdIsLogged(db, input.requestId))) {
        return {
          metered: false,
          error: coreError("duplicate_request_id", DUPLICATE_REQUEST_DETAIL),
        };
      }
      const current = await settings.get();
      const outcome = await solver.solveImage(input.bytes, image.mimeType, {
        model: current.openaiModel,
        timeoutS: current.openaiTimeoutS,
      });
      const durationMs = Math.round(input.elapsedMs());

      let reply: SolveReply & { metered: true };
      if (outcome.ok) {
        const response: SolveResponseBody = {
          request_id: input.requestId,
          result: outcome.result,
          model: outcome.model,
          duration_ms: durationMs,
        };
        reply = {
          metered: true,
          status: 200,
          contentType: "application/json; charset=utf-8",
          headers: {},
          body: JSON.stringify(response),
        };
      } else {
        input.log.warn(
          {
            code: outcome.code,
            provider: solver.mode,
            reason: outcome.detail,
            duration_ms: durationMs,
          },
          "AI provider call failed",
        );
        const headers: Record<string, string> =
          outcome.retryAfterS === undefined ? {} : { "Retry-After": String(outcome.retryAfterS) };
        const error = coreError(outcome.code, PROVIDER_ERROR_DETAILS[outcome.code], { headers });
        reply = {
          metered: true,
          status: error.status,
          contentType: "application/problem+json; charset=utf-8",
          headers,
          body: JSON.stringify(problemBody(input.requestId, error)),
        };
      }

      // Recorded through the batching meter: its statement writes this log and its charge
      // together (with other requests that finished meanwhile) before the reply is sent.
      // Wrap billing in a transaction of its own when a request gets more billing writes (e.g.
      // credit debits).
      try {
        await meter.record({
          userId: input.userId,
          tokenId: input.tokenId,
          service: IMAGE_SOLVE_SERVICE,
          requestTs,
          durationMs,
          requestBytes: input.bytes.length,
          responseBytes: Buffer.byteLength(reply.body),
          status: outcome.ok ? "success" : "error",
          errorCode: outcome.ok ? null : outcome.code,
          requestId: input.requestId,
          costCents: outcome.ok ? current.costPerRequestCents : 0,
        });
      } catch (error) {
        // Two concurrent requests with one caller-chosen id: the second is not logged or charged.
        if (isUniqueViolation(error)) {
          return {
            metered: false,
            error: coreError("duplicate_request_id", DUPLICATE_REQUEST_DETAIL),
          };
        }
        throw error;
      }
      return reply;
    },
  };
}
