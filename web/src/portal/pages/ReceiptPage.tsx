import { Anchor, Box, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, call } from "../../api/client";
import { formatDateTime, formatPrice } from "../../components/format";
import { QueryState } from "../../components/QueryState";
import { usePageTitle, useSite } from "../site";
import "../print.css";

/** /account/purchases/receipts/:id: one receipt, laid out to be printed (or saved as PDF). */
export function ReceiptPage() {
  const { receiptId = "" } = useParams();
  const site = useSite();
  const receipt = useQuery({
    queryKey: ["portal", "receipt", receiptId],
    queryFn: () =>
      call(api.GET("/api/account/receipts/{id}", { params: { path: { id: receiptId } } })),
  });
  usePageTitle(receipt.data === undefined ? "Receipt" : `Receipt ${receipt.data.number}`);
  return (
    <QueryState query={receipt}>
      {(data) => {
        const paid = formatPrice(data.amount_cents, data.currency);
        return (
          <Box className="printable" maw={640}>
            <Group justify="space-between" mb="lg" className="no-print">
              <Anchor component={Link} to="/account/purchases">
                ← Purchases
              </Anchor>
              <Button onClick={() => window.print()}>Print</Button>
            </Group>
            <Stack gap="md">
              <div>
                <Text fw={700}>{site.data?.name}</Text>
                <Title order={1} size="h2">
                  Receipt {data.number}
                </Title>
                <Text size="sm">
                  Issued {formatDateTime(data.issued_at)} to {data.email}
                </Text>
              </div>
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Item</Table.Th>
                    <Table.Th ta="right">Quantity</Table.Th>
                    <Table.Th ta="right">Paid</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{data.description}</Table.Td>
                    <Table.Td ta="right">{data.quantity}</Table.Td>
                    <Table.Td ta="right">{paid}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th colSpan={2}>Total</Table.Th>
                    <Table.Th ta="right" data-testid="receipt-total">
                      {paid}
                    </Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
              <Text size="sm">
                Payment reference:{" "}
                <Text span ff="monospace">
                  {data.provider_payment_id ?? "—"}
                </Text>{" "}
                ({data.provider})
              </Text>
            </Stack>
          </Box>
        );
      }}
    </QueryState>
  );
}
