import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import type { OkJson } from "../api/client";
import { formatCredits, formatDateTime } from "../components/format";

type Balance = OkJson<"getCreditBalance">;

const KINDS = [
  { key: "trial_credits", label: "Trial" },
  { key: "subscription_credits", label: "Subscription" },
  { key: "payg_credits", label: "Pay-as-you-go" },
  { key: "adjustment_credits", label: "Adjustments" },
] as const satisfies readonly { key: keyof Balance; label: string }[];

export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`figure-${label}`}>
        {value}
      </Text>
      {hint === undefined ? null : (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The balance by kind and the next expiry, under a heading of its own (`title`). */
export function BalanceSection({
  balance,
  title = "Credits",
}: {
  balance: Balance;
  title?: string;
}) {
  return (
    <section aria-labelledby="credits-heading">
      <Title order={2} size="h4" id="credits-heading" mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Figure
          label="Available"
          value={formatCredits(balance.total_available)}
          hint={
            balance.reserved > 0
              ? `${formatCredits(balance.reserved)} held by running calls`
              : undefined
          }
        />
        {KINDS.map((kind) => (
          <Figure key={kind.key} label={kind.label} value={formatCredits(balance[kind.key])} />
        ))}
      </SimpleGrid>
      <Text size="sm" mt="xs" data-testid="next-expiry">
        {balance.next_expiry === null
          ? "None of your credits expire."
          : `${formatCredits(balance.next_expiry.credits)} credits expire on ${formatDateTime(balance.next_expiry.expires_at)}.`}
      </Text>
    </section>
  );
}
