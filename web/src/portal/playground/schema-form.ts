/**
 * A form from a service's `input_schema` (JSON Schema, as TypeBox writes it): an object whose
 * properties are strings, numbers, booleans or enums gets one field each; a property of any other
 * shape gets a JSON text box of its own, and a schema that is not an object of properties is
 * typed as raw JSON whole. The server validates the input again, so this only has to be helpful,
 * not complete.
 */

type Schema = Readonly<Record<string, unknown>>;

interface FieldBase {
  readonly name: string;
  readonly label: string;
  readonly description: string | undefined;
  readonly required: boolean;
}

export interface TextField extends FieldBase {
  readonly kind: "text";
  /** A text box of several lines: long or unbounded text. */
  readonly multiline: boolean;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly initial: string;
}

export interface NumberField extends FieldBase {
  readonly kind: "number";
  readonly integer: boolean;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly exclusiveMinimum: number | undefined;
  readonly exclusiveMaximum: number | undefined;
  readonly initial: string;
}

export interface BooleanField extends FieldBase {
  readonly kind: "boolean";
  readonly initial: boolean;
}

export interface SelectField extends FieldBase {
  readonly kind: "select";
  /** The allowed values; a field's value is the index of one of them, as text. */
  readonly choices: readonly unknown[];
  readonly initial: string;
}

export interface JsonField extends FieldBase {
  readonly kind: "json";
  readonly initial: string;
}

export type FormField = TextField | NumberField | BooleanField | SelectField | JsonField;

export type FormPlan =
  { readonly kind: "fields"; readonly fields: readonly FormField[] } | { readonly kind: "raw" };

export type FieldValue = string | boolean;
export type FormValues = Record<string, FieldValue>;

/** Text longer than this is typed in a box of several lines. */
const SINGLE_LINE_MAX = 200;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function isPrimitive(value: unknown): boolean {
  return ["string", "number", "boolean"].includes(typeof value) || value === null;
}

/** An enum's values: `enum: [...]`, or `anyOf`/`oneOf` of `const`s (TypeBox's union of literals). */
function choicesOf(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema["enum"])) {
    const values: unknown[] = schema["enum"];
    return values.length > 0 && values.every(isPrimitive) ? values : undefined;
  }
  const members = schema["anyOf"] ?? schema["oneOf"];
  if (!Array.isArray(members) || members.length === 0) return undefined;
  const values: unknown[] = [];
  for (const member of members) {
    if (!isSchema(member) || !("const" in member) || !isPrimitive(member["const"])) {
      return undefined;
    }
    values.push(member["const"]);
  }
  return values;
}

function fieldOf(name: string, schema: unknown, required: boolean): FormField {
  const base = {
    name,
    label: isSchema(schema) && typeof schema["title"] === "string" ? schema["title"] : name,
    description:
      isSchema(schema) && typeof schema["description"] === "string"
        ? schema["description"]
        : undefined,
    required,
  };
  if (!isSchema(schema)) return { ...base, kind: "json", initial: "" };
  const fallback: unknown = schema["default"];
  const choices = choicesOf(schema);
  if (choices !== undefined) {
    const index = "default" in schema ? choices.indexOf(fallback) : -1;
    return { ...base, kind: "select", choices, initial: index < 0 ? "" : String(index) };
  }
  switch (schema["type"]) {
    case "string": {
      const maxLength = numberOr(schema["maxLength"]);
      return {
        ...base,
        kind: "text",
        multiline: maxLength === undefined || maxLength > SINGLE_LINE_MAX,
        minLength: numberOr(schema["minLength"]),
        maxLength,
        initial: typeof fallback === "string" ? fallback : "",
      };
    }
    case "number":
    case "integer":
      return {
        ...base,
        kind: "number",
        integer: schema["type"] === "integer",
        minimum: numberOr(schema["minimum"]),
        maximum: numberOr(schema["maximum"]),
        exclusiveMinimum: numberOr(schema["exclusiveMinimum"]),
        exclusiveMaximum: numberOr(schema["exclusiveMaximum"]),
        initial: typeof fallback === "number" ? String(fallback) : "",
      };
    case "boolean":
      return { ...base, kind: "boolean", initial: fallback === true };
    default:
      return {
        ...base,
        kind: "json",
        initial: "default" in schema ? JSON.stringify(fallback, null, 2) : "",
      };
  }
}

/** The fields of a service's input form, or `raw` when the input is not an object of properties. */
export function planForm(schema: unknown): FormPlan {
  if (!isSchema(schema)) return { kind: "raw" };
  const properties = schema["properties"];
  if (schema["type"] !== "object" || !isSchema(properties)) return { kind: "raw" };
  // A map of arbitrary keys (additionalProperties with a schema) has no fixed fields to show.
  if (isSchema(schema["additionalProperties"]) || "patternProperties" in schema) {
    return { kind: "raw" };
  }
  const required = new Set(
    Array.isArray(schema["required"])
      ? schema["required"].filter((name) => typeof name === "string")
      : [],
  );
  const fields = Object.entries(properties).map(([name, property]) =>
    fieldOf(name, property, required.has(name)),
  );
  return { kind: "fields", fields };
}

