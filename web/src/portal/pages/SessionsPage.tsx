import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type OkJson } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { usePageTitle } from "../site";

type Session = OkJson<"listSessions">[number];

const SESSIONS_KEY = ["portal", "sessions"] as const;

function SignOutButton({ session }: { session: Session }) {
  const client = useQueryClient();
  const revoke = async () => {
    try {
      await call(
        api.DELETE("/api/customers/sessions/{id}", { params: { path: { id: session.id } } }),
      );
    } catch (error) {
      notifyError(error, "Could not sign that session out");
      throw error;
    }
    notifySuccess("That session is signed out.");
    await client.invalidateQueries({ queryKey: SESSIONS_KEY });
  };
  return (
    <ConfirmButton
      title="Sign this session out?"
      message={`The browser signed in on ${formatDateTime(session.created_at)} from ${session.ip ?? "an unknown address"} is signed out at once and has to log in again.`}
      confirmLabel="Sign out"
      onConfirm={revoke}
      aria-label={`Sign out the session from ${formatDateTime(session.created_at)}`}
    >
      Sign out
    </ConfirmButton>
  );
}

function SignOutOthers({ others }: { others: number }) {
  const client = useQueryClient();
  const revoke = async () => {
    let revoked: number;
    try {
      ({ revoked } = await call(api.POST("/api/customers/sessions/revoke-others")));
    } catch (error) {
      notifyError(error, "Could not sign the other sessions out");
      throw error;
    }
    notifySuccess(
      revoked === 1 ? "1 other session signed out." : `${revoked} other sessions signed out.`,
    );
    await client.invalidateQueries({ queryKey: SESSIONS_KEY });
  };
  return (
    <ConfirmButton
      title="Sign out everywhere else?"
      message={`Every other browser signed in to your account (${others}) is signed out at once. This one stays signed in; API tokens keep working.`}
      confirmLabel="Sign out everywhere else"
      onConfirm={revoke}
      disabled={others === 0}
      size="sm"
    >
      Sign out everywhere else
    </ConfirmButton>
  );
}

/** Where the account is signed in: each browser session, the current one marked. */
export function SessionsPage() {
  usePageTitle("Sessions");
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => call(api.GET("/api/customers/sessions")),
    staleTime: 0,
  });
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;
  return (
    <>
      <PageHeader title="Sessions">
        <SignOutOthers others={others} />
      </PageHeader>
      <Text size="sm" mb="md">
        Each browser where you logged in. Sign out any you do not recognise, and change your
        password if you think someone else knows it.
      </Text>
      <QueryState
        query={sessions}
        isEmpty={(data) => data.length === 0}
        empty="No browser is signed in to your account."
      >
        {(data) => (
          <Stack gap="sm">
            <ScrollTable label="Your sessions" minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Browser</Table.Th>
                    <Table.Th>IP address</Table.Th>
                    <Table.Th>Signed in</Table.Th>
                    <Table.Th>Last active</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((session) => (
                    <Table.Tr key={session.id}>
                      <Table.Td>
                        <Text size="sm" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
                          {session.user_agent ?? "Unknown browser"}
                        </Text>
                      </Table.Td>
                      <Table.Td ff="monospace">{session.ip ?? "—"}</Table.Td>
                      <Table.Td>{formatDateTime(session.created_at)}</Table.Td>
                      <Table.Td>{formatDateTime(session.last_seen_at)}</Table.Td>
                      <Table.Td>
                        {session.current ? (
                          <Badge color="green" variant="light">
                            this browser
                          </Badge>
                        ) : (
                          <SignOutButton session={session} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {others === 0 ? (
              <Group>
                <Text size="sm" c="dimmed">
                  You are signed in nowhere else.
                </Text>
              </Group>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
