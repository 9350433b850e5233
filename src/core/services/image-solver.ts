import type { ProviderErrorCode } from "../core.errors.js";

export interface SolveImageOptions {
  /** Model name sent to the provider (core_settings.openai_model). */
  readonly model: string;
  /** Whole request budget in seconds, body included (core_settings.openai_timeout_s). */
  readonly timeoutS: number;
}

/**
 * How a provider call ended. Failures are values, not exceptions: they are expected on the hot
 * path and each maps to one problem code. `detail` is for our logs only: it never holds the API
 * key, the image or the provider's reply body.
 */
export type SolveOutcome =
  | { readonly ok: true; readonly result: string; readonly model: string }
  | {
      readonly ok: false;
      readonly code: ProviderErrorCode;
      /** Seconds to wait, from the provider's Retry-After (429 only), when it gave one. */
      readonly retryAfterS?: number;
      readonly detail: string;
    };

/** How a reachability check ended; `detail` is for logs only (never the key or a reply body). */
export interface ReachabilityOutcome {
  readonly ok: boolean;
  readonly detail: string;
}

/** An AI provider that answers an image: the OpenAI client, or the stub when no key is set. */
export interface ImageSolver {
  readonly mode: "stub" | "openai";
  solveImage(bytes: Buffer, mimeType: string, options: SolveImageOptions): Promise<SolveOutcome>;
  /**
   * One cheap authenticated request that shows the provider answers and accepts the key, within
   * `timeoutMs`; never throws. Absent when there is no provider to reach (the stub).
   */
  readonly checkReachable?: (timeoutMs: number) => Promise<ReachabilityOutcome>;
}
