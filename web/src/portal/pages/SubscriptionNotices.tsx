import { Alert, Button, Group, Loader, Text } from "@mantine/core";
import type { OkJson } from "../../api/client";
import { formatCredits } from "../../components/format";
import {
  freshnessNotice,
  type CheckoutReturn,
  type CheckoutWait,
  type SubscriptionStatus,
} from "./subscription-status";

/**
 * The status answer's freshness: soft stale warns (the plan still applies); hard stale says that
 * paid features are paused and offers one explicit sync (`?refresh=1`, rate limited by the
 * server, whose refusal `retryNote` explains).
 */
export function FreshnessAlert({
  status,
  onRetry,
  retrying,
  retryNote,
}: {
  status: SubscriptionStatus;
  onRetry: () => void;
  retrying: boolean;
  retryNote: string | null;
}) {
  const notice = freshnessNotice(status);
  if (notice === null) return null;
  if (notice.kind === "warning") {
    return (
      <Alert color="yellow" title="Your plan is being checked" role="status">
        <Text size="sm">{notice.message}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Paid features are paused" role="alert">
      <Text size="sm">{notice.message}</Text>
      <Text size="sm" mt="xs">
        Until your plan is confirmed, the Free plan&apos;s limits apply.
      </Text>
      <Group mt="sm" gap="sm">
        <Button size="xs" color="red" variant="light" onClick={onRetry} loading={retrying}>
          Retry sync
        </Button>
        {retryNote === null ? null : (
          <Text size="sm" role="status">
            {retryNote}
          </Text>
        )}
      </Group>
    </Alert>
  );
}

/** Back from the checkout: waiting for the payment event, then the credits it granted. */
export function CheckoutReturnNotice({
  checkout,
  wait,
  status,
  balance,
  onDismiss,
}: {
  checkout: CheckoutReturn;
  wait: CheckoutWait;
  status: SubscriptionStatus | undefined;
  balance: OkJson<"getCreditBalance"> | undefined;
  onDismiss: () => void;
}) {
  const dismiss = (
    <Button size="xs" variant="subtle" onClick={onDismiss}>
      Dismiss
    </Button>
  );
  if (checkout === "canceled") {
    return (
      <Alert color="gray" title="Checkout canceled" role="status">
        <Text size="sm">Nothing was charged. You can subscribe whenever you like.</Text>
        {dismiss}
      </Alert>
    );
  }
  if (wait === "waiting") {
    return (
      <Alert color="blue" title="Waiting for the payment…" role="status">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text size="sm">
            Your subscription starts as soon as the payment provider confirms the payment, usually
            within seconds.
          </Text>
        </Group>
      </Alert>
    );
  }
  if (wait === "late") {
    return (
      <Alert color="orange" title="The payment is not confirmed yet" role="status">
        <Text size="sm">
          This is taking longer than usual. If you completed the payment, your subscription will
          appear here once the provider confirms it: reload this page in a few minutes. Nothing is
          charged twice if you wait.
        </Text>
        {dismiss}
      </Alert>
    );
  }
  return (
    <Alert
      color="green"
      title={`You are subscribed to ${status?.plan.name ?? "your plan"}`}
      role="status"
    >
      <Text size="sm" data-testid="granted-credits">
        {balance === undefined
          ? "Your subscription credits are on their way."
          : `Subscription credits in your balance: ${formatCredits(balance.subscription_credits)}.`}
      </Text>
      {dismiss}
    </Alert>
  );
}
