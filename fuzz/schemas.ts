import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { Schema } from "./openapi.js";

// The document's formats as a client library reads them (ajv-formats' full mode); uploads are
// any bytes.
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats.default(ajv);
ajv.addFormat("binary", true);
ajv.addFormat("byte", true);

const compiled = new WeakMap<Schema, ValidateFunction>();

/** Why `value` does not match `schema`, or undefined when it does. */
export function schemaError(schema: Schema, value: unknown): string | undefined {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return undefined;
  return ajv.errorsText(validate.errors, { dataVar: "value" });
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Whether a parameter's text is a value of its schema, read as OpenAPI tools read a query
 * string: the text itself, a plain decimal number, or true/false.
 */
export function textError(schema: Schema, text: string): string | undefined {
  const readings: unknown[] = [text];
  if (PLAIN_NUMBER.test(text)) readings.push(Number(text));
  if (text === "true" || text === "false") readings.push(text === "true");
  let error: string | undefined;
  for (const reading of readings) {
    error = schemaError(schema, reading);
    if (error === undefined) return undefined;
  }
  return error;
}
