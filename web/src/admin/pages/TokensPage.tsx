import { Badge, Button, Group, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { api, call, type OkJson, type QueryOf } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

type Token = OkJson<"listAllTokens">["results"][number];

export function RevokeButton({ token }: { token: Token }) {
  const client = useQueryClient();
  const revoke = async () => {
    try {
      await call(api.DELETE("/api/admin/tokens/{id}", { params: { path: { id: token.id } } }));
    } catch (error) {
      notifyError(error, "Could not revoke the token");
      throw error;
    }
    notifySuccess(`Token ${token.token_prefix} revoked.`);
    await client.invalidateQueries({ queryKey: ["admin", "tokens"] });
  };
  return (
    <ConfirmButton
      title="Revoke this token?"
      message={`${token.token_prefix} (${token.name}, owned by ${token.owner.email}) stops working at once. This cannot be undone.`}
      confirmLabel="Revoke"
      onConfirm={revoke}
      aria-label={`Revoke token ${token.token_prefix}`}
    >
      Revoke
    </ConfirmButton>
  );
}

export function TokensPage() {
  usePageTitle("API tokens");
  const { filters, page, setFilters, setPage } = useUrlFilters(["search"] as const);
  const [search, setSearch] = useState(filters.search);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllTokens">;
  const tokens = useQuery({
    queryKey: ["admin", "tokens", query],
    queryFn: () => call(api.GET("/api/admin/tokens", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters({ search });
  };
  return (
    <>
      <PageHeader title="API tokens" />
      <form onSubmit={submit} aria-label="Search tokens">
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label="Prefix or email"
            placeholder="tok_ab12 or someone@"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      <QueryState query={tokens} isEmpty={(data) => data.count === 0} empty="No tokens match.">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Prefix</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td ff="monospace">{token.token_prefix}</Table.Td>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>{token.owner.email}</Table.Td>
                      <Table.Td>{formatDateTime(token.last_used_at)}</Table.Td>
                      <Table.Td>
                        {token.revoked_at === null ? (
                          <Badge color="green" variant="light">
                            active
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light">
                            revoked
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {token.revoked_at === null ? <RevokeButton token={token} /> : "—"}
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
