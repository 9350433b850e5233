import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmButton } from "./ConfirmButton";

afterEach(cleanup);

function renderButton(onConfirm: () => Promise<unknown>) {
  render(
    // env="test": no transitions or portals, so the dialog is there at once.
    <MantineProvider env="test">
      <ConfirmButton
        title="Withdraw this invite?"
        message="Nobody can register with it any more."
        confirmLabel="Withdraw"
        onConfirm={onConfirm}
      >
        Withdraw invite
      </ConfirmButton>
    </MantineProvider>,
  );
}

describe("ConfirmButton", () => {
  it("does nothing until the dialog is confirmed, then closes it", async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Withdraw invite" }));
    expect(screen.getByRole("dialog", { name: "Withdraw this invite?" })).toBeDefined();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("closes on Cancel without acting", () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Withdraw invite" }));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("stays open when the action fails, to retry or cancel", async () => {
    const onConfirm = vi.fn(() => Promise.reject(new Error("refused")));
    renderButton(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Withdraw invite" }));
    fireEvent.click(screen.getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>("button", { name: "Withdraw" }).disabled).toBe(
        false,
      ),
    );
    expect(screen.getByRole("dialog")).toBeDefined();
  });
});
