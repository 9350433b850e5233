import { Badge, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, call, type OkJson } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../site";

type Booking = OkJson<"listBookings">["results"][number];

const STATUS: Record<Booking["status"], { label: string; color: string }> = {
  requested: { label: "Requested", color: "yellow" },
  confirmed: { label: "Confirmed", color: "blue" },
  completed: { label: "Completed", color: "green" },
  canceled: { label: "Canceled", color: "gray" },
};

function when(booking: Booking): string {
  if (booking.scheduled_for !== null) return formatDateTime(booking.scheduled_for);
  return booking.status === "canceled" ? "—" : "Not scheduled yet";
}

/** /account/bookings: the services bought, their status and time (set by staff). */
export function BookingsPage() {
  usePageTitle("Bookings");
  const { page, setPage } = useUrlFilters([] as const);
  const bookings = useQuery({
    queryKey: ["portal", "bookings", page],
    queryFn: () => call(api.GET("/api/account/bookings", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <>
      <PageHeader title="Bookings" />
      <Text size="sm" mb="md">
        A service you buy is booked at once; we confirm it and its time by email.
      </Text>
      <QueryState
        query={bookings}
        isEmpty={(data) => data.count === 0}
        empty="No bookings yet: services you buy appear here."
      >
        {(data) => (
          <>
            <ScrollTable label="Bookings" minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Service</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Booked</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((booking) => (
                    <Table.Tr key={booking.id}>
                      <Table.Td>{booking.description}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS[booking.status].color}>
                          {STATUS[booking.status].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{when(booking)}</Table.Td>
                      <Table.Td>{formatDateTime(booking.created_at)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={page} count={data.count} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
