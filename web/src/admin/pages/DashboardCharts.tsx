import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import type { OkJson } from "../../api/client";

type Day = OkJson<"getAdminStats">["series"]["days"][number];

const PALETTE = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.6", "lime.6", "pink.6"];

/** The last 30 days: requests stacked by service, and revenue collected by day. */
export default function DashboardCharts({ days }: { days: readonly Day[] }) {
  const services = [...new Set(days.flatMap((day) => Object.keys(day.requests_by_service)))].sort();
  // Recharts reads a dotted key ("core.image_solve") as a path: the series get plain keys.
  const keyOf = new Map(services.map((name, index) => [name, `s${index}`]));
  const requests = days.map((day) => {
    const point: Record<string, string | number> = { day: day.day.slice(5) };
    for (const [name, count] of Object.entries(day.requests_by_service)) {
      point[keyOf.get(name) ?? name] = count;
    }
    return point;
  });
  const revenue = days.map((day) => ({ day: day.day.slice(5), revenue: day.revenue_cents / 100 }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
      <Card withBorder padding="sm">
        <Title order={2} size="h4" mb="xs">
          Requests per day by service
        </Title>
        {services.length === 0 ? (
          <Text c="dimmed" size="sm">
            No requests in the last 30 days.
          </Text>
        ) : (
          <BarChart
            h={220}
            data={requests}
            dataKey="day"
            type="stacked"
            withLegend
            series={services.map((name, index) => ({
              name: keyOf.get(name) ?? name,
              label: name,
              color: PALETTE[index % PALETTE.length] ?? "gray.6",
            }))}
          />
        )}
      </Card>
      <Card withBorder padding="sm">
        <Title order={2} size="h4" mb="xs">
          Revenue per day
        </Title>
        <LineChart
          h={220}
          data={revenue}
          dataKey="day"
          series={[{ name: "revenue", label: "Revenue", color: "teal.6" }]}
          curveType="linear"
        />
      </Card>
    </SimpleGrid>
  );
}
