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

// Plain decimal only: ajv coerces with Number(), which also reads "0x10" as 16, "1e1" as 10,
// " 1" as 1 and "1.0" as 1; a query string should mean what it says or be refused.
const PLAIN_DECIMAL: Record<string, RegExp> = {
  integer: /^-?\d+$/,
  number: /^-?\d+(\.\d+)?$/,
};

/** The top-level properties of a query/params/headers schema that ajv coerces to numbers. */
function numericProperties(schema: unknown): Map<string, { type: string; pattern: RegExp }> {
  const found = new Map<string, { type: string; pattern: RegExp }>();
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  for (const [name, property] of Object.entries(properties ?? {})) {
    const type = typeof property.type === "string" ? property.type : "";
    const pattern = PLAIN_DECIMAL[type];
    if (pattern !== undefined) found.set(name, { type, pattern });
  }
  return found;
}

/** ajv-shaped type errors for numeric fields whose text is not plain decimal. */
function nonDecimalErrors(
  data: unknown,
  numeric: Map<string, { type: string; pattern: RegExp }>,
): ErrorObject[] {
  if (data === null || typeof data !== "object") return [];
  const errors: ErrorObject[] = [];
  for (const [name, { type, pattern }] of numeric) {
    const value: unknown = (data as Record<string, unknown>)[name];
    // A repeated parameter arrives as an array; ajv unwraps a single item, so check each one.
    const texts = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");
    if (texts.some((text) => !pattern.test(text))) {
      errors.push({
        keyword: "type",
        instancePath: `/${name}`,
        schemaPath: `#/properties/${name}/type`,
        params: { type },
        message: `Expected a plain decimal ${type === "integer" ? "integer, e.g. 2" : "number, e.g. 2.5"}.`,
      });
    }
  }
  return errors;
}

type ValidationResult = ReturnType<FastifySchemaCompiler<unknown>>;

/** The coercing validator, refusing numbers written other than in plain decimal first. */
function compileCoercing(schema: object): ValidationResult {
  const validate = coercing.compile(schema);
  const numeric = numericProperties(schema);
  if (numeric.size === 0) return validate;
  const strict: ValidationResult = (data: unknown) => {
    const errors = nonDecimalErrors(data, numeric);
    if (errors.length > 0) return { error: errors };
    const valid = validate(data);
    strict.errors = validate.errors ?? null;
    return valid;
  };
  return strict;
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === "body" ? exact.compile(schema as object) : compileCoercing(schema as object);

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

function descriptionOf(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === "string" ? description : undefined;
}

/**
 * Says what a pattern or format expects in words rather than as a regular expression. A value
 * that no branch of a described union (e.g. "date or date-time") matches is told the union's
 * description, not the first branch's format.
 */
function formatMessage(error: ErrorObject, unions: Map<string, string>): string | undefined {
  if (error.keyword !== "format" && error.keyword !== "pattern") return undefined;
  const union = unions.get(error.instancePath);
  if (union !== undefined) return `Expected ${union}.`;
  if (error.keyword === "format") return FORMAT_MESSAGES[String(error.params["format"])];
  const description = descriptionOf(error);
  return description === undefined ? "Invalid format." : `Expected ${description}.`;
}

/** Turns ajv's errors into `[{field, code, message}]`, one per field and problem. */
export function fieldErrorsFromAjv(errors: readonly ErrorObject[], part: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  const unions = new Map<string, string>();
  for (const error of errors) {
    const description = error.keyword === "anyOf" ? descriptionOf(error) : undefined;
    if (description !== undefined) unions.set(error.instancePath, description);
  }
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
          : (formatMessage(error, unions) ?? error.message ?? "Invalid value.");
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
 * Text Postgres cannot store as sent: U+0000 (refused outright) and a lone UTF-16 surrogate
 * (JSON's "\udfff" escapes parse to one; encoding it as UTF-8 silently stores U+FFFD instead).
 * Finding them first turns a would-be 500, or a changed value, into a 400.
 */
function invalidText(text: string): string | undefined {
  if (text.includes("\u0000")) return "Text may not contain NUL (\\u0000) characters.";
  if (!text.isWellFormed()) {
    return "Text may not contain unpaired UTF-16 surrogates (\\ud800-\\udfff).";
  }
  return undefined;
}

/**
 * The path and message of the first invalid text (a value or an object key). Walks with an
 * explicit stack: a deeply nested body (a few KB of `[[[[…`) must not exhaust the call stack.
 */
function findInvalidText(root: unknown): { path: string[]; message: string } | undefined {
  const stack: Visit[] = [{ value: root, key: undefined, parent: undefined }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      const message = invalidText(value);
      if (message !== undefined) return { path: pathOf(visit), message };
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
        const message = invalidText(key);
        if (message !== undefined) return { path: pathOf(visit), message };
        stack.push({ value: item, key, parent: visit });
      }
    }
  }
  return undefined;
}

/** The first field of a JSON body, query string or path holding text that cannot be stored. */
export function fieldWithInvalidText(
  parts: Record<string, unknown>,
): { field: string; message: string } | undefined {
  for (const [part, value] of Object.entries(parts)) {
    const found = findInvalidText(value);
    if (found !== undefined) {
      return {
        field: found.path.length > 0 ? found.path.join(".") : part,
        message: found.message,
      };
    }
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
