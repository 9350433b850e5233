import { Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The building blocks of a staff detail page (an order, a subscription): titled sections, a facts table, lists. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" withTableBorder maw={760}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={170}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A list as a table that scrolls in its own box on a phone, or a line saying there is none. */
export function List<T>(props: {
  items: readonly T[];
  none: string;
  head: string[];
  row: (item: T) => ReactNode[];
  id: (item: T) => string;
}) {
  if (props.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {props.none}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            {props.head.map((label) => (
              <Table.Th key={label}>{label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((item) => (
            <Table.Tr key={props.id(item)}>
              {props.row(item).map((cell, index) => (
                <Table.Td key={props.head[index]}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
