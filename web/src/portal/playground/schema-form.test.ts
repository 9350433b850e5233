import { describe, expect, it } from "vitest";
import {
  buildInput,
  constraintText,
  initialValues,
  parseRawInput,
  planForm,
  type FormField,
} from "./schema-form";

/** The fields of a schema the generator can show (fails the test otherwise). */
function fieldsOf(schema: unknown): readonly FormField[] {
  const plan = planForm(schema);
  if (plan.kind !== "fields") throw new Error("expected fields");
  return plan.fields;
}

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});

describe("planForm: a service's input_schema as form fields", () => {
  it("makes long or unbounded strings a text box of several lines, short ones a line", () => {
    const fields = fieldsOf(
      object(
        {
          text: { type: "string", minLength: 1, maxLength: 10_000, description: "English text." },
          code: { type: "string", maxLength: 12, title: "Coupon code" },
          note: { type: "string" },
        },
        ["text"],
      ),
    );
    expect(fields).toEqual([
      {
        name: "text",
        label: "text",
        description: "English text.",
        required: true,
        kind: "text",
        multiline: true,
        minLength: 1,
        maxLength: 10_000,
        initial: "",
      },
      expect.objectContaining({ name: "code", label: "Coupon code", multiline: false }),
      expect.objectContaining({ name: "note", required: false, multiline: true }),
    ]);
    expect(fields.map(constraintText)).toEqual([
      "1 to 10,000 characters",
      "Up to 12 characters",
      undefined,
    ]);
  });

  it("reads numbers, integers, booleans, enums (TypeBox's union of literals too) and defaults", () => {
    const fields = fieldsOf(
      object({
        ratio: { type: "number", minimum: 0, maximum: 1, default: 0.5 },
        count: { type: "integer", minimum: 1 },
        loud: { type: "boolean", default: true },
        mood: { anyOf: [{ const: "happy" }, { const: "sad" }], default: "sad" },
        size: { type: "integer", enum: [1, 2, 3] },
      }),
    );
    expect(fields.map((f) => [f.name, f.kind, f.initial])).toEqual([
      ["ratio", "number", "0.5"],
      ["count", "number", ""],
      ["loud", "boolean", true],
      ["mood", "select", "1"],
      ["size", "select", ""],
    ]);
    expect(fields.map(constraintText)).toEqual([
      "A number from 0 to 1",
      "A whole number, at least 1",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives a property it cannot show a JSON box of its own", () => {
    const fields = fieldsOf(
      object({
        tags: { type: "array", items: { type: "string" } },
        maybe: { anyOf: [{ type: "string" }, { type: "null" }] },
        anything: {},
      }),
    );
    expect(fields.map((f) => f.kind)).toEqual(["json", "json", "json"]);
  });

  it("falls back to raw JSON for a schema that is not an object of properties", () => {
    expect(planForm({ type: "string", format: "binary" })).toEqual({ kind: "raw" });
    expect(planForm({ type: "object" })).toEqual({ kind: "raw" });
    expect(
      planForm({ type: "object", properties: {}, additionalProperties: { type: "number" } }),
    ).toEqual({ kind: "raw" });
    expect(planForm(null)).toEqual({ kind: "raw" });
    expect(planForm([])).toEqual({ kind: "raw" });
  });
});

describe("buildInput: the values typed as the service's input", () => {
  const fields = fieldsOf(
    object(
      {
        text: { type: "string", minLength: 3, maxLength: 5 },
        count: { type: "integer", minimum: 1, maximum: 10 },
        ratio: { type: "number", exclusiveMinimum: 0 },
        loud: { type: "boolean" },
        quiet: { type: "boolean", default: true },
        mood: { enum: ["happy", "sad"] },
        extra: { type: "object" },
      },
      ["text", "count"],
    ),
  );

  it("sends typed values and leaves out optional fields left empty or at their default", () => {
    const built = buildInput(fields, {
      ...initialValues(fields),
      text: "héllo",
      count: "7",
      mood: "1",
    });
    expect(built).toEqual({ ok: true, input: { text: "héllo", count: 7, mood: "sad" } });
    const all = buildInput(fields, {
      text: "abc",
      count: "1",
      ratio: "0.25",
      loud: true,
      quiet: false,
      mood: "0",
      extra: '{"a": [1]}',
    });
    expect(all).toEqual({
      ok: true,
      input: {
        text: "abc",
        count: 1,
        ratio: 0.25,
        loud: true,
        quiet: false,
        mood: "happy",
        extra: { a: [1] },
      },
    });
  });

  it("names each field's problem: required, lengths in characters, numbers and their bounds, JSON", () => {
    expect(buildInput(fields, initialValues(fields))).toEqual({
      ok: false,
      errors: { text: "This field is required.", count: "This field is required." },
    });
    // Six code points, though "😀" is two UTF-16 units: JSON Schema counts code points.
    const tooLong = buildInput(fields, { text: "ab😀de", count: "1" });
    expect(tooLong.ok).toBe(true);
    expect(buildInput(fields, { text: "ab", count: "1.5", ratio: "0", extra: "{nope" })).toEqual({
      ok: false,
      errors: {
        text: "Use at least 3 characters.",
        count: "Enter a whole number.",
        ratio: "Enter more than 0.",
        extra: "This is not valid JSON.",
      },
    });
    expect(buildInput(fields, { text: "abcdef", count: "11", ratio: "x" })).toEqual({
      ok: false,
      errors: {
        text: "Use at most 5 characters.",
        count: "Enter 10 or less.",
        ratio: "Enter a number.",
      },
    });
    expect(buildInput(fields, { text: "abc", count: "0" })).toEqual({
      ok: false,
      errors: { count: "Enter 1 or more." },
    });
  });
});

describe("parseRawInput: the whole input typed as JSON", () => {
  it("takes a JSON object and refuses anything else", () => {
    expect(parseRawInput('{"items": [1, 2]}')).toEqual({ ok: true, input: { items: [1, 2] } });
    expect(parseRawInput("  ")).toEqual({ ok: true, input: {} });
    expect(parseRawInput("[1]")).toEqual({
      ok: false,
      errors: { input: 'The input is a JSON object, e.g. {"text": "…"}.' },
    });
    expect(parseRawInput("{")).toEqual({
      ok: false,
      errors: { input: "This is not valid JSON." },
    });
  });
});
