import { Type } from "typebox";
import {
  defineJsonService,
  succeeded,
  type AiServiceDefinition,
  type ServiceOutcome,
} from "../../src/ai-services/service-definition.js";

export type Script = "ok" | "fail" | "throw" | { readonly waitFor: Promise<void> };

/**
 * A JSON service for tests whose provider does what the test says: answer, fail (provider_error),
 * throw, or wait for a gate; `calls` counts how often the provider was reached. With `failEvery`,
 * every n-th call fails instead (a flaky provider under load). With `tokensPerCall` it reports
 * that many tokens on each success (an LLM-like service, checked against tokens_per_month).
 */
export function scriptedService(options: {
  name: string;
  creditCost: number;
  priceCents?: number;
  failEvery?: number;
  tokensPerCall?: number;
}): AiServiceDefinition & { calls: number; script: Script } {
  const state = { calls: 0, script: "ok" as Script };
  const definition = defineJsonService({
    name: options.name,
    type: "basic",
    description: "A test service whose provider follows a script.",
    defaultCreditCost: options.creditCost,
    ...(options.priceCents === undefined ? {} : { defaultPriceCents: options.priceCents }),
    timeoutMs: 5_000,
    ...(options.tokensPerCall === undefined ? {} : { reportsTokens: true }),
    inputSchema: Type.Object({ n: Type.Integer() }, { additionalProperties: false }),
    outputSchema: Type.Object({ n: Type.Integer(), call: Type.Integer() }),
    async run({ n }): Promise<ServiceOutcome<{ n: number; call: number }>> {
      state.calls += 1;
      const call = state.calls;
      const script = state.script;
      if (options.failEvery !== undefined && call % options.failEvery === 0) {
        return { ok: false, code: "provider_error", reason: "scripted failure" };
      }
      if (script === "fail") return { ok: false, code: "provider_unavailable", reason: "scripted" };
      if (script === "throw") throw new Error("scripted crash");
      if (typeof script === "object") await script.waitFor;
      return succeeded({ n, call }, options.tokensPerCall);
    },
  });
  return Object.defineProperties(definition, {
    calls: { get: () => state.calls },
    script: {
      get: () => state.script,
      set: (value: Script) => {
        state.script = value;
      },
    },
  }) as AiServiceDefinition & { calls: number; script: Script };
}
