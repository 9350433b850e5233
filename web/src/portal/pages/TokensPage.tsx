import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call, type OkJson } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { ScrollTable } from "../../components/ScrollTable";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { useUrlFilters } from "../../components/url-filters";
import { CopyCode } from "../CopyCode";
import { fieldErrorsOf } from "../form-errors";
import { usePageTitle } from "../site";

type Token = OkJson<"listTokens">["results"][number];
type Created = OkJson<"createToken", 201>;

const TOKENS_KEY = ["portal", "tokens"] as const;

function RevokeButton({ token }: { token: Token }) {
  const client = useQueryClient();
  const revoke = async () => {
    try {
      await call(api.DELETE("/api/customers/tokens/{id}", { params: { path: { id: token.id } } }));
    } catch (error) {
      notifyError(error, "Could not revoke the token");
      throw error;
    }
    notifySuccess(`Token ${token.name} revoked.`);
    await client.invalidateQueries({ queryKey: TOKENS_KEY });
  };
  return (
    <ConfirmButton
      title="Revoke this token?"
      message={`${token.name} (${token.token_prefix}) stops working at once: programs using it get 401. This cannot be undone.`}
      confirmLabel="Revoke"
      onConfirm={revoke}
      aria-label={`Revoke token ${token.name}`}
    >
      Revoke
    </ConfirmButton>
  );
}

/** The new token, shown once: the server keeps only its hash. */
function NewToken({ token, onDone }: { token: Created; onDone: () => void }) {
  return (
    <Card withBorder padding="md" mb="lg" aria-labelledby="new-token-heading">
      <Title order={2} size="h4" id="new-token-heading" mb="xs">
        Your new token: {token.name}
      </Title>
      <Alert color="yellow" title="Copy it now" mb="sm">
        This is the only time the whole token is shown. Store it with your application's secrets; if
        you lose it, revoke it and create another.
      </Alert>
      <CopyCode value={token.token_once} label="Token" />
      <Group mt="sm">
        <Button variant="default" size="xs" onClick={onDone}>
          I have stored it
        </Button>
      </Group>
    </Card>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: Created) => void }) {
  const client = useQueryClient();
  const form = useForm({
    initialValues: { name: "" },
    validate: {
      name: (value) => (value.trim() === "" ? "Name the token, e.g. its program." : null),
    },
  });
  const create = useMutation({
    mutationFn: (name: string) => call(api.POST("/api/customers/tokens", { body: { name } })),
    onSuccess: async (token) => {
      form.reset();
      onCreated(token);
      notifySuccess(`Token ${token.name} created.`);
      await client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) form.setErrors(fields);
      else notifyError(error, "Could not create the token");
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => create.mutate(values.name.trim()))}
      noValidate
      aria-label="Create a token"
    >
      <Group align="flex-start" mb="lg" wrap="wrap">
        <TextInput
          label="New token's name"
          placeholder="e.g. production server"
          style={{ flex: "1 1 220px" }}
          maxLength={100}
          {...form.getInputProps("name")}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          Create token
        </Button>
      </Group>
    </form>
  );
}

export function TokensPage() {
  usePageTitle("API tokens");
  const { page, setPage } = useUrlFilters([]);
  const [created, setCreated] = useState<Created | null>(null);
  const tokens = useQuery({
    queryKey: [...TOKENS_KEY, page],
    queryFn: () => call(api.GET("/api/customers/tokens", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="API tokens" />
      <Text size="sm" mb="md">
        A token lets a program call the API as you: send it as <code>Authorization: Bearer …</code>.
        Calls made with it are charged to your account.
      </Text>
      {created === null ? null : <NewToken token={created} onDone={() => setCreated(null)} />}
      <CreateTokenForm onCreated={setCreated} />
      <QueryState
        query={tokens}
        isEmpty={(data) => data.count === 0}
        empty="No tokens yet: create one above."
      >
        {(data) => (
          <Stack gap={0}>
            <ScrollTable label="Your tokens" minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Token</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td ff="monospace">{token.token_prefix}</Table.Td>
                      <Table.Td>{formatDateTime(token.created_at)}</Table.Td>
                      <Table.Td>
                        {token.last_used_at === null ? "never" : formatDateTime(token.last_used_at)}
                      </Table.Td>
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
                        {token.revoked_at === null ? <RevokeButton token={token} /> : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={page} count={data.count} onChange={setPage} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
