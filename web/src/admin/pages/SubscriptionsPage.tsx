import { Anchor, Badge, Button, Group, Select, SimpleGrid, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { api, call, type OkJson, type QueryOf } from "../../api/client";
import { formatDateTime, formatMoney } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

export type AdminSubscription = OkJson<"listAllSubscriptions">["results"][number];
type Status = AdminSubscription["status"];

export const SUBSCRIPTION_STATUSES: readonly Status[] = [
  "trialing",
  "active",
  "past_due",
  "unpaid",
  "canceled",
  "incomplete",
  "incomplete_expired",
];

export const SUBSCRIPTION_STATUS_COLORS: Record<Status, string> = {
  trialing: "blue",
  active: "green",
  past_due: "orange",
  unpaid: "red",
  canceled: "gray",
  incomplete: "yellow",
  incomplete_expired: "gray",
};

export function SubscriptionStatusBadge({ subscription }: { subscription: AdminSubscription }) {
  return (
    <Badge color={SUBSCRIPTION_STATUS_COLORS[subscription.status]} variant="light">
      {subscription.status}
      {subscription.cancel_at_period_end ? " (ends)" : ""}
    </Badge>
  );
}

/** Subscriptions with their subscriber, plan, price, state and a link to each one's page. */
export function SubscriptionsTable({ rows }: { rows: readonly AdminSubscription[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Subscriber</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Price</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Period ends</Table.Th>
            <Table.Th>Provider</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((subscription) => (
            <Table.Tr key={subscription.id}>
              <Table.Td>{subscription.user_email}</Table.Td>
              <Table.Td>{subscription.plan.name}</Table.Td>
              <Table.Td>
                {formatMoney(subscription.price.unit_amount_cents, subscription.price.currency)} /{" "}
                {subscription.price.interval}
              </Table.Td>
              <Table.Td>
                <SubscriptionStatusBadge subscription={subscription} />
              </Table.Td>
              <Table.Td>
                {subscription.current_period_end === null
                  ? "—"
                  : formatDateTime(subscription.current_period_end)}
              </Table.Td>
              <Table.Td>{subscription.provider}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/admin/subscriptions/${subscription.id}`}
                  aria-label={`Open the ${subscription.plan.name} subscription of ${subscription.user_email}`}
                >
                  Open
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const FILTERS = ["q", "status", "plan"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function FilterForm({ applied, onApply }: { applied: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(applied);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim(), plan: draft.plan.trim() });
  };
  return (
    <form onSubmit={submit} aria-label="Search subscriptions">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
        <TextInput
          label="Search"
          description="Email, subscription or user id, provider id"
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
        />
        <Select
          label="Status"
          placeholder="Any"
          data={[...SUBSCRIPTION_STATUSES]}
          value={draft.status === "" ? null : draft.status}
          onChange={(value) => setDraft({ ...draft, status: value ?? "" })}
          clearable
        />
        <TextInput
          label="Plan"
          description="The plan's slug, e.g. pro"
          value={draft.plan}
          onChange={(event) => setDraft({ ...draft, plan: event.currentTarget.value })}
        />
        <Group align="flex-end" gap="sm">
          <Button type="submit">Search</Button>
        </Group>
      </SimpleGrid>
    </form>
  );
}

/** Every account's subscriptions, from the projection (the provider is not asked). */
export function SubscriptionsPage() {
  usePageTitle("Subscriptions");
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTERS);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllSubscriptions">;
  const subscriptions = useQuery({
    queryKey: ["admin", "subscriptions", query],
    queryFn: () => call(api.GET("/api/admin/subscriptions", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Subscriptions" />
      <FilterForm key={JSON.stringify(filters)} applied={filters} onApply={setFilters} />
      <QueryState
        query={subscriptions}
        isEmpty={(data) => data.count === 0}
        empty="No subscriptions match."
      >
        {(data) => (
          <>
            <SubscriptionsTable rows={data.results} />
            <Pager count={data.count} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
