import { Button, Group, Modal, Text, type ButtonProps } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

interface ConfirmButtonProps extends ButtonProps {
  /** The question the dialog asks, e.g. "Withdraw this invite?". */
  readonly title: string;
  readonly message: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<unknown>;
  readonly children: ReactNode;
}

/** A destructive action behind a confirmation dialog; the dialog waits for the call to finish. */
export function ConfirmButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
  ...buttonProps
}: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, { open: start, close: stop }] = useDisclosure(false);
  const confirm = async () => {
    start();
    try {
      await onConfirm();
      close();
    } catch {
      // The caller announced the failure; the dialog stays open to try again or cancel.
    } finally {
      stop();
    }
  };
  return (
    <>
      <Button color="red" variant="light" size="xs" onClick={open} {...buttonProps}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
