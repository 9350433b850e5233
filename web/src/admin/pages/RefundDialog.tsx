import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { ApiError } from "../../api/errors";
import { errorMessage } from "../../components/QueryState";
import { formatMoney } from "../../components/format";
import { centsText, parseAmount } from "../../components/money";

export interface RefundRequest {
  /** Absent: all that is left of the payment. */
  readonly amount_cents?: number;
  readonly reason: string;
}

interface RefundDialogProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly buyer: string;
  readonly refundableCents: number;
  readonly currency: string;
  /** Makes the refund; a rejection (an ApiError) is shown in the dialog, which stays open. */
  readonly onRefund: (request: RefundRequest) => Promise<unknown>;
}

type Step =
  { readonly name: "edit" } | { readonly name: "confirm"; readonly request: RefundRequest };

/**
 * A full or partial refund: the amount and a reason, then a confirmation that names the amount
 * and the buyer. The server's refusal (e.g. refund_exceeds_payment after another refund) is shown
 * in the dialog.
 */
export function RefundDialog(props: RefundDialogProps) {
  const { opened, onClose, buyer, refundableCents, currency, onRefund } = props;
  const [mode, setMode] = useState<"full" | "partial">("full");
  const [amount, setAmount] = useState(centsText(refundableCents));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const [step, setStep] = useState<Step>({ name: "edit" });
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setStep({ name: "edit" });
    setFailure(null);
    onClose();
  };

  const review = (event: SyntheticEvent) => {
    event.preventDefault();
    const next: { amount?: string; reason?: string } = {};
    let request: RefundRequest = { reason: reason.trim() };
    if (reason.trim() === "") next.reason = "Say why (the buyer's request, a duplicate payment…).";
    if (mode === "partial") {
      const parsed = parseAmount(amount, { min: 1, max: refundableCents });
      if (parsed.ok) request = { ...request, amount_cents: parsed.cents };
      else next.amount = parsed.message;
    }
    setErrors(next);
    setFailure(null);
    if (next.amount === undefined && next.reason === undefined)
      setStep({ name: "confirm", request });
  };

  const refund = async (request: RefundRequest) => {
    setBusy(true);
    try {
      await onRefund(request);
      setReason("");
      close();
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError) {
        const fields = error.messagesByField;
        setErrors({ amount: fields["amount_cents"], reason: fields["reason"] });
        if (error.fieldErrors.length > 0) setStep({ name: "edit" });
      }
    } finally {
      setBusy(false);
    }
  };

  const failureAlert =
    failure === null ? null : (
      <Alert color="red" title="The refund was not made" role="alert">
        {errorMessage(failure)}
      </Alert>
    );

  return (
    <Modal opened={opened} onClose={close} title="Refund this order" centered>
      {step.name === "edit" ? (
        <form onSubmit={review} noValidate>
          <Stack>
            {failureAlert}
            <Radio.Group
              label="How much"
              value={mode}
              onChange={(value) => setMode(value === "partial" ? "partial" : "full")}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="full"
                  label={`All that is left: ${formatMoney(refundableCents, currency)}`}
                />
                <Radio value="partial" label="Part of it" />
              </Stack>
            </Radio.Group>
            {mode === "partial" ? (
              <TextInput
                label="Amount to refund"
                description={`At most ${formatMoney(refundableCents, currency)}`}
                inputMode="decimal"
                value={amount}
                onChange={(event) => setAmount(event.currentTarget.value)}
                error={errors.amount}
                required
              />
            ) : null}
            <Textarea
              label="Reason"
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.reason}
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red">
                Review refund
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          {failureAlert}
          <Text size="sm">
            Refund{" "}
            <strong>{formatMoney(step.request.amount_cents ?? refundableCents, currency)}</strong>{" "}
            to {buyer}? The money goes back through the payment provider and the order&apos;s
            unspent credits are taken back in proportion. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep({ name: "edit" })} disabled={busy}>
              Back
            </Button>
            <Button color="red" loading={busy} onClick={() => void refund(step.request)}>
              Refund
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
