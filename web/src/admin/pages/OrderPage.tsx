import { Alert, Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime, formatMoney, formatNumber } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { errorMessage, QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";
import { ORDER_STATUS_COLORS } from "./order-status";
import { Facts, List, Section } from "./detail-parts";
import { RefundDialog, type RefundRequest } from "./RefundDialog";

type Investigation = OkJson<"getOrderInvestigation">;

function orderFacts({ order, refundable_cents }: Investigation): [string, ReactNode][] {
  const money = (cents: number | null) =>
    cents === null ? "—" : formatMoney(cents, order.currency);
  return [
    ["Order id", <code key="id">{order.id}</code>],
    [
      "Buyer",
      <Anchor
        key="buyer"
        component={Link}
        to={`/admin/users?email=${encodeURIComponent(order.user_email)}`}
      >
        {order.user_email}
      </Anchor>,
    ],
    ["Buyer's id", order.user_id],
    [
      "Status",
      <Badge key="status" color={ORDER_STATUS_COLORS[order.status]} variant="light">
        {order.status}
      </Badge>,
    ],
    ["Description", order.description],
    ["Kind", order.kind ?? "billing period"],
    ["Quantity", String(order.quantity)],
    ["Amount", money(order.amount_cents)],
    ["Paid", money(order.paid_amount_cents)],
    ["Refunded", money(order.refunded_cents)],
    ["Refundable", money(refundable_cents)],
    ["Credits", order.credit_amount === null ? "—" : formatNumber(order.credit_amount)],
    ["Provider", order.provider],
    ["Provider session", order.provider_session_id ?? "—"],
    ["Provider payment", order.provider_payment_id ?? "—"],
    ["Created", formatDateTime(order.created_at)],
    ["Paid at", formatDateTime(order.paid_at)],
    ["Fulfilled at", formatDateTime(order.fulfilled_at)],
  ];
}

function OrderActions({ data }: { data: Investigation }) {
  const { order } = data;
  const client = useQueryClient();
  const [refunding, { open, close }] = useDisclosure(false);
  const [confirmError, setConfirmError] = useState<unknown>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["admin", "order", order.id] });
  const refund = async (request: RefundRequest) => {
    const refund = await call(
      api.POST("/api/admin/orders/{id}/refund", {
        params: { path: { id: order.id } },
        body: request,
      }),
    );
    notifySuccess(
      refund.status === "succeeded"
        ? `Refunded ${formatMoney(refund.amount_cents, order.currency)} to ${order.user_email}.`
        : `Refund of ${formatMoney(refund.amount_cents, order.currency)} asked for: ${refund.status}.`,
    );
    await Promise.all([refresh(), client.invalidateQueries({ queryKey: ["admin", "orders"] })]);
  };
  const confirm = async () => {
    setConfirmError(null);
    try {
      await call(
        api.POST("/api/admin/orders/{id}/confirm", { params: { path: { id: order.id } } }),
      );
    } catch (error) {
      // Shown on the page too, not only in a toast: e.g. the order was paid meanwhile.
      setConfirmError(error);
      notifyError(error, "The order was not confirmed");
      throw error;
    }
    notifySuccess(`Order of ${order.user_email} confirmed and fulfilled.`);
    await refresh();
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {data.refundable_cents > 0 ? (
          <Button color="red" variant="light" onClick={open}>
            Refund
          </Button>
        ) : null}
        {data.can_confirm ? (
          <ConfirmButton
            size="sm"
            color="indigo"
            title="Confirm this order without a payment?"
            message={`The order of ${order.user_email} (${formatMoney(order.amount_cents, order.currency)}) is fulfilled as if it had been paid. For testing only (ORDER_CONFIRM_ALLOW_MANUAL is on).`}
            confirmLabel="Confirm order"
            onConfirm={confirm}
          >
            Confirm manually
          </ConfirmButton>
        ) : null}
        <Anchor component={Link} to={`/admin/audit-log?target_id=${order.id}`} size="sm">
          Audit entries of this order
        </Anchor>
      </Group>
      {confirmError === null ? null : (
        <Alert color="red" title="Not confirmed" role="alert" maw={760}>
          {errorMessage(confirmError)}
        </Alert>
      )}
      <RefundDialog
        key={data.refundable_cents}
        opened={refunding}
        onClose={close}
        buyer={order.user_email}
        refundableCents={data.refundable_cents}
        currency={order.currency}
        onRefund={refund}
      />
    </Stack>
  );
}

