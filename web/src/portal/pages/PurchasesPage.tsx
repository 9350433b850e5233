import { Anchor, Badge, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, call } from "../../api/client";
import { formatDateTime, formatPrice } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { useUrlFilters } from "../../components/url-filters";
import { ORDER_STATUS_COLORS, ORDER_STATUS_LABELS, paymentPath, type Order } from "../checkout";
import { usePageTitle } from "../site";

export function receiptPath(receiptId: string): string {
  return `/account/purchases/receipts/${receiptId}`;
}

function Items({ order }: { order: Order }) {
  return (
    <>
      {order.description}
      {order.quantity > 1 ? ` × ${String(order.quantity)}` : ""}
    </>
  );
}

function Amount({ order }: { order: Order }) {
  return (
    <>
      {formatPrice(order.amount_cents, order.currency)}
      {order.refunded_cents > 0 ? (
        <Text size="xs" c="dimmed">
          {formatPrice(order.refunded_cents, order.currency)} refunded
        </Text>
      ) : null}
    </>
  );
}

function Receipts() {
  const [page, setPage] = useState(1);
  const receipts = useQuery({
    queryKey: ["portal", "receipts", page],
    queryFn: () => call(api.GET("/api/account/receipts", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <section aria-labelledby="receipts-heading">
      <Title order={2} size="h4" id="receipts-heading" mb="xs">
        Receipts
      </Title>
      <QueryState
        query={receipts}
        isEmpty={(data) => data.count === 0}
        empty="No receipts yet: each paid order gets one."
      >
        {(data) => (
          <>
            <ScrollTable label="Receipts" minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Receipt</Table.Th>
                    <Table.Th>Issued</Table.Th>
                    <Table.Th>For</Table.Th>
                    <Table.Th ta="right">Paid</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((receipt) => (
                    <Table.Tr key={receipt.id}>
                      <Table.Td>
                        <Anchor component={Link} to={receiptPath(receipt.id)} ff="monospace">
                          {receipt.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDateTime(receipt.issued_at)}</Table.Td>
                      <Table.Td>
                        {receipt.description}
                        {receipt.quantity > 1 ? ` × ${String(receipt.quantity)}` : ""}
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatPrice(receipt.amount_cents, receipt.currency)}
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
  );
}

/** /account/purchases: the customer's orders (newest first) and their receipts. */
export function PurchasesPage() {
  usePageTitle("Purchases");
  const { page, setPage } = useUrlFilters([] as const);
  const orders = useQuery({
    queryKey: ["portal", "orders", page],
    queryFn: () => call(api.GET("/api/account/orders", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <Stack gap="xl">
      <PageHeader title="Purchases" />
      <section aria-labelledby="orders-heading">
        <Title order={2} size="h4" id="orders-heading" mb="xs">
          Orders
        </Title>
        <QueryState
          query={orders}
          isEmpty={(data) => data.count === 0}
          empty={
            <>
              No purchases yet.{" "}
              <Anchor component={Link} to="/app/credits" underline="always">
                Buy credits
              </Anchor>
            </>
          }
        >
          {(data) => (
            <>
              <ScrollTable label="Orders" minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Date</Table.Th>
                      <Table.Th>Items</Table.Th>
                      <Table.Th ta="right">Amount</Table.Th>
                      <Table.Th>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.results.map((order) => (
                      <Table.Tr key={order.id}>
                        <Table.Td>{formatDateTime(order.created_at)}</Table.Td>
                        <Table.Td>
                          <Items order={order} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount order={order} />
                        </Table.Td>
                        <Table.Td>
                          {order.status === "pending" ? (
                            <Anchor component={Link} to={paymentPath(order.id)} size="sm">
                              <Badge variant="light" color={ORDER_STATUS_COLORS.pending}>
                                {ORDER_STATUS_LABELS.pending}
                              </Badge>
                            </Anchor>
                          ) : (
                            <Badge variant="light" color={ORDER_STATUS_COLORS[order.status]}>
                              {ORDER_STATUS_LABELS[order.status]}
                            </Badge>
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
      </section>
      <Receipts />
    </Stack>
  );
}
