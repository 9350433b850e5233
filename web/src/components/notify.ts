import { notifications } from "@mantine/notifications";
import { errorMessage } from "./QueryState";

export function notifySuccess(message: string): void {
  notifications.show({ color: "green", title: "Done", message });
}

export function notifyError(error: unknown, title = "That did not work"): void {
  notifications.show({ color: "red", title, message: errorMessage(error), autoClose: 10_000 });
}
