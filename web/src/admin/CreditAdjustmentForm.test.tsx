import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors";

// The real API client, with the network replaced: the form's request is answered as the server
// would answer it.
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let form: typeof import("./CreditAdjustmentForm");

beforeAll(async () => {
  vi.stubGlobal("fetch", (input: Request) => fetchMock(input));
  form = await import("./CreditAdjustmentForm");
});

beforeEach(() => fetchMock.mockReset());
afterEach(cleanup);

const USER_ID = "0b7c8c52-6f1e-4c36-9b1a-2f0d5b8e4a11";

function problem(status: number, code: string, detail: string, errors?: unknown[]): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", title: "T", status, detail, code, errors }),
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}

function created(total: number): Response {
  return new Response(
    JSON.stringify({ user_id: USER_ID, amount: 5, balance: { total_available: total } }),
    { status: 201, headers: { "Content-Type": "application/json" } },
  );
}

function renderForm() {
  render(
    <MantineProvider env="test">
      <Notifications />
      <QueryClientProvider client={new QueryClient()}>
        <form.CreditAdjustmentForm userId={USER_ID} email="ada@example.com" />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

function fill(amount: string, reason: string) {
  fireEvent.change(screen.getByRole("textbox", { name: "Credits" }), {
    target: { value: amount },
  });
  fireEvent.change(screen.getByRole("textbox", { name: "Reason" }), { target: { value: reason } });
}

async function sentBody(): Promise<Record<string, unknown>> {
  await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  const request = fetchMock.mock.calls[0]?.[0];
  if (request === undefined) throw new Error("no request");
  expect(request.method).toBe("POST");
  expect(new URL(request.url).pathname).toBe(`/api/admin/users/${USER_ID}/credits`);
  return (await request.json()) as Record<string, unknown>;
}

describe("adjustmentErrors", () => {
  it("puts field errors on their fields and a refused debit on the amount", () => {
    const invalid = new ApiError(400, "validation_error", "Invalid.", null, [
      { field: "amount", code: "too_precise", message: "At most 3 decimals." },
      { field: "reason", code: "too_short", message: "Give a reason." },
    ]);
    expect(form.adjustmentErrors(invalid)).toEqual({
      amount: "At most 3 decimals.",
      reason: "Give a reason.",
    });
    const short = new ApiError(409, "insufficient_credits", "Only 2 credits are available.", null);
    expect(form.adjustmentErrors(short)).toEqual({ amount: "Only 2 credits are available." });
    expect(form.adjustmentErrors(new Error("boom"))).toEqual({});
  });
});

describe("CreditAdjustmentForm", () => {
  it("asks for an amount and a reason before calling the API", async () => {
    renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Grant credits" }));
    await screen.findByText("Enter a number of credits above 0.");
    screen.getByText("Say why; the customer's journal shows it.");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("grants with the reason and kind, then clears the form", async () => {
    fetchMock.mockResolvedValue(created(17.5));
    renderForm();
    fill("5", "  goodwill for the outage ");
    fireEvent.click(screen.getByRole("button", { name: "Grant credits" }));
    expect(await sentBody()).toEqual({
      amount: 5,
      reason: "goodwill for the outage",
      kind: "adjustment",
    });
    await screen.findByText(/Granted 5 credits to ada@example.com; 17.5 available now/);
    await waitFor(() =>
      expect(screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Reason" }).value).toBe(""),
    );
  });

  it("debits as a negative amount, without a kind or an expiry, once confirmed", async () => {
    fetchMock.mockResolvedValue(created(0));
    renderForm();
    fireEvent.click(screen.getByRole("radio", { name: "Debit" }));
    expect(screen.queryByRole("textbox", { name: "Kind" })).toBeNull();
    fill("2.5", "charged twice by mistake");
    fireEvent.click(screen.getByRole("button", { name: "Debit credits" }));
    const dialog = await screen.findByRole("dialog", { name: "Take credits away?" });
    expect(dialog.textContent).toContain("2.5 credits are taken from ada@example.com");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Debit credits" }));
    fireEvent.click(await screen.findByRole("button", { name: "Debit" }));
    expect(await sentBody()).toEqual({ amount: -2.5, reason: "charged twice by mistake" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("shows the API's validation errors on the fields and keeps what was typed", async () => {
    fetchMock.mockResolvedValue(
      problem(400, "validation_error", "The request is invalid.", [
        { field: "reason", code: "pattern", message: "Must contain a visible character." },
        { field: "expires_at", code: "out_of_range", message: "Must be in the future." },
      ]),
    );
    renderForm();
    fill("5", "x");
    fireEvent.click(screen.getByRole("button", { name: "Grant credits" }));
    await screen.findByText("Must contain a visible character.");
    screen.getByText("Must be in the future.");
    expect(screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Reason" }).value).toBe("x");
  });

  it("shows a debit past the available credits on the amount", async () => {
    fetchMock.mockResolvedValue(
      problem(409, "insufficient_credits", "Only 1.5 credits are available."),
    );
    renderForm();
    fireEvent.click(screen.getByRole("radio", { name: "Debit" }));
    fill("4", "chargeback");
    fireEvent.click(screen.getByRole("button", { name: "Debit credits" }));
    fireEvent.click(await screen.findByRole("button", { name: "Debit" }));
    const amount = screen.getByRole("textbox", { name: "Credits" });
    await waitFor(() => expect(amount.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getAllByText("Only 1.5 credits are available.").length).toBeGreaterThan(0);
  });
});
