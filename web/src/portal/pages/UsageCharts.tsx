import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import type { OkJson } from "../../api/client";

type Day = OkJson<"getDailyUsage">["days"][number];

const PALETTE = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.6", "lime.6", "pink.6"];

/** The last 30 days: requests stacked by service, and credits charged per day. */
export default function UsageCharts({ days }: { days: readonly Day[] }) {
  const services = [
    ...new Set(days.flatMap((day) => day.by_service.map((entry) => entry.service))),
  ].sort();
  // Recharts reads a dotted key ("core.image_solve") as a path: the series get plain keys.
  const keyOf = new Map(services.map((name, index) => [name, `s${index}`]));
  const requests = days.map((day) => {
    const point: Record<string, string | number> = { day: day.day.slice(5) };
    for (const entry of day.by_service)
      point[keyOf.get(entry.service) ?? entry.service] = entry.requests;
    return point;
  });
  const credits = days.map((day) => ({ day: day.day.slice(5), credits: day.credits }));
  if (services.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No requests in the last 30 days.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="xs">
          Requests per day by service
        </Title>
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
      </Card>
      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb="xs">
          Credits charged per day
        </Title>
        <LineChart
          h={220}
          data={credits}
          dataKey="day"
          series={[{ name: "credits", label: "Credits", color: "teal.6" }]}
          curveType="linear"
        />
      </Card>
    </SimpleGrid>
  );
}
