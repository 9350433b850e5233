import { Button, Code, Group, SimpleGrid, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { api, call, type QueryOf } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

const FILTERS = ["actor", "action", "target_id"] as const;

/** Every staff action, read-only, newest first. */
export function AuditLogPage() {
  usePageTitle("Audit log");
  const { filters, page, setFilters, setPage } = useUrlFilters(FILTERS);
  const [draft, setDraft] = useState(filters);
  const query = { ...queryParams(filters), page } as QueryOf<"listAuditLog">;
  const entries = useQuery({
    queryKey: ["admin", "audit-log", query],
    queryFn: () => call(api.GET("/api/admin/audit-log", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  return (
    <>
      <PageHeader title="Audit log" />
      <form onSubmit={submit} aria-label="Filter the audit log">
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm" mb="md">
          <TextInput
            label="Action"
            placeholder="e.g. invite.withdraw"
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.currentTarget.value })}
          />
          <TextInput
            label="Actor (user id)"
            value={draft.actor}
            onChange={(event) => setDraft({ ...draft, actor: event.currentTarget.value })}
          />
          <TextInput
            label="Target id"
            value={draft.target_id}
            onChange={(event) => setDraft({ ...draft, target_id: event.currentTarget.value })}
          />
          <Group align="flex-end">
            <Button type="submit">Apply</Button>
          </Group>
        </SimpleGrid>
      </form>
      <QueryState
        query={entries}
        isEmpty={(data) => data.count === 0}
        empty="No audit entries match."
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Target</Table.Th>
                    <Table.Th>Details</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((entry) => (
                    <Table.Tr key={entry.id}>
                      <Table.Td>{formatDateTime(entry.created_at)}</Table.Td>
                      <Table.Td>{entry.actor?.email ?? "system"}</Table.Td>
                      <Table.Td ff="monospace">{entry.action}</Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>
                        {entry.target_type} {entry.target_id}
                      </Table.Td>
                      <Table.Td>
                        <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                          {JSON.stringify(entry.details)}
                        </Code>
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
