import { Alert, Anchor, Button, Group, Loader, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api, call } from "../../api/client";
import { formatCredits, formatPrice } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { paymentOutcome, type Order } from "../checkout";
import { BalanceSection } from "../CreditBalance";
import { usePageTitle } from "../site";

/** How often the page asks about the order while it waits, and for how long. */
export const POLL_INTERVAL_MS = 1000;
export const WAIT_TIMEOUT_MS = 60_000;

/**
 * The order, asked every `intervalMs` until it is paid or not paid, or `timeoutMs` have passed
 * (`timedOut`); `checkAgain` then asks the provider itself (`refresh=1`) and waits once more.
 */
export function useOrderPayment(
  orderId: string,
  { intervalMs = POLL_INTERVAL_MS, timeoutMs = WAIT_TIMEOUT_MS } = {},
) {
  const [round, setRound] = useState(0);
  // Each wait (the order, and each "Check again") has its own timeout.
  const wait = `${orderId}:${String(round)}`;
  const [expired, setExpired] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setExpired(wait), timeoutMs);
    return () => clearTimeout(timer);
  }, [wait, timeoutMs]);
  const timedOut = expired === wait;
  const order = useQuery({
    queryKey: ["portal", "order", orderId, round],
    queryFn: () =>
      call(
        api.GET("/api/account/orders/{id}", {
          params: { path: { id: orderId }, query: round > 0 ? { refresh: "1" } : {} },
        }),
      ),
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (timedOut || query.state.status === "error") return false;
      return status === undefined || paymentOutcome(status) === "waiting" ? intervalMs : false;
    },
  });
  return { order, timedOut, checkAgain: () => setRound((value) => value + 1) };
}

function Paid({ order }: { order: Order }) {
  const client = useQueryClient();
  useEffect(() => {
    // The balance, billing periods and purchases other pages cached are out of date now.
    void client.invalidateQueries({
      predicate: (query) => query.queryKey[0] === "portal" && query.queryKey[1] !== "order",
    });
  }, [client]);
  const balance = useQuery({
    queryKey: ["portal", "balance"],
    queryFn: () => call(api.GET("/api/credits/balance")),
    staleTime: 0,
    enabled: order.credit_amount !== null,
  });
  return (
    <Stack gap="lg">
      <Alert color="green" title="Payment received" role="status">
        <Text size="sm">
          {order.description}:{" "}
          {formatPrice(order.paid_amount_cents ?? order.amount_cents, order.currency)} paid. Thank
          you!
          {order.credit_amount === null
            ? null
            : ` ${formatCredits(order.credit_amount)} credits were added to your balance.`}
        </Text>
      </Alert>
      {order.credit_amount === null ? null : (
        <QueryState query={balance}>
          {(data) => <BalanceSection balance={data} title="Your new balance" />}
        </QueryState>
      )}
      <Group gap="md">
        {order.billing_period_id !== null ? (
          <Button component={Link} to="/app/billing">
            Back to billing
          </Button>
        ) : order.kind === "digital" ? (
          <Button component={Link} to="/account/downloads">
            Your downloads
          </Button>
        ) : order.kind === "service" ? (
          <Button component={Link} to="/account/bookings">
            Your bookings
          </Button>
        ) : (
          <Button component={Link} to="/app/credits">
            Back to credits
          </Button>
        )}
        <Anchor component={Link} to="/account/purchases">
          Purchases and receipts
        </Anchor>
      </Group>
    </Stack>
  );
}

/** Where a checkout comes back to: waits for the provider's payment event, then the outcome. */
export function PaymentPage(timing: { intervalMs?: number; timeoutMs?: number }) {
  usePageTitle("Payment");
  const { orderId = "" } = useParams();
  const { order, timedOut, checkAgain } = useOrderPayment(orderId, timing);
  return (
    <>
      <PageHeader title="Payment" />
      <QueryState query={order}>
        {(data) => {
          const outcome = paymentOutcome(data.status);
          if (outcome === "paid") return <Paid order={data} />;
          if (outcome === "not_paid") {
            return (
              <Alert color="yellow" title="Not paid" role="status">
                <Text size="sm" mb="sm">
                  {data.description}: the checkout was {data.status}. Nothing was charged.
                </Text>
                <Button
                  component={Link}
                  to={data.billing_period_id === null ? "/app/credits" : "/app/billing"}
                  size="xs"
                >
                  {data.billing_period_id === null ? "Back to credits" : "Back to billing"}
                </Button>
              </Alert>
            );
          }
          if (timedOut) {
            return (
              <Alert color="yellow" title="Still waiting for the payment" role="status">
                <Text size="sm" mb="sm">
                  The payment provider has not confirmed the payment yet. If you paid, it usually
                  arrives within a minute; nothing is charged twice.
                </Text>
                <Button size="xs" onClick={checkAgain}>
                  Check again
                </Button>
              </Alert>
            );
          }
          return (
            <Group gap="sm" role="status" aria-live="polite">
              <Loader size="sm" aria-hidden />
              <Text>Waiting for the payment…</Text>
            </Group>
          );
        }}
      </QueryState>
    </>
  );
}
