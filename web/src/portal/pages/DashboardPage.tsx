import { Anchor, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { api, call } from "../../api/client";
import { formatCents, formatNumber } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryState } from "../../components/QueryState";
import { BalanceSection, Figure } from "../CreditBalance";
import { CopyCode } from "../CopyCode";
import { usePageTitle } from "../site";

// Recharts is the heaviest library of the app: it loads after the numbers, and only here.
const UsageCharts = lazy(() => import("./UsageCharts"));

function QuickStart() {
  const command = [
    `curl -X POST ${window.location.origin}/api/services/text_sentiment_analysis/run \\`,
    `  -H "Authorization: Bearer YOUR_API_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"input": {"text": "I love how fast this is"}}'`,
  ].join("\n");
  return (
    <section aria-labelledby="quick-start-heading">
      <Title order={2} size="h4" id="quick-start-heading" mb="xs">
        Quick start
      </Title>
      <Text size="sm" mb="xs">
        <Anchor component={Link} to="/app/tokens" underline="always">
          Create an API token
        </Anchor>
        , put it in place of <code>YOUR_API_TOKEN</code>, and make your first call:
      </Text>
      <CopyCode value={command} label="Command" />
      <Text size="sm" mt="xs">
        All services and their costs:{" "}
        <Anchor component={Link} to="/services" underline="always">
          Services
        </Anchor>
        ; every endpoint: the{" "}
        <Anchor href="/api/docs/" underline="always">
          API documentation
        </Anchor>
        .
      </Text>
    </section>
  );
}

export function DashboardPage() {
  usePageTitle("Dashboard");
  const balance = useQuery({
    queryKey: ["portal", "balance"],
    queryFn: () => call(api.GET("/api/credits/balance")),
    // Live numbers: refetched on every visit (the app-wide default keeps data 10 s).
    staleTime: 0,
  });
  const period = useQuery({
    queryKey: ["portal", "billing", "current"],
    queryFn: () => call(api.GET("/api/customers/billing/current")),
    // Live numbers: refetched on every visit (the app-wide default keeps data 10 s).
    staleTime: 0,
  });
  const daily = useQuery({
    queryKey: ["portal", "usage", "daily"],
    queryFn: () => call(api.GET("/api/customers/usage/daily")),
    // Live numbers: refetched on every visit (the app-wide default keeps data 10 s).
    staleTime: 0,
  });
  return (
    <Stack gap="xl">
      <PageHeader title="Dashboard" />
      <QueryState query={balance}>{(data) => <BalanceSection balance={data} />}</QueryState>
      <section aria-labelledby="period-heading">
        <Title order={2} size="h4" id="period-heading" mb="xs">
          This month
        </Title>
        <QueryState query={period}>
          {(data) => (
            <>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                <Figure label="Requests" value={formatNumber(data.total_requests)} />
                <Figure label="Cost" value={formatCents(data.total_cost_cents)} />
              </SimpleGrid>
              <Group gap="xs" mt="xs">
                <Text size="sm" c="dimmed">
                  Billing period {data.period_start} to {data.period_end} (UTC); successful requests
                  only.{" "}
                  <Anchor component={Link} to="/app/usage" underline="always">
                    See your usage
                  </Anchor>
                </Text>
              </Group>
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="daily-heading">
        <Title order={2} size="h4" id="daily-heading" mb="xs">
          Last 30 days
        </Title>
        <QueryState query={daily}>
          {(data) => (
            <Suspense fallback={<PageLoader />}>
              <UsageCharts days={data.days} />
            </Suspense>
          )}
        </QueryState>
      </section>
      <QuickStart />
    </Stack>
  );
}
