import { Anchor, Badge, Table } from "@mantine/core";
import { Link } from "react-router";
import { userPath } from "../paths";
import type { OkJson } from "../../api/client";
import { formatCredits, formatDateTime } from "../../components/format";

export type AdminTransaction = OkJson<"listAllCreditTransactions">["results"][number];

export const CREDIT_ENTRY_TYPES = [
  "grant",
  "reserve",
  "settle",
  "charge",
  "release",
  "refund",
  "expire",
  "adjust",
] as const satisfies readonly AdminTransaction["type"][];

/** Journal entries, newest first; `showUser` adds the account (for the ledger across accounts). */
export function CreditLedgerTable({
  entries,
  showUser,
}: {
  entries: readonly AdminTransaction[];
  showUser: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={showUser ? 860 : 680}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            {showUser ? <Table.Th>User</Table.Th> : null}
            <Table.Th>Type</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right">Balance after</Table.Th>
            <Table.Th>Service or reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.created_at)}</Table.Td>
              {showUser ? (
                <Table.Td>
                  <Anchor component={Link} to={userPath(entry.user.id)}>
                    {entry.user.email}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>
                <Badge variant="light" color={entry.amount < 0 ? "orange" : "blue"}>
                  {entry.type}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCredits(entry.amount, true)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCredits(entry.balance_after)}
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                {entry.reason ?? entry.service ?? "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
