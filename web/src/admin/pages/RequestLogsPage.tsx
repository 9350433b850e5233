import { Anchor, Badge, Button, Group, Select, SimpleGrid, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { api, call, type QueryOf } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

const FILTERS = ["user", "token_prefix", "service", "status", "error_code", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function useServiceNames() {
  return useQuery({
    queryKey: ["admin", "services"],
    queryFn: () => call(api.GET("/api/admin/services")),
    select: (services) => services.map((service) => service.name),
    staleTime: 5 * 60_000,
  });
}

/** The filter form edits a draft; applying it writes the URL, which the list reads. */
function FilterForm({ applied, onApply }: { applied: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(applied);
  const services = useServiceNames();
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTERS.map((name) => [name, ""])) as Filters;
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form onSubmit={submit} aria-label="Filter request logs">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label="Service"
          placeholder="Any"
          data={services.data ?? (draft.service === "" ? [] : [draft.service])}
          value={draft.service === "" ? null : draft.service}
          onChange={(value) => setDraft({ ...draft, service: value ?? "" })}
          clearable
          searchable
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
        />
        <TextInput label="Error code" placeholder="e.g. openai_timeout" {...field("error_code")} />
        <TextInput label="Token prefix" placeholder="tok_xxxxxxxx" {...field("token_prefix")} />
        <TextInput label="User id" placeholder="UUID" {...field("user")} />
        <TextInput label="From" placeholder="YYYY-MM-DD" {...field("from")} />
        <TextInput label="To" placeholder="YYYY-MM-DD" {...field("to")} />
        <Group align="flex-end" gap="sm">
          <Button type="submit">Apply</Button>
          <Button variant="default" onClick={clear}>
            Clear
          </Button>
        </Group>
      </SimpleGrid>
    </form>
  );
}

export function RequestLogsPage() {
  usePageTitle("Request logs");
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTERS);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllRequestLogs">;
  const logs = useQuery({
    queryKey: ["admin", "request-logs", query],
    queryFn: () => call(api.GET("/api/admin/request-logs", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Request logs" />
      {/* Keyed by the URL's filters so Back/Forward and a reload show them in the form. */}
      <FilterForm key={JSON.stringify(filters)} applied={filters} onApply={setFilters} />
      <div style={{ marginTop: "var(--mantine-spacing-md)" }}>
        <QueryState
          query={logs}
          isEmpty={(data) => data.count === 0}
          empty="No request logs match these filters."
        >
          {(data) => (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Time</Table.Th>
                      <Table.Th>User</Table.Th>
                      <Table.Th>Service</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Token</Table.Th>
                      <Table.Th>Duration</Table.Th>
                      <Table.Th>Details</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.results.map((log) => (
                      <Table.Tr key={log.id}>
                        <Table.Td>{formatDateTime(log.request_ts)}</Table.Td>
                        <Table.Td>{log.user.email}</Table.Td>
                        <Table.Td>{log.service}</Table.Td>
                        <Table.Td>
                          <Badge color={log.status === "success" ? "green" : "red"} variant="light">
                            {log.status === "success" ? "success" : (log.error_code ?? "error")}
                          </Badge>
                        </Table.Td>
                        <Table.Td ff="monospace">{log.token_prefix ?? "session"}</Table.Td>
                        <Table.Td>{log.duration_ms} ms</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/admin/request-logs/${log.id}`} size="sm">
                            View
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
      </div>
    </>
  );
}
