import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { api, call, type QueryOf } from "../../api/client";
import { formatCents, formatDateTime, formatNumber } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ScrollTable } from "../../components/ScrollTable";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../site";

const FILTERS = ["from", "to", "service", "status"] as const;
const DATES = ["from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function Summary() {
  const summary = useQuery({
    queryKey: ["portal", "usage", "summary"],
    queryFn: () => call(api.GET("/api/customers/usage/summary")),
    // Live numbers: refetched on every visit (the app-wide default keeps data 10 s).
    staleTime: 0,
  });
  return (
    <section aria-labelledby="summary-heading">
      <Title order={2} size="h4" id="summary-heading" mb="xs">
        Summary
      </Title>
      <QueryState query={summary}>
        {(data) => (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="lg">
            {data.by_period.map((period) => (
              <Card
                key={period.title}
                withBorder
                padding="sm"
                aria-label={period.title}
                component="section"
              >
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {period.title}
                </Text>
                <Text size="xl" fw={700} data-testid={`requests-${period.title}`}>
                  {formatNumber(period.count)}
                </Text>
                <Text size="xs" c="dimmed">
                  {period.count === 1 ? "request" : "requests"},{" "}
                  {formatNumber(period.failed_requests)} failed · cost{" "}
                  {formatCents(period.cost_cents)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </section>
  );
}

/** The filter form edits a draft; applying it writes the URL, which the list reads. */
function FilterForm({ applied, onApply }: { applied: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(applied);
  const services = useQuery({
    queryKey: ["services", "names"],
    // The public list, one page: enough for a picker (a name not in it can still come by URL).
    queryFn: () => call(api.GET("/api/services")),
    select: (data) => data.results.map((service) => service.name),
    staleTime: 5 * 60_000,
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const empty = { from: "", to: "", service: "", status: "" };
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form onSubmit={submit} aria-label="Filter requests">
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {DATES.map((name) => (
          <TextInput
            key={name}
            label={name === "from" ? "From" : "To"}
            description="YYYY-MM-DD (UTC), inclusive"
            placeholder="YYYY-MM-DD"
            value={draft[name]}
            onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value.trim() })}
            style={{ flex: "1 1 150px" }}
          />
        ))}
        <Select
          label="Service"
          placeholder="Any"
          data={services.data ?? (draft.service === "" ? [] : [draft.service])}
          value={draft.service === "" ? null : draft.service}
          onChange={(value) => setDraft({ ...draft, service: value ?? "" })}
          clearable
          searchable
          style={{ flex: "1 1 180px" }}
        />
        <Select
          label="Status"
          placeholder="Any"
          data={[
            { value: "success", label: "Success" },
            { value: "error", label: "Error" },
          ]}
          value={draft.status === "" ? null : draft.status}
          onChange={(value) => setDraft({ ...draft, status: value ?? "" })}
          clearable
          style={{ flex: "1 1 120px" }}
        />
        <Group gap="sm">
          <Button type="submit">Apply</Button>
          <Button variant="default" onClick={clear}>
            Clear
          </Button>
        </Group>
      </Group>
    </form>
  );
}

export function UsagePage() {
  usePageTitle("Usage");
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTERS);
  const query = { ...queryParams(filters), page } as QueryOf<"listRequests">;
  const requests = useQuery({
    queryKey: ["portal", "usage", "requests", query],
    queryFn: () => call(api.GET("/api/customers/usage/requests", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const filtered = FILTERS.some((name) => filters[name] !== "");
  return (
    <>
      <PageHeader title="Usage" />
      <Summary />
      <Title order={2} size="h4" mb="xs">
        Requests
      </Title>
      {/* Keyed by the URL, so Back/Forward and a shared link refill the form. */}
      <FilterForm
        key={FILTERS.map((name) => filters[name]).join("|")}
        applied={filters}
        onApply={setFilters}
      />
      <QueryState
        query={requests}
        isEmpty={(data) => data.count === 0}
        empty={
          filtered ? "No requests match these filters." : "No requests yet: make your first call."
        }
      >
        {(data) => (
          <>
            <ScrollTable label="Requests" minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Service</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Token</Table.Th>
                    <Table.Th ta="right">Duration</Table.Th>
                    <Table.Th ta="right">Cost</Table.Th>
                    <Table.Th>Request id</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((log) => (
                    <Table.Tr key={log.id}>
                      <Table.Td>{formatDateTime(log.request_ts)}</Table.Td>
                      <Table.Td ff="monospace">{log.service}</Table.Td>
                      <Table.Td>
                        {log.status === "success" ? (
                          <Badge color="green" variant="light">
                            success
                          </Badge>
                        ) : (
                          <Badge color="red" variant="light">
                            {log.error_code ?? "error"}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{log.token_prefix ?? "session"}</Table.Td>
                      <Table.Td ta="right">{formatNumber(log.duration_ms)} ms</Table.Td>
                      <Table.Td ta="right">{formatCents(log.cost_cents)}</Table.Td>
                      <Table.Td ff="monospace" fz="xs">
                        {log.request_id}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={page} count={data.count} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
