import { Anchor, Badge, Card, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import { formatCents, formatDateTime, formatNumber, formatPercent } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { PageLoader } from "../../components/PageLoader";
import { QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";

// Recharts is the heaviest library of the app: only the dashboard downloads it, after its numbers.
const DashboardCharts = lazy(() => import("./DashboardCharts"));

type Stats = OkJson<"getAdminStats">;
type Totals = Stats["today"];

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`figure-${label}`}>
        {value}
      </Text>
    </Card>
  );
}

function TotalsGrid({
  title,
  totals,
  overdue,
}: {
  title: string;
  totals: Totals;
  overdue?: number;
}) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="lg">
        <Figure label="Requests" value={formatNumber(totals.requests)} />
        <Figure label="Error rate" value={formatPercent(totals.error_rate)} />
        <Figure label="Revenue" value={formatCents(totals.revenue_cents)} />
        <Figure label="Active users" value={formatNumber(totals.active_users)} />
        <Figure label="Credits granted" value={formatNumber(totals.credits_granted)} />
        <Figure label="Credits consumed" value={formatNumber(totals.credits_consumed)} />
        {overdue === undefined ? null : (
          <Figure label="Overdue periods" value={formatNumber(overdue)} />
        )}
      </SimpleGrid>
    </section>
  );
}

function LatestErrors({ errors }: { errors: Stats["latest_errors"] }) {
  if (errors.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No failed requests this month.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>User</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Error</Table.Th>
            <Table.Th>Request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((log) => (
            <Table.Tr key={log.id}>
              <Table.Td>{formatDateTime(log.request_ts)}</Table.Td>
              <Table.Td>{log.user.email}</Table.Td>
              <Table.Td>{log.service}</Table.Td>
              <Table.Td>
                <Badge color="red" variant="light">
                  {log.error_code ?? "error"}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/admin/request-logs/${log.id}`}
                  ff="monospace"
                  size="sm"
                >
                  {log.request_id}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DashboardPage() {
  usePageTitle("Dashboard");
  const stats = useQuery({
    queryKey: ["admin", "stats"],
    queryFn: () => call(api.GET("/api/admin/stats")),
  });
  return (
    <>
      <PageHeader title="Dashboard" />
      <QueryState query={stats}>
        {(data) => (
          <>
            <TotalsGrid title="Today" totals={data.today} />
            <TotalsGrid
              title="This month"
              totals={data.window}
              overdue={data.open_overdue_periods}
            />
            <Suspense fallback={<PageLoader />}>
              <DashboardCharts days={data.series.days} />
            </Suspense>
            <Title order={2} size="h4" mt="lg" mb="xs">
              Latest errors
            </Title>
            <LatestErrors errors={data.latest_errors} />
          </>
        )}
      </QueryState>
    </>
  );
}
