import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type OkJson, type QueryOf } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

type Invite = OkJson<"listInvites">["results"][number];

const STATUS_COLORS: Record<Invite["status"], string> = {
  unused: "green",
  used: "blue",
  expired: "gray",
  withdrawn: "orange",
};

const DAY_MS = 24 * 60 * 60 * 1000;

function CreateInvites() {
  const client = useQueryClient();
  const form = useForm({ initialValues: { count: 1, days: 14 } });
  const create = useMutation({
    mutationFn: (values: { count: number; days: number }) =>
      call(
        api.POST("/api/admin/invites", {
          body: {
            count: values.count,
            expires_at:
              values.days > 0 ? new Date(Date.now() + values.days * DAY_MS).toISOString() : null,
          },
        }),
      ),
  });
  const submit = form.onSubmit((values) => {
    create.mutate(values, {
      onSuccess: (created) => {
        const codes = created.invites.map((invite) => invite.code).join(", ");
        notifySuccess(`Created ${created.invites.length} invite(s): ${codes}`);
        form.reset();
        void client.invalidateQueries({ queryKey: ["admin", "invites"] });
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.messagesByField);
        notifyError(error, "Could not create invites");
      },
    });
  });
  return (
    <Paper withBorder p="md" mb="lg">
      <Title order={2} size="h4" mb="sm">
        Create invites
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label="How many"
            min={1}
            max={100}
            w={120}
            {...form.getInputProps("count")}
          />
          <NumberInput
            label="Expire after (days, 0 = never)"
            min={0}
            max={365}
            w={220}
            {...form.getInputProps("days")}
          />
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function WithdrawButton({ invite }: { invite: Invite }) {
  const client = useQueryClient();
  const withdraw = async () => {
    try {
      await call(
        api.POST("/api/admin/invites/{id}/withdraw", { params: { path: { id: invite.id } } }),
      );
    } catch (error) {
      notifyError(error, "Could not withdraw the invite");
      throw error;
    }
    notifySuccess(`Invite ${invite.code} withdrawn.`);
    await client.invalidateQueries({ queryKey: ["admin", "invites"] });
  };
  return (
    <ConfirmButton
      title="Withdraw this invite?"
      message={`Nobody will be able to register with ${invite.code} any more. This cannot be undone.`}
      confirmLabel="Withdraw"
      onConfirm={withdraw}
      aria-label={`Withdraw invite ${invite.code}`}
    >
      Withdraw
    </ConfirmButton>
  );
}

export function InvitesPage() {
  usePageTitle("Invites");
  const { filters, page, setFilters, setPage } = useUrlFilters(["status"] as const);
  const query = { ...queryParams(filters), page } as QueryOf<"listInvites">;
  const invites = useQuery({
    queryKey: ["admin", "invites", query],
    queryFn: () => call(api.GET("/api/admin/invites", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Invites">
        <Select
          aria-label="Status"
          placeholder="Any status"
          data={["unused", "used", "expired", "withdrawn"]}
          value={filters.status === "" ? null : filters.status}
          onChange={(value) => setFilters({ status: value ?? "" })}
          clearable
          w={180}
        />
      </PageHeader>
      <CreateInvites />
      <QueryState
        query={invites}
        isEmpty={(data) => data.count === 0}
        empty={filters.status === "" ? "No invites yet." : `No ${filters.status} invites.`}
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Code</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>Used by</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((invite) => (
                    <Table.Tr key={invite.id}>
                      <Table.Td ff="monospace">{invite.code}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[invite.status]} variant="light">
                          {invite.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDateTime(invite.created_at)}</Table.Td>
                      <Table.Td>
                        {invite.expires_at === null ? "never" : formatDateTime(invite.expires_at)}
                      </Table.Td>
                      <Table.Td>{invite.used_by?.email ?? "—"}</Table.Td>
                      <Table.Td>
                        {invite.status === "unused" || invite.status === "expired" ? (
                          <WithdrawButton invite={invite} />
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
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
