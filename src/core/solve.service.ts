import type { Logger } from "pino";
import type { MeteredPrice, MeteredRunner, MeteredRunOutcome } from "../ai-services/metered-run.js";
import type { ServiceFailureCode, ServiceOutcome } from "../ai-services/service-definition.js";
import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { coreError, PROVIDER_ERROR_DETAILS, type ProviderErrorCode } from "./core.errors.js";
import { createCoreSettingsService, type CoreSettingsService } from "./core-settings.service.js";
import { inspectImage } from "./image-format.js";
import { createProviderHealth, type ProviderHealth } from "./provider-health.js";
import { createOpenAiClient } from "./services/openai-client.js";
import type { ImageSolver, SolveOutcome } from "./services/image-solver.js";
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
  /** The request's Idempotency-Key and fingerprint, when it sent one. */
  readonly idempotency?: { readonly key: string; readonly fingerprint: string } | undefined;
  /** Milliseconds since the request arrived (the contract's timer starts before authentication). */
  readonly elapsedMs: () => number;
  readonly log: Pick<Logger, "warn" | "error">;
}

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
  /**
   * Validates the image, asks the provider, and logs the call (charging it only on success)
   * atomically before replying; refusals before the provider is asked are thrown as AppErrors.
   * Neither the image nor the provider's answer is stored or logged; only sizes and metadata.
   */
  solveImage(input: SolveInput): Promise<MeteredRunOutcome>;
}

/** The provider for this configuration: OpenAI when a key is set, the offline stub otherwise. */
export function imageSolverFor(config: Config): ImageSolver {
  const { apiKey, baseUrl, prompt } = config.openai;
  return apiKey === undefined
    ? createStubSolver()
    : createOpenAiClient({ apiKey, baseUrl, prompt });
}

/** Solve's provider codes and the services' generic ones name the same failures. */
const GENERIC_CODES: Readonly<Record<ProviderErrorCode, ServiceFailureCode>> = {
  openai_error: "provider_error",
  openai_unavailable: "provider_unavailable",
  openai_rate_limited: "provider_rate_limited",
  openai_timeout: "provider_timeout",
};
const OPENAI_CODES = Object.fromEntries(
  Object.entries(GENERIC_CODES).map(([openai, generic]) => [generic, openai]),
) as Record<ServiceFailureCode, ProviderErrorCode>;

/** A provider's answer in the services' terms (generic failure codes). */
export function toServiceOutcome(
  outcome: SolveOutcome,
): ServiceOutcome<{ result: string; model: string }> {
  if (outcome.ok) return { ok: true, result: { result: outcome.result, model: outcome.model } };
  return {
    ok: false,
    code: GENERIC_CODES[outcome.code],
    reason: outcome.detail,
    ...(outcome.retryAfterS === undefined ? {} : { retryAfterS: outcome.retryAfterS }),
  };
}

export function buildCoreServices(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  runMetered: MeteredRunner;
  /** The credit cost of core.image_solve (its ai_services row; staff may add one). */
  creditCostMilli: () => Promise<number>;
  log?: Pick<Logger, "warn">;
  solver?: ImageSolver;
}): CoreServices {
  const { clock, runMetered } = deps;
  const solver = deps.solver ?? imageSolverFor(deps.config);
  const settings = createCoreSettingsService(deps);

  return {
    solver,
    settings,
    providerHealth: createProviderHealth({ solver, clock, log: deps.log }),
    async solveImage(input) {
      const requestTs = clock.now();
      if (input.bytes.length === 0) throw coreError("empty_file", "The uploaded file is empty.");
      const image = inspectImage(input.bytes);
      if (image === null) {
        throw unsupportedMediaType("The file is not a PNG, JPEG, GIF or WebP image.");
      }
      const [current, creditCostMilli] = await Promise.all([
        settings.get(),
        deps.creditCostMilli(),
      ]);
      const price: MeteredPrice = {
        service: IMAGE_SOLVE_SERVICE,
        creditCostMilli,
        priceCents: current.costPerRequestCents,
      };
      return runMetered({
        userId: input.userId,
        tokenId: input.tokenId,
        requestId: input.requestId,
        requestIdFromCaller: input.requestIdFromCaller,
        requestTs,
        elapsedMs: input.elapsedMs,
        requestBytes: input.bytes.length,
        price,
        speaksCredits: false,
        idempotency: input.idempotency,
        // The provider client enforces openai_timeout_s itself (answering openai_timeout).
        timeoutMs: undefined,
        log: input.log,
        async run() {
          return toServiceOutcome(
            await solver.solveImage(input.bytes, image.mimeType, {
              model: current.openaiModel,
              timeoutS: current.openaiTimeoutS,
            }),
          );
        },
        failure(outcome) {
          const code = OPENAI_CODES[outcome.code];
          const headers: Record<string, string> =
            outcome.retryAfterS === undefined ? {} : { "Retry-After": String(outcome.retryAfterS) };
          return coreError(code, PROVIDER_ERROR_DETAILS[code], { headers });
        },
        success(result, { durationMs }) {
          const response: SolveResponseBody = {
            request_id: input.requestId,
            result: result.result,
            model: result.model,
            duration_ms: durationMs,
          };
          return {
            status: 200,
            contentType: "application/json; charset=utf-8",
            headers: {},
            body: JSON.stringify(response),
          };
        },
      });
    },
  };
}
