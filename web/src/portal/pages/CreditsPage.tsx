import { Badge, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, call, type QueryOf } from "../../api/client";
import { formatCredits, formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { BuyCreditPacks } from "../BuyCreditPacks";
import { BalanceSection } from "../CreditBalance";
import { usePageTitle } from "../site";

const TYPES = [
  { value: "grant", label: "Granted" },
  { value: "charge", label: "Charged" },
  { value: "reserve", label: "Held for a call" },
  { value: "settle", label: "Settled" },
  { value: "release", label: "Released" },
  { value: "refund", label: "Refunded" },
  { value: "expire", label: "Expired" },
  { value: "adjust", label: "Adjusted" },
] as const;

const LABEL: Record<string, string> = Object.fromEntries(TYPES.map((t) => [t.value, t.label]));

export function CreditsPage() {
  usePageTitle("Credits");
  const { filters, page, setFilters, setPage } = useUrlFilters(["type"] as const);
  const query = { ...queryParams(filters), page } as QueryOf<"listCreditTransactions">;
  const balance = useQuery({
    queryKey: ["portal", "balance"],
    queryFn: () => call(api.GET("/api/credits/balance")),
    staleTime: 0,
  });
  const entries = useQuery({
    queryKey: ["portal", "credit-transactions", query],
    queryFn: () => call(api.GET("/api/credits/transactions", { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <Stack gap="xl">
      <PageHeader title="Credits" />
      <QueryState query={balance}>
        {(data) => <BalanceSection balance={data} title="Balance" />}
      </QueryState>
      <BuyCreditPacks />
      <section aria-labelledby="transactions-heading">
        <Title order={2} size="h4" id="transactions-heading" mb="xs">
          Transactions
        </Title>
        <Group mb="md">
          <Select
            label="Type"
            placeholder="Any"
            data={TYPES.map((t) => ({ value: t.value, label: t.label }))}
            value={filters.type === "" ? null : filters.type}
            onChange={(value) => setFilters({ type: value ?? "" })}
            clearable
          />
        </Group>
        <QueryState
          query={entries}
          isEmpty={(data) => data.count === 0}
          empty={
            filters.type === "" ? "No credit transactions yet." : "No transactions of this type."
          }
        >
          {(data) => (
            <>
              <ScrollTable label="Transactions" minWidth={680}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Time</Table.Th>
                      <Table.Th>Type</Table.Th>
                      <Table.Th ta="right">Credits</Table.Th>
                      <Table.Th ta="right">Balance after</Table.Th>
                      <Table.Th>For</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.results.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td>{formatDateTime(entry.created_at)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={entry.amount < 0 ? "orange" : "green"}>
                            {LABEL[entry.type] ?? entry.type}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">
                          {entry.amount > 0 ? "+" : ""}
                          {formatCredits(entry.amount)}
                        </Table.Td>
                        <Table.Td ta="right">{formatCredits(entry.balance_after)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff={entry.service === null ? undefined : "monospace"}>
                            {entry.service ?? entry.reason ?? "—"}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager page={page} count={data.count} onChange={setPage} />
            </>
          )}
        </QueryState>
      </section>
    </Stack>
  );
}
