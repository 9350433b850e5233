import { Anchor, Button, Group, Select, Table, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { userPath } from "../paths";
import { useState, type SyntheticEvent } from "react";
import { api, call, type QueryOf } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { UserActions, UserStatusBadges } from "../UserActions";
import { usePageTitle } from "../usePageTitle";

export function UsersPage() {
  usePageTitle("Users");
  const { filters, page, setFilters, setPage } = useUrlFilters(["email", "is_active"] as const);
  const [email, setEmail] = useState(filters.email);
  const query = { ...queryParams(filters), page } as QueryOf<"listUsers">;
  const users = useQuery({
    queryKey: ["admin", "users", query],
    queryFn: () => call(api.GET("/api/admin/users", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const search = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters({ email });
  };
  return (
    <>
      <PageHeader title="Users" />
      <form onSubmit={search} aria-label="Search users">
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label="Email contains"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
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
          <Button type="submit">Search</Button>
        </Group>
      </form>
      <QueryState query={users} isEmpty={(data) => data.count === 0} empty="No users match.">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Joined</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={userPath(user.id)}>
                          {user.email}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <UserStatusBadges user={user} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(user.date_joined)}</Table.Td>
                      <Table.Td>
                        <UserActions user={user} />
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
