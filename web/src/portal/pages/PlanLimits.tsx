import { List, Table, Text, Title } from "@mantine/core";
import { formatCredits } from "../../components/format";
import { limitRows, type Plan } from "./subscription-status";

/** This period's usage against the limits (GET /api/account/entitlements), by limit label. */
export type LimitUsage = Readonly<Record<string, number>>;

/**
 * A plan's limits from the catalog: a list on a plan card, a table for the current plan with,
 * when `usage` is given, what this period has used of each.
 */
export function PlanLimits({
  plan,
  compact = false,
  usage,
}: {
  plan: Plan;
  compact?: boolean;
  usage?: LimitUsage | undefined;
}) {
  const rows = limitRows(plan.limits);
  if (rows.length === 0) return null;
  if (compact) {
    return (
      <List size="sm" spacing={2}>
        {rows.map((row) => (
          <List.Item key={row.label}>
            {row.label}: {row.value}
          </List.Item>
        ))}
      </List>
    );
  }
  return (
    <section aria-labelledby="limits-heading">
      <Title order={2} size="h4" id="limits-heading" mb="xs">
        {plan.name} limits
      </Title>
      <Table maw={560} data-testid="plan-limits">
        {usage === undefined ? null : (
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Limit</Table.Th>
              <Table.Th scope="col" ta="right">
                Used this period
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Allowed
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              {usage === undefined ? null : (
                <Table.Td ta="right" data-testid={`used-${row.label}`}>
                  {usage[row.label] === undefined ? "–" : formatCredits(usage[row.label] ?? 0)}
                </Table.Td>
              )}
              <Table.Td ta="right">
                <Text size="sm" fw={600} span>
                  {row.value}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