function InvestigationView({ data }: { data: Investigation }) {
  const { order } = data;
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <Stack gap="lg">
      <OrderActions data={data} />
      <Section title="Order">
        <Facts rows={orderFacts(data)} />
      </Section>
      <Section title="Refunds">
        <List
          items={data.refunds}
          none="No refunds."
          id={(refund) => refund.id}
          head={[
            "Asked",
            "Amount",
            "Status",
            "Reason",
            "Credits taken back",
            "Shortfall",
            "Applied",
          ]}
          row={(refund) => [
            formatDateTime(refund.created_at),
            money(refund.amount_cents),
            <Badge key="s" variant="light" color={refund.status === "succeeded" ? "green" : "gray"}>
              {refund.status}
            </Badge>,
            refund.reason,
            formatNumber(refund.credits_clawed_back),
            formatNumber(refund.credit_shortfall),
            formatDateTime(refund.applied_at),
          ]}
        />
      </Section>
      <Section title="Receipt">
        {data.receipt === null ? (
          <Text size="sm" c="dimmed">
            No receipt (the order was never paid).
          </Text>
        ) : (
          <Facts
            rows={[
              ["Number", data.receipt.number],
              ["Issued", formatDateTime(data.receipt.issued_at)],
              ["To", data.receipt.email],
              ["Amount", money(data.receipt.amount_cents)],
            ]}
          />
        )}
      </Section>
      <Section title="Payment events">
        <List
          items={data.events}
          none="No payment event recorded."
          id={(event) => event.id}
          head={["Received", "Type", "Outcome", "Provider event id"]}
          row={(event) => [
            formatDateTime(event.received_at),
            event.type,
            event.outcome,
            <code key="e">{event.provider_event_id}</code>,
          ]}
        />
      </Section>
      <Section title="Credits">
        {data.credit_grant === null ? (
          <Text size="sm" c="dimmed">
            This order granted no credits.
          </Text>
        ) : (
          <Stack gap="sm">
            <Facts
              rows={[
                ["Granted", formatNumber(data.credit_grant.amount)],
                ["Unspent", formatNumber(data.credit_grant.remaining)],
                ["Taken back", formatNumber(data.credit_grant.taken_back)],
              ]}
            />
            <List
              items={data.ledger_entries}
              none="No ledger entries."
              id={(entry) => entry.id}
              head={["Time", "Type", "Change", "Balance after", "Reason"]}
              row={(entry) => [
                formatDateTime(entry.created_at),
                entry.type,
                formatNumber(entry.amount),
                formatNumber(entry.balance_after),
                entry.reason ?? "—",
              ]}
            />
          </Stack>
        )}
      </Section>
      {data.downloads.length > 0 || order.kind === "digital" ? (
        <Section title="Downloads">
          <List
            items={data.downloads}
            none="No download grants."
            id={(grant) => grant.id}
            head={["File", "Downloads", "Expires", "Revoked", "Last download"]}
            row={(grant) => [
              grant.filename,
              `${grant.download_count} of ${grant.max_downloads}`,
              formatDateTime(grant.expires_at),
              formatDateTime(grant.revoked_at),
              formatDateTime(grant.last_downloaded_at),
            ]}
          />
        </Section>
      ) : null}
    </Stack>
  );
}

/** One order with everything recorded about it, and the refund and confirm actions. */
export function OrderPage() {
  usePageTitle("Order");
  const { id = "" } = useParams();
  const order = useQuery({
    queryKey: ["admin", "order", id],
    queryFn: () => call(api.GET("/api/admin/orders/{id}", { params: { path: { id } } })),
  });
  return (
    <>
      <PageHeader title="Order">
        <Anchor component={Link} to="/admin/orders">
          All orders
        </Anchor>
      </PageHeader>
      <QueryState query={order}>{(data) => <InvestigationView data={data} />}</QueryState>
    </>
  );
}
