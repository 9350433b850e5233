import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../api/client";
import { ApiError } from "../api/errors";
import { formatCredits } from "../components/format";
import { notifyError, notifySuccess } from "../components/notify";

type Direction = "grant" | "debit";
type Kind = "adjustment" | "payg";

interface Values {
  direction: Direction;
  amount: number | string;
  reason: string;
  kind: Kind;
  /** A datetime-local value, read as UTC like every time the admin shows; "" for never. */
  expires_at: string;
}

const INITIAL: Values = {
  direction: "grant",
  amount: "",
  reason: "",
  kind: "adjustment",
  expires_at: "",
};

/**
 * The form's errors from a refused adjustment: the API's field errors on their fields, and a
 * debit past the available credits (409 insufficient_credits, no field of its own) on the amount.
 */
export function adjustmentErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === "insufficient_credits") return { amount: error.detail };
  return error.messagesByField;
}

/** Grant or take away a user's credits, always with a reason (it lands in the journal and audit). */
export function CreditAdjustmentForm({ userId, email }: { userId: string; email: string }) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: INITIAL,
    validate: {
      amount: (value) =>
        typeof value === "number" && value > 0 ? null : "Enter a number of credits above 0.",
      reason: (value) => (value.trim() === "" ? "Say why; the customer's journal shows it." : null),
    },
  });
  const grant = form.values.direction === "grant";
  // A debit takes credits the customer may have paid for: it waits for a confirmation.
  const [debit, setDebit] = useState<Values | null>(null);
  const send = async (values: Values) => {
    const amount = Number(values.amount);
    const granting = values.direction === "grant";
    setBusy(true);
    try {
      const result = await call(
        api.POST("/api/admin/users/{id}/credits", {
          params: { path: { id: userId } },
          body: {
            amount: granting ? amount : -amount,
            reason: values.reason.trim(),
            ...(granting
              ? {
                  kind: values.kind,
                  ...(values.expires_at === "" ? {} : { expires_at: `${values.expires_at}:00Z` }),
                }
              : {}),
          },
        }),
      );
      notifySuccess(
        `${granting ? "Granted" : "Took"} ${formatCredits(amount)} credits ${granting ? "to" : "from"} ${email}; ${formatCredits(result.balance.total_available)} available now.`,
      );
      form.reset();
      await client.invalidateQueries({ queryKey: ["admin", "credits"] });
    } catch (error) {
      form.setErrors(adjustmentErrors(error));
      notifyError(error, "The credits were not changed");
    } finally {
      setBusy(false);
      setDebit(null);
    }
  };
  const submit = form.onSubmit((values) => {
    if (values.direction === "debit") setDebit(values);
    else void send(values);
  });
  return (
    <form onSubmit={submit} aria-label="Adjust credits" noValidate>
      <Stack gap="sm">
        <SegmentedControl
          data={[
            { value: "grant", label: "Grant" },
            { value: "debit", label: "Debit" },
          ]}
          aria-label="Grant or debit"
          {...form.getInputProps("direction")}
        />
        <NumberInput
          label="Credits"
          description={grant ? "Added to the account" : "Taken from the available credits"}
          min={0}
          decimalScale={3}
          allowNegative={false}
          required
          {...form.getInputProps("amount")}
        />
        <Textarea
          label="Reason"
          description="Shown in the customer's credit journal and the audit log"
          rows={2}
          maxLength={500}
          required
          {...form.getInputProps("reason")}
        />
        {grant ? (
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label="Kind"
              data={[
                { value: "adjustment", label: "Adjustment" },
                { value: "payg", label: "Pay as you go" },
              ]}
              allowDeselect={false}
              miw={160}
              {...form.getInputProps("kind")}
            />
            <TextInput
              type="datetime-local"
              label="Expires (UTC)"
              description="Empty: never"
              miw={160}
              {...form.getInputProps("expires_at")}
            />
          </Group>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} color={grant ? "blue" : "orange"}>
            {grant ? "Grant credits" : "Debit credits"}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={debit !== null}
        onClose={() => setDebit(null)}
        title="Take credits away?"
        centered
      >
        <Text size="sm">
          {formatCredits(Number(debit?.amount ?? 0))} credits are taken from {email}&apos;s
          available credits, with the reason you gave.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setDebit(null)} disabled={busy}>
            Cancel
          </Button>
          <Button
            color="orange"
            loading={busy}
            onClick={() => {
              if (debit !== null) void send(debit);
            }}
          >
            Debit
          </Button>
        </Group>
      </Modal>
    </form>
  );
}
