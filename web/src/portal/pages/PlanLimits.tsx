import { List, Table, Text, Title } from "@mantine/core";
import { limitRows, type Plan } from "./subscription-status";

/** A plan's limits from the catalog: a list on a plan card, a table for the current plan. */
export function PlanLimits({ plan, compact = false }: { plan: Plan; compact?: boolean }) {
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
      <Table maw={480} data-testid="plan-limits">
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
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
