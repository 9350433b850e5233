import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { userPath } from "../paths";
import type { OkJson } from "../../api/client";
import { formatDateTime } from "../../components/format";

export type SecurityEvent = OkJson<"listSecurityEvents">["results"][number];

export const SECURITY_EVENT_TYPES = [
  "login_succeeded",
  "login_failed",
  "logout",
  "password_changed",
  "password_reset_requested",
  "password_reset",
  "account_locked",
  "account_unlocked",
  "email_verified",
  "token_created",
  "token_revoked",
  "session_revoked",
  "jwt_refresh_reuse_detected",
] as const satisfies readonly SecurityEvent["type"][];

const ALARMING = new Set<SecurityEvent["type"]>([
  "login_failed",
  "account_locked",
  "jwt_refresh_reuse_detected",
]);

/** Security events, newest first; `showUser` links each to its user (the log across users). */
export function SecurityEventsTable({
  events,
  showUser,
}: {
  events: readonly SecurityEvent[];
  showUser: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={showUser ? 900 : 760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            {showUser ? <Table.Th>User</Table.Th> : null}
            <Table.Th>Event</Table.Th>
            <Table.Th>IP</Table.Th>
            <Table.Th>Browser or client</Table.Th>
            <Table.Th>Request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{formatDateTime(event.created_at)}</Table.Td>
              {showUser ? (
                <Table.Td>
                  <Anchor component={Link} to={userPath(event.user_id)}>
                    {event.user_email}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>
                <Badge variant="light" color={ALARMING.has(event.type) ? "red" : "gray"}>
                  {event.type}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace">{event.ip ?? "—"}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
                  {event.user_agent ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace" style={{ overflowWrap: "anywhere" }}>
                {event.request_id ?? "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
