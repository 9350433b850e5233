import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { BodyOf, OkJson } from "../../api/client";
import { ApiError } from "../../api/errors";
import { notifyError } from "../../components/notify";

export type Product = OkJson<"listAllProducts">["results"][number];
export type ProductKind = Product["kind"];
export const PRODUCT_KINDS: readonly ProductKind[] = [
  "credits",
  "digital",
  "service",
  "subscription",
];

export interface ProductValues {
  name: string;
  slug: string;
  kind: ProductKind;
  description: string;
  credit_amount: number | string;
  feature_keys: string;
  display_order: number | string;
  is_active: boolean;
}

/** "Pack of 100 credits!" → "pack-of-100-credits", the API's slug pattern. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function valuesOf(product: Product): ProductValues {
  return {
    name: product.name,
    slug: product.slug,
    kind: product.kind,
    description: product.description,
    credit_amount: product.credit_amount ?? "",
    feature_keys: product.feature_keys.join(", "),
    display_order: product.display_order,
    is_active: product.is_active,
  };
}

/** The form's values as the API's fields (create and update share them; kind is create's). */
export function productBody(values: ProductValues): BodyOf<"createProduct"> {
  const keys = values.feature_keys
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key !== "");
  return {
    name: values.name.trim(),
    slug: values.slug.trim(),
    kind: values.kind,
    description: values.description,
    credit_amount: values.credit_amount === "" ? null : Number(values.credit_amount),
    feature_keys: [...new Set(keys)],
    display_order: values.display_order === "" ? 0 : Number(values.display_order),
    is_active: values.is_active,
  };
}

interface ProductFormProps {
  readonly initial: ProductValues;
  /** Edit mode: the kind never changes. */
  readonly editing: boolean;
  readonly submitLabel: string;
  readonly onSubmit: (values: ProductValues) => Promise<unknown>;
  readonly onCancel?: () => void;
}

export function ProductForm({
  initial,
  editing,
  submitLabel,
  onSubmit,
  onCancel,
}: ProductFormProps) {
  const [busy, setBusy] = useState(false);
  const [slugTouched, setSlugTouched] = useState(editing);
  const form = useForm<ProductValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() === "" ? "A product needs a name." : null),
      slug: (value) =>
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim())
          ? null
          : "Lower-case letters and digits, joined by single hyphens.",
      credit_amount: (value, values) =>
        values.kind === "credits" && (value === "" || Number(value) <= 0)
          ? "A credit pack needs credits."
          : null,
    },
  });
  const submit = form.onSubmit((values) => {
    setBusy(true);
    onSubmit(values)
      .catch((error: unknown) => {
        if (error instanceof ApiError) form.setErrors(error.messagesByField);
        notifyError(error, editing ? "The product was not saved" : "The product was not created");
      })
      .finally(() => setBusy(false));
  });
  const nameProps = form.getInputProps("name");
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          required
          {...nameProps}
          onChange={(event) => {
            const name = event.currentTarget.value;
            form.setFieldValue("name", name);
            if (!slugTouched) form.setFieldValue("slug", slugOf(name));
          }}
        />
        <TextInput
          label="Slug"
          description="In URLs and Stripe's metadata"
          required
          {...form.getInputProps("slug")}
          onChange={(event) => {
            setSlugTouched(true);
            form.setFieldValue("slug", event.currentTarget.value);
          }}
        />
        <Select
          label="Kind"
          data={[...PRODUCT_KINDS]}
          allowDeselect={false}
          disabled={editing}
          description={editing ? "A product's kind never changes" : undefined}
          {...form.getInputProps("kind")}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
        <NumberInput
          label="Credits"
          description="What a pack gives (required for credit packs)"
          min={0}
          decimalScale={3}
          {...form.getInputProps("credit_amount")}
        />
        <TextInput
          label="Feature keys"
          description="Comma-separated, e.g. priority_support, api.v2"
          {...form.getInputProps("feature_keys")}
        />
        <NumberInput label="Display order" step={1} {...form.getInputProps("display_order")} />
        <Checkbox
          label="Active (on sale)"
          {...form.getInputProps("is_active", { type: "checkbox" })}
        />
        <Group justify="flex-end">
          {onCancel === undefined ? null : (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
