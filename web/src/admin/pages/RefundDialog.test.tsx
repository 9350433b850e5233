import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/errors";
import { RefundDialog, type RefundRequest } from "./RefundDialog";

afterEach(cleanup);

function renderDialog(onRefund: (request: RefundRequest) => Promise<unknown>) {
  const onClose = vi.fn();
  render(
    // env="test": no transitions or portals, so the dialog is there at once.
    <MantineProvider env="test">
      <RefundDialog
        opened
        onClose={onClose}
        buyer="buyer@example.com"
        refundableCents={2500}
        currency="usd"
        onRefund={onRefund}
      />
    </MantineProvider>,
  );
  return { onClose };
}

const reason = () => screen.getByRole("textbox", { name: "Reason" });
const amount = () => screen.getByRole("textbox", { name: "Amount to refund" });
const review = () => fireEvent.click(screen.getByRole("button", { name: "Review refund" }));

describe("RefundDialog", () => {
  it("refunds all that is left without an amount, after a confirmation naming it", async () => {
    const onRefund = vi.fn(() => Promise.resolve());
    const { onClose } = renderDialog(onRefund);
    fireEvent.change(reason(), { target: { value: "  asked by the buyer " } });
    review();
    expect(screen.getByText("25.00 USD")).toBeDefined();
    expect(onRefund).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Refund" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onRefund).toHaveBeenCalledWith({ reason: "asked by the buyer" });
  });

  it("sends a partial amount in cents", async () => {
    const onRefund = vi.fn(() => Promise.resolve());
    renderDialog(onRefund);
    fireEvent.click(screen.getByRole("radio", { name: "Part of it" }));
    expect((amount() as HTMLInputElement).value).toBe("25.00");
    fireEvent.change(amount(), { target: { value: "10,5" } });
    fireEvent.change(reason(), { target: { value: "half" } });
    review();
    expect(screen.getByText("10.50 USD")).toBeDefined();
    fireEvent.click(screen.getByRole("button", { name: "Refund" }));
    await waitFor(() =>
      expect(onRefund).toHaveBeenCalledWith({ amount_cents: 1050, reason: "half" }),
    );
  });

  it("refuses a malformed amount, more than is refundable, and a missing reason", () => {
    const onRefund = vi.fn(() => Promise.resolve());
    renderDialog(onRefund);
    fireEvent.click(screen.getByRole("radio", { name: "Part of it" }));
    fireEvent.change(amount(), { target: { value: "1.234" } });
    review();
    expect(screen.getByText("Enter an amount such as 12.50 (at most two decimals).")).toBeDefined();
    expect(screen.getByText("Say why (the buyer's request, a duplicate payment…).")).toBeDefined();
    fireEvent.change(amount(), { target: { value: "25.01" } });
    fireEvent.change(reason(), { target: { value: "too much" } });
    review();
    expect(screen.getByText("At most 25.00.")).toBeDefined();
    fireEvent.change(amount(), { target: { value: "0" } });
    review();
    expect(screen.getByText("At least 0.01.")).toBeDefined();
    expect(screen.queryByRole("button", { name: "Refund" })).toBeNull();
    expect(onRefund).not.toHaveBeenCalled();
  });

  it("shows the server's refusal and stays open to go back", async () => {
    const onRefund = vi.fn(() =>
      Promise.reject(
        new ApiError(
          409,
          "refund_exceeds_payment",
          "At most 500 cents of this payment can still be refunded.",
          "req-1",
        ),
      ),
    );
    const { onClose } = renderDialog(onRefund);
    fireEvent.change(reason(), { target: { value: "duplicate" } });
    review();
    fireEvent.click(screen.getByRole("button", { name: "Refund" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("At most 500 cents of this payment can still be refunded.");
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(reason()).toBeDefined();
  });
});
