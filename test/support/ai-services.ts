import type { Static, TSchema } from "typebox";
import { Value } from "typebox/value";
import { expect } from "vitest";
import type {
  AiServiceDefinition,
  ServiceContext,
  ServiceOutcome,
} from "../../src/ai-services/service-definition.js";
import { inspectImage } from "../../src/core/image-format.js";
import { validatorCompiler } from "../../src/platform/validation.js";

function testContext(): ServiceContext {
  return { requestId: "req-test", userId: "user-test", signal: new AbortController().signal };
}

/** Runs a JSON service's `run` directly, as the route does once the input is valid. */
export async function runJsonService(
  definition: AiServiceDefinition,
  input: Record<string, unknown>,
): Promise<ServiceOutcome<unknown>> {
  if (definition.type === "image_processing") throw new Error(`${definition.name} takes images`);
  return definition.run(input, testContext());
}

/** Runs an image service's `run` on `bytes`, recognised by magic number as uploads are. */
export async function runImageService(
  definition: AiServiceDefinition,
  bytes: Buffer,
): Promise<ServiceOutcome<unknown>> {
  if (definition.type !== "image_processing") throw new Error(`${definition.name} takes JSON`);
  const image = inspectImage(bytes);
  if (image === null) throw new Error("not an accepted image format");
  return definition.run({ bytes, image }, testContext());
}

/** The result of a successful outcome, after checking it against `schema` (the output schema). */
export function expectSucceeded<S extends TSchema>(
  schema: S,
  outcome: ServiceOutcome<unknown>,
): Static<S> {
  if (!outcome.ok)
    throw new Error(`expected success, got ${outcome.code}: ${outcome.reason ?? ""}`);
  expect(Value.Errors(schema, outcome.result)).toEqual([]);
  if (!Value.Check(schema, outcome.result)) throw new Error("result does not match its schema");
  return outcome.result;
}

/** Whether the app's JSON body validator accepts `input` for the service's input schema. */
export function acceptsInput(definition: AiServiceDefinition, input: unknown): boolean {
  if (definition.type === "image_processing") throw new Error(`${definition.name} takes images`);
  const validate = validatorCompiler({
    schema: definition.inputSchema,
    method: "POST",
    url: `/api/services/${definition.name}/run`,
    httpPart: "body",
  });
  return validate(input) === true;
}
