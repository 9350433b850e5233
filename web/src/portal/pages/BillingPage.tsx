import { Badge, Button, Group, Select, Table, Text } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api, call, type OkJson, type QueryOf } from "../../api/client";
import { formatCents, formatDateTime, formatNumber } from "../../components/format";
import { notifyError } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { goToCheckout, PAYMENT_RETURN_PATH } from "../checkout";
import { usePageTitle } from "../site";

type Period = OkJson<"listBillingPeriods">["results"][number];

const STATUS_COLOR = { pending: "yellow", paid: "green", overdue: "red", waived: "gray" } as const;

function StatusBadge({ period }: { period: Period }) {
  if (period.is_current) return <Badge variant="light">running</Badge>;
  return (
    <Badge variant="light" color={STATUS_COLOR[period.payment_status]}>
      {period.payment_status}
    </Badge>
  );
}

/** An ended period with something owed (the server decides: its refusal is shown). */
function payable(period: Period): boolean {
  return (
    !period.is_current &&
    (period.payment_status === "pending" || period.payment_status === "overdue") &&
    period.total_cost_cents > 0
  );
}

/** "Pay": an order for the period's total, its checkout, and back to the page that waits. */
function PayButton({ period }: { period: Period }) {
  const pay = useMutation({
    mutationFn: () =>
      call(
        api.POST("/api/customers/billing/periods/{id}/pay", {
          params: { path: { id: period.id } },
          body: { return_path: PAYMENT_RETURN_PATH },
        }),
      ),
    onSuccess: (created) => goToCheckout(created.checkout_url),
    onError: (error) => notifyError(error, "Could not start the payment"),
  });
  const month = period.period_start.slice(0, 7);
  return (
    <Button
      size="xs"
      onClick={() => pay.mutate()}
      loading={pay.isPending}
      aria-label={`Pay ${formatCents(period.total_cost_cents)} for ${month}`}
    >
      Pay
    </Button>
  );
}

export function BillingPage() {
  usePageTitle("Billing");
  const { filters, page, setFilters, setPage } = useUrlFilters(["status"] as const);
  const query = { ...queryParams(filters), page } as QueryOf<"listBillingPeriods">;
  const periods = useQuery({
    queryKey: ["portal", "billing", "periods", query],
    queryFn: () => call(api.GET("/api/customers/billing/periods", { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <>
      <PageHeader title="Billing" />
      <Text size="sm" mb="md">
        Each calendar month (UTC) is a billing period: its successful requests and what they cost. A
        period can be paid once it has ended.
      </Text>
      <Group mb="md">
        <Select
          label="Status"
          placeholder="Any"
          data={["pending", "paid", "overdue", "waived"]}
          value={filters.status === "" ? null : filters.status}
          onChange={(value) => setFilters({ status: value ?? "" })}
          clearable
        />
      </Group>
      <QueryState
        query={periods}
        isEmpty={(data) => data.count === 0}
        empty={filters.status === "" ? "No billing periods yet." : `No ${filters.status} periods.`}
      >
        {(data) => (
          <>
            <ScrollTable label="Billing periods" minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Period</Table.Th>
                    <Table.Th ta="right">Requests</Table.Th>
                    <Table.Th ta="right">Cost</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Paid</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((period) => (
                    <Table.Tr key={period.id}>
                      <Table.Td>{period.period_start.slice(0, 7)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(period.total_requests)}</Table.Td>
                      <Table.Td ta="right">{formatCents(period.total_cost_cents)}</Table.Td>
                      <Table.Td>
                        <StatusBadge period={period} />
                      </Table.Td>
                      <Table.Td>
                        {period.paid_at !== null ? (
                          `${formatCents(period.paid_amount_cents ?? 0)} on ${formatDateTime(period.paid_at)}`
                        ) : payable(period) ? (
                          <PayButton period={period} />
                        ) : (
                          "—"
                        )}
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
    </>
  );
}
