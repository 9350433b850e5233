import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { api, call, type BodyOf } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatBytes, formatDateTime, formatMoney } from "../../components/format";
import { parseAmount } from "../../components/money";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";
import { CATALOG_KEY, useCatalog } from "./CatalogPage";
import { ProductForm, productBody, valuesOf, type Product } from "./ProductForm";

type Price = Product["prices"][number];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Only what changed goes to the API (each change is audited and, with Stripe, sent there). */
function changes(product: Product, next: BodyOf<"createProduct">): BodyOf<"updateProduct"> {
  const before = productBody(valuesOf(product));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (key !== "kind" && JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      patch[key] = next[key];
    }
  }
  return patch;
}

function EditProduct({ product }: { product: Product }) {
  const client = useQueryClient();
  return (
    <Section title="Details">
      <ProductForm
        key={product.updated_at}
        editing
        submitLabel="Save product"
        initial={valuesOf(product)}
        onSubmit={async (values) => {
          const body = changes(product, productBody(values));
          if (Object.keys(body).length === 0) {
            notifySuccess("Nothing changed.");
            return;
          }
          await call(
            api.PATCH("/api/admin/catalog/products/{id}", {
              params: { path: { id: product.id } },
              body,
            }),
          );
          notifySuccess(`${values.name.trim()} saved.`);
          await client.invalidateQueries({ queryKey: CATALOG_KEY });
        }}
      />
    </Section>
  );
}

function PriceActions({ price, product }: { price: Price; product: Product }) {
  const client = useQueryClient();
  const label = formatMoney(price.unit_amount_cents, price.currency);
  const update = async (body: BodyOf<"updatePrice">, done: string) => {
    try {
      await call(
        api.PATCH("/api/admin/catalog/prices/{id}", { params: { path: { id: price.id } }, body }),
      );
    } catch (error) {
      notifyError(error, "The price was not changed");
      throw error;
    }
    notifySuccess(done);
    await client.invalidateQueries({ queryKey: CATALOG_KEY });
  };
  return (
    <Group gap="xs" wrap="nowrap">
      {price.is_active && !price.is_default ? (
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            void update({ is_default: true }, `${label} is ${product.name}'s default price.`).catch(
              () => undefined,
            )
          }
          aria-label={`Make ${label} the default price`}
        >
          Make default
        </Button>
      ) : null}
      {price.is_active ? (
        <ConfirmButton
          title="Deactivate this price?"
          message={`${label} (${price.interval}) can no longer be bought. Orders made with it keep it.`}
          confirmLabel="Deactivate"
          onConfirm={() => update({ is_active: false }, `${label} deactivated.`)}
          aria-label={`Deactivate the price ${label}`}
        >
          Deactivate
        </ConfirmButton>
      ) : (
        <Button
          size="xs"
          variant="light"
          color="green"
          onClick={() =>
            void update({ is_active: true }, `${label} is on sale again.`).catch(() => undefined)
          }
          aria-label={`Activate the price ${label}`}
        >
          Activate
        </Button>
      )}
    </Group>
  );
}

function AddPrice({ product }: { product: Product }) {
  const client = useQueryClient();
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState("usd");
  const [interval, setInterval] = useState<"one_time" | "month" | "year">("one_time");
  const [isDefault, setIsDefault] = useState(product.prices.every((p) => !p.is_active));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = parseAmount(amount, { max: 99_999_999 });
    const code = currency.trim().toLowerCase();
    const found: Record<string, string> = {};
    if (!parsed.ok) found["unit_amount_cents"] = parsed.message;
    if (!/^[a-z]{3}$/.test(code)) found["currency"] = "Three letters (ISO 4217), e.g. usd.";
    setErrors(found);
    if (!parsed.ok || Object.keys(found).length > 0) return;
    setBusy(true);
    call(
      api.POST("/api/admin/catalog/products/{id}/prices", {
        params: { path: { id: product.id } },
        body: { unit_amount_cents: parsed.cents, currency: code, interval, is_default: isDefault },
      }),
    )
      .then(async (price) => {
        notifySuccess(`Price ${formatMoney(price.unit_amount_cents, price.currency)} added.`);
        setAmount("");
        await client.invalidateQueries({ queryKey: CATALOG_KEY });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) setErrors(error.messagesByField);
        notifyError(error, "The price was not added");
      })
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={submit} aria-label="Add a price" noValidate>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" mt="md">
        <TextInput
          label="Amount"
          placeholder="10.00"
          inputMode="decimal"
          required
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={errors["unit_amount_cents"]}
        />
        <TextInput
          label="Currency"
          value={currency}
          onChange={(event) => setCurrency(event.currentTarget.value)}
          error={errors["currency"]}
          maxLength={3}
        />
        <Select
          label="Interval"
          data={[
            { value: "one_time", label: "One time" },
            { value: "month", label: "Monthly" },
            { value: "year", label: "Yearly" },
          ]}
          allowDeselect={false}
          value={interval}
          onChange={(value) =>
            setInterval(value === "month" || value === "year" ? value : "one_time")
          }
        />
        <Group align="flex-end">
          <Checkbox
            label="Default price"
            checked={isDefault}
            onChange={(event) => setIsDefault(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Group align="flex-end">
          <Button type="submit" loading={busy}>
            Add price
          </Button>
        </Group>
      </SimpleGrid>
    </form>
  );
}