export function initialValues(fields: readonly FormField[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field.name, field.initial]));
}

/** Characters as JSON Schema counts them (code points, not UTF-16 units). */
function characters(text: string): number {
  return Array.from(text).length;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

type Checked =
  { ok: true; value: unknown } | { ok: true; omit: true } | { ok: false; error: string };

const REQUIRED: Checked = { ok: false, error: "This field is required." };
const OMIT: Checked = { ok: true, omit: true };

function checkText(field: TextField, text: string): Checked {
  if (text === "") return field.required ? REQUIRED : OMIT;
  const length = characters(text);
  if (field.minLength !== undefined && length < field.minLength) {
    return { ok: false, error: `Use at least ${plural(field.minLength, "character")}.` };
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return { ok: false, error: `Use at most ${plural(field.maxLength, "character")}.` };
  }
  return { ok: true, value: text };
}

function checkNumber(field: NumberField, text: string): Checked {
  const trimmed = text.trim();
  if (trimmed === "") return field.required ? REQUIRED : OMIT;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: "Enter a number." };
  if (field.integer && !Number.isInteger(value)) {
    return { ok: false, error: "Enter a whole number." };
  }
  if (field.minimum !== undefined && value < field.minimum) {
    return { ok: false, error: `Enter ${field.minimum} or more.` };
  }
  if (field.maximum !== undefined && value > field.maximum) {
    return { ok: false, error: `Enter ${field.maximum} or less.` };
  }
  if (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum) {
    return { ok: false, error: `Enter more than ${field.exclusiveMinimum}.` };
  }
  if (field.exclusiveMaximum !== undefined && value >= field.exclusiveMaximum) {
    return { ok: false, error: `Enter less than ${field.exclusiveMaximum}.` };
  }
  return { ok: true, value };
}

function checkField(field: FormField, value: FieldValue | undefined): Checked {
  switch (field.kind) {
    case "text":
      return checkText(field, typeof value === "string" ? value : "");
    case "number":
      return checkNumber(field, typeof value === "string" ? value : "");
    case "boolean": {
      const checked = value === true;
      // A box cannot be "not set": an optional one is sent only when it differs from its default.
      return field.required || checked !== field.initial ? { ok: true, value: checked } : OMIT;
    }
    case "select": {
      if (value === "" || typeof value !== "string") return field.required ? REQUIRED : OMIT;
      const index = Number(value);
      return index in field.choices
        ? { ok: true, value: field.choices[index] }
        : { ok: false, error: "Choose one of the options." };
    }
    case "json": {
      const text = typeof value === "string" ? value.trim() : "";
      if (text === "") return field.required ? REQUIRED : OMIT;
      return parseJson(text);
    }
  }
}

function parseJson(text: string): Checked {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: "This is not valid JSON." };
  }
}

export type Built =
  | { readonly ok: true; readonly input: Record<string, unknown> }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** The `input` to send, or each field's problem. */
export function buildInput(fields: readonly FormField[], values: FormValues): Built {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const checked = checkField(field, values[field.name]);
    if (!checked.ok) errors[field.name] = checked.error;
    else if ("value" in checked) input[field.name] = checked.value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** The whole input typed as JSON (a schema the form cannot show): it must be an object. */
export function parseRawInput(text: string): Built {
  const parsed = parseJson(text.trim() === "" ? "{}" : text);
  if (!parsed.ok) return { ok: false, errors: { input: parsed.error } };
  if (!("value" in parsed) || !isSchema(parsed.value)) {
    return { ok: false, errors: { input: 'The input is a JSON object, e.g. {"text": "…"}.' } };
  }
  return { ok: true, input: { ...parsed.value } };
}

/** What a field accepts, in words: "1 to 10,000 characters", "a whole number from 1 to 5". */
export function constraintText(field: FormField): string | undefined {
  const n = (value: number) => value.toLocaleString("en-US");
  if (field.kind === "text") {
    const { minLength: min, maxLength: max } = field;
    if (min !== undefined && max !== undefined) return `${n(min)} to ${n(max)} characters`;
    if (max !== undefined) return `Up to ${plural(max, "character")}`;
    if (min !== undefined) return `At least ${plural(min, "character")}`;
    return undefined;
  }
  if (field.kind === "number") {
    const what = field.integer ? "A whole number" : "A number";
    // Exclusive bounds are rare; their refusal says them when a value breaks one.
    const { minimum: low, maximum: high } = field;
    if (low !== undefined && high !== undefined) return `${what} from ${n(low)} to ${n(high)}`;
    if (low !== undefined) return `${what}, at least ${n(low)}`;
    if (high !== undefined) return `${what}, at most ${n(high)}`;
    return field.integer ? what : undefined;
  }
  if (field.kind === "json") return "Any JSON value this field accepts";
  return undefined;
}
