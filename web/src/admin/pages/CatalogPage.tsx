import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Select,
  Table,
  Text,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, call, type OkJson, type QueryOf } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatMoney, formatNumber } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { errorMessage, QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";
import { PRODUCT_KINDS, ProductForm, productBody, type Product } from "./ProductForm";

export const CATALOG_KEY = ["admin", "catalog"] as const;

export function useCatalog() {
  return useQuery({
    queryKey: CATALOG_KEY,
    queryFn: () => call(api.GET("/api/admin/catalog/products")),
  });
}

function defaultPrice(product: Product): string {
  const price = product.prices.find((p) => p.is_default && p.is_active);
  if (price === undefined) return "—";
  const every = price.interval === "one_time" ? "" : ` / ${price.interval}`;
  return `${formatMoney(price.unit_amount_cents, price.currency)}${every}`;
}

function NewProductButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <>
      <Button onClick={open}>New product</Button>
      <Modal opened={opened} onClose={close} title="New product" centered size="lg">
        <ProductForm
          editing={false}
          submitLabel="Create product"
          onCancel={close}
          initial={{
            name: "",
            slug: "",
            kind: "credits",
            description: "",
            credit_amount: "",
            feature_keys: "",
            display_order: 0,
            is_active: true,
          }}
          onSubmit={async (values) => {
            const product = await call(
              api.POST("/api/admin/catalog/products", { body: productBody(values) }),
            );
            notifySuccess(`${product.name} created; add its price next.`);
            close();
            await client.invalidateQueries({ queryKey: CATALOG_KEY });
            await navigate(`/admin/catalog/${product.id}`);
          }}
        />
      </Modal>
    </>
  );
}

type SyncReport = OkJson<"syncCatalog">;

function SyncOutcome({ outcome }: { outcome: { report: SyncReport } | { error: unknown } }) {
  if ("error" in outcome) {
    return (
      <Alert color="red" title="Not synced from Stripe" role="alert" mb="md">
        {errorMessage(outcome.error)}
      </Alert>
    );
  }
  const { products, prices } = outcome.report;
  const line = (name: string, counts: SyncReport["products"]) =>
    `${name}: ${counts.created} created, ${counts.updated} updated, ${counts.deactivated} deactivated, ${counts.skipped.length} skipped`;
  return (
    <Alert color="green" title="Synced from Stripe" role="status" mb="md">
      <Text size="sm">{line("Products", products)}</Text>
      <Text size="sm">{line("Prices", prices)}</Text>
      {[...products.skipped, ...prices.skipped].length > 0 ? (
        <List size="sm" mt="xs">
          {[...products.skipped, ...prices.skipped].map((skip) => (
            <List.Item key={skip.id}>
              {skip.id}: {skip.reason}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

function SyncButton({
  onOutcome,
}: {
  onOutcome: (o: { report: SyncReport } | { error: unknown }) => void;
}) {
  const client = useQueryClient();
  const sync = async () => {
    try {
      const report = await call(api.POST("/api/admin/catalog/sync"));
      onOutcome({ report });
      notifySuccess("The catalog was synced from Stripe.");
    } catch (error) {
      onOutcome({ error });
      notifyError(error, "Not synced from Stripe");
      return;
    }
    await client.invalidateQueries({ queryKey: CATALOG_KEY });
  };
  return (
    <ConfirmButton
      size="sm"
      color="indigo"
      title="Sync the catalog from Stripe?"
      message="Stripe is the source of truth: products and prices there are created or updated here, and those Stripe no longer has are deactivated (kept for their orders)."
      confirmLabel="Sync"
      onConfirm={sync}
    >
      Sync from Stripe
    </ConfirmButton>
  );
}

/**
 * The catalog, filtered by the API (kind, active) through the URL; the API answers it in one
 * list, by display order (it holds dozens of products, not thousands), so it has no pages.
 */
export function CatalogPage() {
  usePageTitle("Catalog");
  const { filters, setFilters } = useUrlFilters(["kind", "is_active"] as const);
  const query = queryParams(filters) as QueryOf<"listAllProducts">;
  const catalog = useQuery({
    queryKey: [...CATALOG_KEY, query],
    queryFn: () => call(api.GET("/api/admin/catalog/products", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const [outcome, setOutcome] = useState<{ report: SyncReport } | { error: unknown } | null>(null);
  return (
    <>
      <PageHeader title="Catalog">
        <SyncButton onOutcome={setOutcome} />
        <NewProductButton />
      </PageHeader>
      {outcome === null ? null : <SyncOutcome outcome={outcome} />}
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select
          label="Kind"
          placeholder="Any"
          data={[...PRODUCT_KINDS]}
          value={filters.kind === "" ? null : filters.kind}
          onChange={(value) => setFilters({ kind: value ?? "" })}
          clearable
          w={160}
        />
        <Select
          label="Active"
          placeholder="Any"
          data={[
            { value: "true", label: "Active" },
            { value: "false", label: "Inactive" },
          ]}
          value={filters.is_active === "" ? null : filters.is_active}
          onChange={(value) => setFilters({ is_active: value ?? "" })}
          clearable
          w={140}
        />
      </Group>
      <QueryState
        query={catalog}
        isEmpty={(data) => data.results.length === 0}
        empty={
          filters.kind === "" && filters.is_active === ""
            ? "The catalog is empty: create a product."
            : "No products match."
        }
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Product</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Default price</Table.Th>
                    <Table.Th>Prices</Table.Th>
                    <Table.Th>Credits</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((product) => (
                    <Table.Tr key={product.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/catalog/${product.id}`}>
                          {product.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {product.slug}
                        </Text>
                      </Table.Td>
                      <Table.Td>{product.kind}</Table.Td>
                      <Table.Td>{defaultPrice(product)}</Table.Td>
                      <Table.Td>{product.prices.length}</Table.Td>
                      <Table.Td>
                        {product.credit_amount === null ? "—" : formatNumber(product.credit_amount)}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={product.is_active ? "green" : "gray"}>
                          {product.is_active ? "active" : "inactive"}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" c="dimmed" mt="md">
              {data.results.length} {data.results.length === 1 ? "product" : "products"}
            </Text>
          </>
        )}
      </QueryState>
    </>
  );
}
