import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import type { FastifySchemaCompiler } from "fastify";
import type { FieldError } from "./errors.js";

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerceTypes ? "array" : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

// Query strings, params and headers arrive as text and are coerced ("2" -> 2); JSON bodies are
// not, so `{"name": 5}` is a type error rather than silently becoming "5".
const coercing = makeAjv(true);
const exact = makeAjv(false);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === "body" ? exact : coercing).compile(schema as object);

const KEYWORD_CODES: Record<string, string> = {
  required: "required",
  type: "invalid_type",
  format: "invalid_format",
  pattern: "invalid_format",
  minLength: "too_short",
  maxLength: "too_long",
  minimum: "out_of_range",
  maximum: "out_of_range",
  exclusiveMinimum: "out_of_range",
  exclusiveMaximum: "out_of_range",
  enum: "invalid_choice",
  const: "invalid_choice",
  anyOf: "invalid",
  additionalProperties: "unknown_field",
  minItems: "too_short",
  maxItems: "too_long",
};

/** Turns ajv's errors into `[{field, code, message}]`, one per field and problem. */
export function fieldErrorsFromAjv(errors: readonly ErrorObject[], part: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const path = error.instancePath.split("/").filter(Boolean);
    if (error.keyword === "required") path.push(String(error.params["missingProperty"]));
    if (error.keyword === "additionalProperties") {
      path.push(String(error.params["additionalProperty"]));
    }
    const field = path.length > 0 ? path.join(".") : part;
    const code = KEYWORD_CODES[error.keyword] ?? "invalid";
    const key = `${field}:${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const message =
      error.keyword === "required"
        ? "This field is required."
        : error.keyword === "additionalProperties"
          ? "Unknown field."
          : (error.message ?? "Invalid value.");
    result.push({ field, code, message });
  }
  return result;
}

/** Postgres text cannot hold U+0000; finding it first turns a would-be 500 into a 400. */
function findNulCharacter(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, String(index)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // Parsed JSON and query objects; never the bytes or streams of upload bodies.
  if (
    value !== null &&
    typeof value === "object" &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { pipe?: unknown }).pipe !== "function"
  ) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(key, path) ?? findNulCharacter(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The first field of a JSON body, query string or path that holds a NUL character. */
export function fieldWithNulCharacter(parts: Record<string, unknown>): string | undefined {
  for (const [part, value] of Object.entries(parts)) {
    const path = findNulCharacter(value, []);
    if (path !== undefined) return path.length > 0 ? path.join(".") : part;
  }
  return undefined;
}
