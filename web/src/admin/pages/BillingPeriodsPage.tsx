import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { api, call, type OkJson, type QueryOf } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatCents, formatNumber } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../usePageTitle";

type Period = OkJson<"listAllBillingPeriods">["results"][number];
type Status = Period["payment_status"];

export const STATUS_COLORS: Record<Status, string> = {
  pending: "yellow",
  paid: "green",
  overdue: "red",
  waived: "gray",
};

const PERIODS_KEY = ["admin", "billing-periods"] as const;

/** The API refuses the rest (409 invalid_transition): paid and waived are final. */
function canSettle(period: Period): boolean {
  return period.payment_status === "pending" || period.payment_status === "overdue";
}

function MarkPaidButton({ period }: { period: Period }) {
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { amount: period.total_cost_cents / 100, reference: "", notes: "" },
    validate: {
      amount: (value) => (value >= 0 ? null : "The amount cannot be negative."),
      reference: (value) =>
        value.trim() === "" ? "Say how it was paid (e.g. a transfer's reference)." : null,
    },
  });
  const submit = form.onSubmit((values) => {
    setBusy(true);
    call(
      api.POST("/api/admin/billing/periods/{id}/mark-paid", {
        params: { path: { id: period.id } },
        body: {
          amount_cents: Math.round(values.amount * 100),
          reference: values.reference.trim(),
          ...(values.notes.trim() === "" ? {} : { notes: values.notes.trim() }),
        },
      }),
    )
      .then(async () => {
        notifySuccess(`${period.user_email}'s ${period.period_start.slice(0, 7)} marked paid.`);
        close();
        await client.invalidateQueries({ queryKey: PERIODS_KEY });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) form.setErrors(error.messagesByField);
        notifyError(error, "Could not mark the period paid");
      })
      .finally(() => setBusy(false));
  });
  return (
    <>
      <Button size="xs" variant="light" color="green" onClick={open}>
        Mark paid
      </Button>
      <Modal opened={opened} onClose={close} title="Mark this period paid" centered>
        <form onSubmit={submit}>
          <Stack>
            <NumberInput
              label="Amount received"
              description={`Billed: ${formatCents(period.total_cost_cents)}`}
              decimalScale={2}
              fixedDecimalScale
              min={0}
              {...form.getInputProps("amount")}
            />
            <TextInput label="Reference" required {...form.getInputProps("reference")} />
            <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" color="green" loading={busy}>
                Mark paid
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function PeriodActions({ period }: { period: Period }) {
  const client = useQueryClient();
  const month = period.period_start.slice(0, 7);
  const transition = async (to: "mark-overdue" | "mark-waived", done: string) => {
    try {
      await call(
        api.POST(`/api/admin/billing/periods/{id}/${to}`, { params: { path: { id: period.id } } }),
      );
    } catch (error) {
      notifyError(error, "The period was not changed");
      throw error;
    }
    notifySuccess(done);
    await client.invalidateQueries({ queryKey: PERIODS_KEY });
  };
  if (!canSettle(period)) return <>—</>;
  return (
    <Group gap="xs" wrap="nowrap">
      <MarkPaidButton period={period} />
      {period.payment_status === "pending" ? (
        <ConfirmButton
          title="Mark this period overdue?"
          message={`${period.user_email}'s ${month} (${formatCents(period.total_cost_cents)}) becomes overdue.`}
          confirmLabel="Mark overdue"
          onConfirm={() =>
            transition("mark-overdue", `${period.user_email}'s ${month} is overdue.`)
          }
        >
          Overdue
        </ConfirmButton>
      ) : null}
      <ConfirmButton
        title="Waive this period?"
        message={`${period.user_email} will owe nothing for ${month}. This cannot be undone.`}
        confirmLabel="Waive"
        color="gray"
        onConfirm={() => transition("mark-waived", `${period.user_email}'s ${month} was waived.`)}
      >
        Waive
      </ConfirmButton>
    </Group>
  );
}

export function BillingPeriodsPage() {
  usePageTitle("Billing periods");
  const { filters, page, setFilters, setPage } = useUrlFilters([
    "email",
    "status",
    "month",
  ] as const);
  const [draft, setDraft] = useState({ email: filters.email, month: filters.month });
  const query = { ...queryParams(filters), page } as QueryOf<"listAllBillingPeriods">;
  const periods = useQuery({
    queryKey: [...PERIODS_KEY, query],
    queryFn: () => call(api.GET("/api/admin/billing/periods", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const search = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  return (
    <>
      <PageHeader title="Billing periods" />
      <form onSubmit={search} aria-label="Filter billing periods">
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label="Email contains"
            value={draft.email}
            onChange={(event) => setDraft({ ...draft, email: event.currentTarget.value })}
          />
          <TextInput
            label="Month"
            placeholder="YYYY-MM"
            value={draft.month}
            onChange={(event) => setDraft({ ...draft, month: event.currentTarget.value })}
            w={120}
          />
          <Select
            label="Status"
            placeholder="Any"
            data={["pending", "paid", "overdue", "waived"]}
            value={filters.status === "" ? null : filters.status}
            onChange={(value) => setFilters({ status: value ?? "" })}
            clearable
            w={140}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      <QueryState
        query={periods}
        isEmpty={(data) => data.count === 0}
        empty="No billing periods match."
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>User</Table.Th>
                    <Table.Th>Month</Table.Th>
                    <Table.Th>Requests</Table.Th>
                    <Table.Th>Billed</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Paid</Table.Th>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((period) => (
                    <Table.Tr key={period.id}>
                      <Table.Td>{period.user_email}</Table.Td>
                      <Table.Td>
                        {period.period_start.slice(0, 7)}
                        {period.is_current ? " (current)" : ""}
                      </Table.Td>
                      <Table.Td>{formatNumber(period.total_requests)}</Table.Td>
                      <Table.Td>{formatCents(period.total_cost_cents)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[period.payment_status]} variant="light">
                          {period.payment_status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {period.paid_amount_cents === null
                          ? "—"
                          : `${formatCents(period.paid_amount_cents)} (${period.payment_reference ?? ""})`}
                      </Table.Td>
                      <Table.Td>
                        <PeriodActions period={period} />
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
