import { Anchor, Badge, Button, Group, Select, SimpleGrid, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { api, call, type QueryOf } from "../../api/client";
import { formatDateTime, formatMoney } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";
import { ORDER_KINDS, ORDER_STATUS_COLORS, ORDER_STATUSES } from "./order-status";

const FILTERS = ["q", "status", "kind", "provider", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function FilterForm({ applied, onApply }: { applied: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(applied);
  const choice = (name: "status" | "kind" | "provider", label: string, data: string[]) => (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={draft[name] === "" ? null : draft[name]}
      onChange={(value) => setDraft({ ...draft, [name]: value ?? "" })}
      clearable
    />
  );
  const text = (name: "q" | "from" | "to") => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTERS.map((name) => [name, ""])) as Filters;
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form onSubmit={submit} aria-label="Search orders">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <TextInput
          label="Search"
          description="Email, receipt number, order id or provider id"
          {...text("q")}
        />
        {choice("status", "Status", [...ORDER_STATUSES])}
        {choice("kind", "Kind", ORDER_KINDS)}
        {choice("provider", "Provider", ["local", "stripe"])}
        <TextInput label="From" placeholder="YYYY-MM-DD" {...text("from")} />
        <TextInput label="To" placeholder="YYYY-MM-DD" {...text("to")} />
        <Group align="flex-end" gap="sm">
          <Button type="submit">Search</Button>
          <Button variant="default" onClick={clear}>
            Clear
          </Button>
        </Group>
      </SimpleGrid>
    </form>
  );
}

/** Payment search: every order, newest first, by buyer, receipt, provider id or order id. */
export function OrdersPage() {
  usePageTitle("Orders");
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTERS);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllOrders">;
  const orders = useQuery({
    queryKey: ["admin", "orders", query],
    queryFn: () => call(api.GET("/api/admin/orders", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Orders" />
      {/* Keyed by the URL's filters: a back/forward navigation shows its own filters. */}
      <FilterForm key={JSON.stringify(filters)} applied={filters} onApply={setFilters} />
      <QueryState query={orders} isEmpty={(data) => data.count === 0} empty="No orders match.">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Buyer</Table.Th>
                    <Table.Th>Description</Table.Th>
                    <Table.Th>Amount</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Provider</Table.Th>
                    <Table.Th>Details</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((order) => (
                    <Table.Tr key={order.id}>
                      <Table.Td>{formatDateTime(order.created_at)}</Table.Td>
                      <Table.Td>{order.user_email}</Table.Td>
                      <Table.Td>{order.description}</Table.Td>
                      <Table.Td>{formatMoney(order.amount_cents, order.currency)}</Table.Td>
                      <Table.Td>
                        <Badge color={ORDER_STATUS_COLORS[order.status]} variant="light">
                          {order.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{order.provider}</Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/admin/orders/${order.id}`}
                          aria-label={`Investigate the order of ${order.user_email} (${order.id.slice(0, 8)})`}
                        >
                          Investigate
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager count={data.count} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
