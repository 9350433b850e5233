import { Badge, Button, Group, Select, Table, TextInput } from "@mantine/core";
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

type User = OkJson<"listUsers">["results"][number];

function UserActions({ user }: { user: User }) {
  const client = useQueryClient();
  const run = async (change: () => Promise<unknown>, done: string, failed: string) => {
    try {
      await change();
    } catch (error) {
      notifyError(error, failed);
      throw error;
    }
    notifySuccess(done);
    await client.invalidateQueries({ queryKey: ["admin", "users"] });
  };
  const update = (body: { is_active?: boolean; is_staff?: boolean }) => () =>
    call(api.PATCH("/api/admin/users/{id}", { params: { path: { id: user.id } }, body }));
  const locked = user.locked_until !== null && new Date(user.locked_until) > new Date();
  return (
    <Group gap="xs" wrap="nowrap">
      <ConfirmButton
        title={user.is_active ? "Deactivate this user?" : "Activate this user?"}
        message={
          user.is_active
            ? `${user.email} is signed out everywhere and their API tokens stop working at once.`
            : `${user.email} can sign in and use their API tokens again.`
        }
        confirmLabel={user.is_active ? "Deactivate" : "Activate"}
        color={user.is_active ? "red" : "green"}
        onConfirm={() =>
          run(
            update({ is_active: !user.is_active }),
            `${user.email} ${user.is_active ? "deactivated" : "activated"}.`,
            "Could not change the user",
          )
        }
      >
        {user.is_active ? "Deactivate" : "Activate"}
      </ConfirmButton>
      <ConfirmButton
        title={user.is_staff ? "Remove staff?" : "Make staff?"}
        message={
          user.is_staff
            ? `${user.email} loses access to the admin.`
            : `${user.email} gets full access to the admin and every account.`
        }
        confirmLabel={user.is_staff ? "Remove staff" : "Make staff"}
        color={user.is_staff ? "red" : "indigo"}
        onConfirm={() =>
          run(
            update({ is_staff: !user.is_staff }),
            `${user.email} is ${user.is_staff ? "no longer" : "now"} staff.`,
            "Could not change the user",
          )
        }
      >
        {user.is_staff ? "Remove staff" : "Make staff"}
      </ConfirmButton>
      {locked ? (
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            void run(
              () =>
                call(
                  api.POST("/api/admin/users/{id}/unlock", { params: { path: { id: user.id } } }),
                ),
              `${user.email} unlocked.`,
              "Could not unlock the user",
            ).catch(() => undefined)
          }
        >
          Unlock
        </Button>
      ) : null}
    </Group>
  );
}

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
                      <Table.Td>{user.email}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="light" color={user.is_active ? "green" : "gray"}>
                            {user.is_active ? "active" : "inactive"}
                          </Badge>
                          {user.is_staff ? <Badge variant="light">staff</Badge> : null}
                          {user.email_verified_at === null ? (
                            <Badge variant="light" color="yellow">
                              unverified
                            </Badge>
                          ) : null}
                          {user.locked_until !== null &&
                          new Date(user.locked_until) > new Date() ? (
                            <Badge variant="light" color="red">
                              locked
                            </Badge>
                          ) : null}
                        </Group>
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
