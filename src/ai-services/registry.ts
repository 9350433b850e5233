import { imageSolveDefinition } from "../core/image-solve.definition.js";
import type { CoreServices } from "../core/solve.service.js";
import { builtinServices } from "./builtin/index.js";
import type { AiServiceDefinition } from "./service-definition.js";
// generate-service: imports of new services go above this line.

/** What service modules may need from the rest of the application. */
export interface ServiceModuleDeps {
  readonly core: Pick<CoreServices, "solver" | "settings">;
}

/**
 * Every AI service the code provides, listed explicitly (no discovery): a module is registered
 * by being named here. `npm run cli -- generate-service NAME` adds its new module for you.
 */
export function registeredServices(deps: ServiceModuleDeps): readonly AiServiceDefinition[] {
  return [
    imageSolveDefinition(deps.core),
    ...builtinServices,
    // generate-service: new services go above this line.
  ];
}
