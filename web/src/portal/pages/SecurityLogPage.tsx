import { Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, call, type OkJson } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../site";

type SecurityEvent = OkJson<"listOwnSecurityEvents">["results"][number];

/** Each event type in plain words (a new type fails the typecheck until it has its words). */
const EVENT_WORDS: Record<SecurityEvent["type"], string> = {
  login_succeeded: "Logged in",
  login_failed: "A wrong password was entered",
  logout: "Logged out",
  password_changed: "Password changed",
  password_reset_requested: "Password reset link requested",
  password_reset: "Password reset with an emailed link",
  account_locked: "Account locked after too many wrong passwords",
  account_unlocked: "Account unlocked",
  email_verified: "Email address confirmed",
  token_created: "API token created",
  token_revoked: "API token revoked",
  session_revoked: "Session signed out",
  jwt_refresh_reuse_detected: "A used sign-in token came back: that sign-in was ended",
};

const ALARMING = new Set<SecurityEvent["type"]>([
  "login_failed",
  "account_locked",
  "jwt_refresh_reuse_detected",
]);

/** What the details add, in words: which token, how many sessions, how one logged in. */
function detailWords(event: SecurityEvent): string | null {
  const details = event.details;
  switch (event.type) {
    case "login_succeeded":
    case "logout":
      return details["via"] === "jwt" ? "through the API (JWT)" : null;
    case "token_created":
      return typeof details["token_prefix"] === "string"
        ? `token ${details["token_prefix"]}…`
        : null;
    case "session_revoked":
      return typeof details["others"] === "number"
        ? `${details["others"]} other ${details["others"] === 1 ? "session" : "sessions"}`
        : null;
    case "account_unlocked":
      return details["by"] === "staff" ? "by our staff" : null;
    default:
      return null;
  }
}

/** What happened to the account (logins, password changes, tokens, sessions), newest first. */
export function SecurityLogPage() {
  usePageTitle("Security log");
  const { page, setPage } = useUrlFilters([]);
  const events = useQuery({
    queryKey: ["portal", "security-log", page],
    queryFn: () => call(api.GET("/api/customers/security-log", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <>
      <PageHeader title="Security log" />
      <Text size="sm" mb="md">
        Everything that happened to your account&apos;s security, newest first. If something here
        was not you, change your password and sign out your other sessions.
      </Text>
      <QueryState
        query={events}
        isEmpty={(data) => data.count === 0}
        empty="Nothing has happened to your account yet."
      >
        {(data) => (
          <Stack gap={0}>
            <ScrollTable label="Security events" minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>What happened</Table.Th>
                    <Table.Th>IP address</Table.Th>
                    <Table.Th>Browser or client</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((event) => {
                    const extra = detailWords(event);
                    return (
                      <Table.Tr key={event.id}>
                        <Table.Td>{formatDateTime(event.created_at)}</Table.Td>
                        <Table.Td>
                          <Text
                            size="sm"
                            fw={600}
                            c={ALARMING.has(event.type) ? "red.9" : undefined}
                          >
                            {EVENT_WORDS[event.type]}
                          </Text>
                          {extra === null ? null : (
                            <Text size="xs" c="dimmed">
                              {extra}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ff="monospace">{event.ip ?? "—"}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
                            {event.user_agent ?? "—"}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
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