function Prices({ product }: { product: Product }) {
  return (
    <Section title="Prices">
      {product.prices.length === 0 ? (
        <Text size="sm" c="dimmed">
          No prices yet: nobody can buy this product.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Amount</Table.Th>
                <Table.Th>Interval</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Stripe id</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.prices.map((price) => (
                <Table.Tr key={price.id}>
                  <Table.Td>{formatMoney(price.unit_amount_cents, price.currency)}</Table.Td>
                  <Table.Td>{price.interval}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={price.is_active ? "green" : "gray"}>
                        {price.is_active ? "active" : "inactive"}
                      </Badge>
                      {price.is_default ? <Badge variant="light">default</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{price.provider_price_id ?? "—"}</Table.Td>
                  <Table.Td>
                    <PriceActions price={price} product={product} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddPrice product={product} />
    </Section>
  );
}

function Assets({ product }: { product: Product }) {
  const client = useQueryClient();
  const key = ["admin", "catalog", "assets", product.id];
  const assets = useQuery({
    queryKey: key,
    queryFn: () =>
      call(
        api.GET("/api/admin/catalog/products/{id}/assets", {
          params: { path: { id: product.id } },
        }),
      ),
  });
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = (event: SyntheticEvent) => {
    event.preventDefault();
    if (file === null) return;
    const form = new FormData();
    form.append("file", file);
    setBusy(true);
    call(
      api.POST("/api/admin/catalog/products/{id}/assets", {
        params: { path: { id: product.id } },
        // The typed body stands for the multipart part; the FormData is what is sent.
        body: { file: "" },
        bodySerializer: () => form,
      }),
    )
      .then(async (asset) => {
        notifySuccess(`${asset.filename} uploaded.`);
        setFile(null);
        await client.invalidateQueries({ queryKey: key });
      })
      .catch((error: unknown) => notifyError(error, "The file was not uploaded"))
      .finally(() => setBusy(false));
  };
  return (
    <Section title="Files">
      <Text size="sm" c="dimmed" mb="sm">
        Each buyer gets a download of every file the product has when their order is paid: upload
        the files before putting a price on sale.
      </Text>
      <QueryState
        query={assets}
        isEmpty={(data) => data.results.length === 0}
        empty="No files yet."
      >
        {(data) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>SHA-256</Table.Th>
                  <Table.Th>Uploaded</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((asset) => (
                  <Table.Tr key={asset.id}>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{asset.filename}</Table.Td>
                    <Table.Td>{asset.content_type}</Table.Td>
                    <Table.Td>{formatBytes(asset.size_bytes)}</Table.Td>
                    <Table.Td>
                      <code title={asset.sha256}>{asset.sha256.slice(0, 12)}…</code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(asset.created_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <form onSubmit={upload} aria-label="Upload a file">
        <Group align="flex-end" mt="md" wrap="wrap">
          <FileInput label="File" value={file} onChange={setFile} clearable w={260} maw="100%" />
          <Button type="submit" loading={busy} disabled={file === null}>
            Upload
          </Button>
        </Group>
      </form>
    </Section>
  );
}

/** One product: its details, its prices and (digital products) its files. */
export function ProductPage() {
  usePageTitle("Product");
  const { id = "" } = useParams();
  const catalog = useCatalog();
  return (
    <>
      <PageHeader title="Product">
        <Anchor component={Link} to="/admin/catalog">
          All products
        </Anchor>
      </PageHeader>
      <QueryState
        query={catalog}
        isEmpty={(data) => !data.results.some((product) => product.id === id)}
        empty="No such product."
      >
        {(data) => {
          const product = data.results.find((p) => p.id === id);
          if (product === undefined) return null;
          return (
            <Stack gap="lg" maw={960}>
              <Text c="dimmed" size="sm">
                {product.name} · {product.kind}
                {product.provider_product_id === null
                  ? ""
                  : ` · Stripe ${product.provider_product_id}`}
              </Text>
              <Prices product={product} />
              {product.kind === "digital" ? <Assets product={product} /> : null}
              <EditProduct product={product} />
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
