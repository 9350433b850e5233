import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";
import type { FastifySchemaCompiler } from "fastify";
import type { FieldError } from "./errors.js";

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerceTypes ? "array" : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
    // parentSchema on errors, so a pattern's `description` can explain it to the caller.
    verbose: true,
  });
  addFormats.default(ajv);
  // Tighter than ajv-formats, which accepts what Postgres refuses: "urn:uuid:…" ids and leap
  // seconds (23:59:60); and years that become "+010000" once an offset is applied.
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat("date-time", {
    validate: (value: string) => {
      if (!isFullDateTime(value)) return false;
      const time = Date.parse(value);
      if (Number.isNaN(time)) return false;
      const year = new Date(time).getUTCFullYear();
      return year >= 1000 && year <= 9998;
    },
  });
  return ajv;
}

const fullDateTime = fullFormats["date-time"];
function isFullDateTime(value: string): boolean {
  return typeof fullDateTime === "object" && "validate" in fullDateTime
    ? (fullDateTime.validate as (value: string) => boolean)(value)
    : false;
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
  minProperties: "required",
  maxItems: "too_long",
};

const FORMAT_MESSAGES: Record<string, string> = {
  uuid: "Expected a UUID, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301.",
  "date-time": "Expected an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z.",
  email: "Enter a valid email address.",
};

/** Says what a pattern or format expects in words rather than as a regular expression. */
function formatMessage(error: ErrorObject): string | undefined {
  if (error.keyword === "format") return FORMAT_MESSAGES[String(error.params["format"])];
  if (error.keyword !== "pattern") return undefined;
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === "string" ? `Expected ${description}.` : "Invalid format.";
}

/** Turns ajv's errors into `[{field, code, message}]`, one per field and problem. */
export function fieldErrorsFromAjv(errors: readonly ErrorObject[], part: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  // An optional body is `object | null`: its failed null branch and the anyOf summary only
  // repeat what the object branch's own errors say.
  const specific = errors.filter(
    (error) =>
      error.keyword !== "anyOf" && !(error.keyword === "type" && error.params["type"] === "null"),
  );
  for (const error of specific.length > 0 ? specific : errors) {
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
          : (formatMessage(error) ?? error.message ?? "Invalid value.");
    result.push({ field, code, message });
  }
  return result;
}

interface Visit {
  readonly value: unknown;
  readonly key: string | undefined;
  readonly parent: Visit | undefined;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | undefined = visit; at !== undefined; at = at.parent) {
    if (at.key !== undefined) path.unshift(at.key);
  }
  return path;
}

/**
 * Postgres text cannot hold U+0000; finding it first turns a would-be 500 into a 400. Walks with
 * an explicit stack: a deeply nested body (a few KB of `[[[[…`) must not exhaust the call stack.
 */
function findNulCharacter(root: unknown): string[] | undefined {
  const stack: Visit[] = [{ value: root, key: undefined, parent: undefined }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return pathOf(visit);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) =>
        stack.push({ value: item, key: String(index), parent: visit }),
      );
    } else if (
      // Parsed JSON and query objects; never the bytes or streams of upload bodies.
      value !== null &&
      typeof value === "object" &&
      !ArrayBuffer.isView(value) &&
      typeof (value as { pipe?: unknown }).pipe !== "function"
    ) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\u0000")) return pathOf(visit);
        stack.push({ value: item, key, parent: visit });
      }
    }
  }
  return undefined;
}

/** The first field of a JSON body, query string or path that holds a NUL character. */
export function fieldWithNulCharacter(parts: Record<string, unknown>): string | undefined {
  for (const [part, value] of Object.entries(parts)) {
    const path = findNulCharacter(value);
    if (path !== undefined) return path.length > 0 ? path.join(".") : part;
  }
  return undefined;
}

/**
 * A validator for JSON bodies checked outside a route schema (e.g. an AI service's input): the
 * field errors of a value, named under `part` (e.g. "input.text"), or none.
 */
export function compileJsonValidator(
  schema: object,
  part: string,
): (value: unknown) => FieldError[] {
  const validate = exact.compile(schema);
  return (value) => {
    if (validate(value)) return [];
    return fieldErrorsFromAjv(validate.errors ?? [], part).map((error) => ({
      ...error,
      field: error.field === part ? part : `${part}.${error.field}`,
    }));
  };
}
