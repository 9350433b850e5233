import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { SchemaFields } from "./SchemaFields";
import {
  buildInput,
  initialValues,
  planForm,
  type FormField,
  type FormValues,
} from "./schema-form";

afterEach(cleanup);

const SCHEMA = {
  type: "object",
  required: ["text", "language"],
  additionalProperties: false,
  properties: {
    text: { type: "string", minLength: 1, maxLength: 10_000, description: "What to read." },
    title: { type: "string", maxLength: 80 },
    limit: { type: "integer", minimum: 1, maximum: 5 },
    strict: { type: "boolean" },
    language: { anyOf: [{ const: "en" }, { const: "de" }] },
    options: { type: "array" },
  },
};

/** The fields with their state, and the input they build on "Build". */
function Harness({
  fields,
  onBuilt,
}: {
  fields: readonly FormField[];
  onBuilt: (v: unknown) => void;
}) {
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <MantineProvider env="test">
      <SchemaFields
        fields={fields}
        values={values}
        errors={errors}
        onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
      />
      <button
        type="button"
        onClick={() => {
          const built = buildInput(fields, values);
          if (built.ok) onBuilt(built.input);
          else setErrors(built.errors);
        }}
      >
        Build
      </button>
    </MantineProvider>
  );
}

function renderForm() {
  const plan = planForm(SCHEMA);
  if (plan.kind !== "fields") throw new Error("expected fields");
  const built: unknown[] = [];
  render(<Harness fields={plan.fields} onBuilt={(input) => built.push(input)} />);
  return built;
}

describe("SchemaFields", () => {
  it("renders a labelled input of the right kind for each property", () => {
    renderForm();
    const text = screen.getByLabelText(/^text/);
    expect(text.tagName).toBe("TEXTAREA");
    expect(text.getAttribute("required")).not.toBeNull();
    screen.getByText("What to read. 1 to 10,000 characters.");
    expect(screen.getByLabelText(/^title/).tagName).toBe("INPUT");
    expect(screen.getByLabelText(/^limit/).tagName).toBe("INPUT");
    screen.getByText("A whole number from 1 to 5.");
    expect(screen.getByLabelText(/^strict/).getAttribute("type")).toBe("checkbox");
    const language = screen.getByLabelText(/^language/);
    expect(language.tagName).toBe("SELECT");
    expect([...(language as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "Choose…",
      "en",
      "de",
    ]);
    expect(screen.getByLabelText(/^options/).tagName).toBe("TEXTAREA");
  });

  it("shows each field's problem on the field, then builds the typed input", () => {
    const built = renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Build" }));
    expect(screen.getAllByText("This field is required.")).toHaveLength(2);
    expect(built).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^text/), { target: { value: "Lovely day" } });
    fireEvent.change(screen.getByLabelText(/^limit/), { target: { value: "3" } });
    fireEvent.click(screen.getByLabelText(/^strict/));
    fireEvent.change(screen.getByLabelText(/^language/), { target: { value: "1" } });
    fireEvent.change(screen.getByLabelText(/^options/), { target: { value: '["a"]' } });
    fireEvent.click(screen.getByRole("button", { name: "Build" }));
    expect(built).toEqual([
      { text: "Lovely day", limit: 3, strict: true, language: "de", options: ["a"] },
    ]);
  });
});
