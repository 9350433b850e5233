import { notifications } from "@mantine/notifications";
import { errorMessage } from "./QueryState";

// Mantine's close button is an icon without a name (axe: button-name).
const closeButtonProps = { "aria-label": "Close notification" };

export function notifySuccess(message: string): void {
  notifications.show({ color: "green", title: "Done", message, closeButtonProps });
}

export function notifyError(error: unknown, title = "That did not work"): void {
  notifications.show({
    color: "red",
    title,
    message: errorMessage(error),
    autoClose: 10_000,
    closeButtonProps,
  });
}
