import { Type } from "typebox";
import { defineImageService, type AiServiceDefinition } from "../ai-services/service-definition.js";
import type { CoreServices } from "./solve.service.js";
import { IMAGE_SOLVE_SERVICE, toServiceOutcome } from "./solve.service.js";

/** The longest a provider call may take (core settings cap the timeout at 300 s), plus grace. */
const LONGEST_SOLVE_MS = 305_000;

/**
 * `core.image_solve` as a service of the registry: listed with the others, runnable through
 * /api/services/core.image_solve/run too. POST /api/core/solve keeps its own contract; both
 * ask the same provider with the same settings, and its price in cents is the core settings'.
 */
export function imageSolveDefinition(
  core: Pick<CoreServices, "solver" | "settings">,
): AiServiceDefinition {
  return defineImageService({
    name: IMAGE_SOLVE_SERVICE,
    type: "image_processing",
    description:
      "Solves the task shown in an image with the configured AI model (the same as POST /api/core/solve).",
    defaultCreditCost: 0,
    timeoutMs: LONGEST_SOLVE_MS,
    outputSchema: Type.Object({
      result: Type.String({
        description: "The model's answer (in stub mode, a description of the image)",
      }),
      model: Type.String(),
    }),
    async run(upload) {
      const settings = await core.settings.get();
      const outcome = await core.solver.solveImage(upload.bytes, upload.image.mimeType, {
        model: settings.openaiModel,
        timeoutS: settings.openaiTimeoutS,
      });
      return toServiceOutcome(outcome);
    },
  });
}
