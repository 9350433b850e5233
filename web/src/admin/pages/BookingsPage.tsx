import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { api, call, type BodyOf, type OkJson, type QueryOf } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

type Booking = OkJson<"listAllBookings">["results"][number];
type Status = Booking["status"];
type Patch = BodyOf<"updateBooking">;

const STATUS_COLORS: Record<Status, string> = {
  requested: "yellow",
  confirmed: "blue",
  completed: "green",
  canceled: "gray",
};

const BOOKINGS_KEY = ["admin", "bookings"] as const;

/** The moves the API allows (payments docs): completed and canceled are final. */
const NEXT: Record<Status, readonly Status[]> = {
  requested: ["confirmed", "canceled"],
  confirmed: ["completed", "canceled"],
  completed: [],
  canceled: [],
};

function useUpdate(booking: Booking) {
  const client = useQueryClient();
  return async (body: Patch, done: string) => {
    try {
      await call(
        api.PATCH("/api/admin/bookings/{id}", { params: { path: { id: booking.id } }, body }),
      );
    } catch (error) {
      notifyError(error, "The booking was not changed");
      throw error;
    }
    notifySuccess(done);
    await client.invalidateQueries({ queryKey: BOOKINGS_KEY });
  };
}

/** datetime-local's "YYYY-MM-DDTHH:mm", read and shown in UTC like every time in the admin. */
function toLocalInput(iso: string | null): string {
  return iso === null ? "" : iso.slice(0, 16);
}

function EditButton({ booking }: { booking: Booking }) {
  const update = useUpdate(booking);
  const [opened, { open, close }] = useDisclosure(false);
  const [when, setWhen] = useState(toLocalInput(booking.scheduled_for));
  const [note, setNote] = useState(booking.staff_note ?? "");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    update(
      {
        scheduled_for: when === "" ? null : `${when}:00Z`,
        note: note.trim() === "" ? null : note.trim(),
      },
      `Booking of ${booking.user_email} saved.`,
    )
      .then(close)
      .catch((failure: unknown) => {
        if (failure instanceof ApiError) setError(failure.messagesByField["scheduled_for"]);
      })
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={open}
        aria-label={`Edit the booking of ${booking.user_email}`}
      >
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title="Time and note" centered>
        <form onSubmit={save}>
          <Stack>
            <TextInput
              type="datetime-local"
              label="Scheduled for (UTC)"
              value={when}
              onChange={(event) => setWhen(event.currentTarget.value)}
              error={error}
            />
            <Textarea
              label="Staff note"
              description="Never shown to the buyer"
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function BookingActions({ booking }: { booking: Booking }) {
  const update = useUpdate(booking);
  const who = booking.user_email;
  const move = (status: Status, done: string) => update({ status }, done);
  return (
    <Group gap="xs" wrap="nowrap">
      {NEXT[booking.status].includes("confirmed") ? (
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            void move("confirmed", `Booking of ${who} confirmed.`).catch(() => undefined)
          }
          aria-label={`Confirm the booking of ${who}`}
        >
          Confirm
        </Button>
      ) : null}
      {NEXT[booking.status].includes("completed") ? (
        <Button
          size="xs"
          variant="light"
          color="green"
          onClick={() =>
            void move("completed", `Booking of ${who} completed.`).catch(() => undefined)
          }
          aria-label={`Complete the booking of ${who}`}
        >
          Complete
        </Button>
      ) : null}
      {NEXT[booking.status].includes("canceled") ? (
        <ConfirmButton
          title="Cancel this booking?"
          message={`${who} is emailed that "${booking.description}" is canceled. This cannot be undone; a refund is a separate step on the order.`}
          confirmLabel="Cancel booking"
          onConfirm={() => move("canceled", `Booking of ${who} canceled.`)}
          aria-label={`Cancel the booking of ${who}`}
        >
          Cancel
        </ConfirmButton>
      ) : null}
      <EditButton booking={booking} />
    </Group>
  );
}

/** Bookings of paid service orders, and their status moves, time and note. */
export function BookingsPage() {
  usePageTitle("Bookings");
  const { filters, page, setFilters, setPage } = useUrlFilters(["status"] as const);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllBookings">;
  const bookings = useQuery({
    queryKey: [...BOOKINGS_KEY, query],
    queryFn: () => call(api.GET("/api/admin/bookings", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Bookings" />
      <Group align="flex-end" mb="md">
        <Select
          label="Status"
          placeholder="Any"
          data={Object.keys(STATUS_COLORS)}
          value={filters.status === "" ? null : filters.status}
          onChange={(value) => setFilters({ status: value ?? "" })}
          clearable
          w={160}
        />
      </Group>
      <QueryState query={bookings} isEmpty={(data) => data.count === 0} empty="No bookings match.">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Booked</Table.Th>
                    <Table.Th>Buyer</Table.Th>
                    <Table.Th>Service</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Scheduled for</Table.Th>
                    <Table.Th>Staff note</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((booking) => (
                    <Table.Tr key={booking.id}>
                      <Table.Td>{formatDateTime(booking.created_at)}</Table.Td>
                      <Table.Td>{booking.user_email}</Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/admin/orders/${booking.order_id}`}
                          aria-label={`${booking.description}: the order of ${booking.user_email}`}
                        >
                          {booking.description}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[booking.status]} variant="light">
                          {booking.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDateTime(booking.scheduled_for)}</Table.Td>
                      <Table.Td>{booking.staff_note ?? "—"}</Table.Td>
                      <Table.Td>
                        <BookingActions booking={booking} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager count={data.count} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
