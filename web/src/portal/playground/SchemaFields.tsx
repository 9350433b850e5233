import { Checkbox, NativeSelect, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { constraintText, type FieldValue, type FormField, type FormValues } from "./schema-form";

interface SchemaFieldsProps {
  readonly fields: readonly FormField[];
  readonly values: FormValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (name: string, value: FieldValue) => void;
}

function descriptionOf(field: FormField): string | undefined {
  const parts = [field.description, constraintText(field)]
    .filter((part): part is string => part !== undefined && part !== "")
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`));
  return parts.length === 0 ? undefined : parts.join(" ");
}

function SchemaField({
  field,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: FieldValue | undefined;
  error: string | undefined;
  onChange: (value: FieldValue) => void;
}) {
  const common = {
    label: field.label,
    description: descriptionOf(field),
    error,
    required: field.required,
  };
  const text = typeof value === "string" ? value : "";
  switch (field.kind) {
    case "text":
      return field.multiline ? (
        // Fixed rows: autosize needs window.visualViewport, which the component tests lack.
        <Textarea
          {...common}
          rows={5}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <TextInput
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          value={text}
          allowDecimal={!field.integer}
          min={field.minimum}
          max={field.maximum}
          onChange={(next) => onChange(String(next))}
        />
      );
    case "boolean":
      return (
        <Checkbox
          label={field.label}
          description={descriptionOf(field)}
          error={error}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case "select":
      return (
        <NativeSelect
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[
            { value: "", label: field.required ? "Choose…" : "(not set)" },
            ...field.choices.map((choice, index) => ({
              value: String(index),
              label: typeof choice === "string" ? choice : JSON.stringify(choice),
            })),
          ]}
        />
      );
    case "json":
      return (
        <Textarea
          {...common}
          rows={4}
          ff="monospace"
          placeholder="JSON"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/** One input per field of a service's input schema (see schema-form.ts). */
export function SchemaFields({ fields, values, errors, onChange }: SchemaFieldsProps) {
  return (
    <Stack gap="md">
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          field={field}
          value={values[field.name]}
          error={errors[field.name]}
          onChange={(value) => onChange(field.name, value)}
        />
      ))}
    </Stack>
  );
}
