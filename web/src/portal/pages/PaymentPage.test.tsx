import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route } from "react-router";
import { json, renderRoutes } from "../../test-support/render-routes";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The page talks to the API through the real client; the test answers its fetches.
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let PaymentPage: typeof import("./PaymentPage").PaymentPage;

beforeAll(async () => {
  vi.stubGlobal("fetch", (input: Request) => fetchMock(input));
  ({ PaymentPage } = await import("./PaymentPage"));
});
beforeEach(() => {
  fetchMock.mockReset();
});
afterEach(cleanup);

const ORDER_ID = "0d6f2b8e-7d4b-4f4e-9a59-3a1f2e6c9b10";

function order(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: ORDER_ID,
    status,
    kind: "credits",
    description: "500 credits",
    product_id: null,
    price_id: null,
    billing_period_id: null,
    quantity: 1,
    amount_cents: 4000,
    currency: "usd",
    credit_amount: 500,
    provider: "local",
    paid_amount_cents: status === "fulfilled" ? 4000 : null,
    refunded_cents: 0,
    created_at: "2026-01-01T00:00:00.000Z",
    paid_at: null,
    fulfilled_at: null,
    ...extra,
  };
}

const BALANCE = {
  total_available: 600,
  reserved: 0,
  trial_credits: 100,
  subscription_credits: 0,
  payg_credits: 500,
  adjustment_credits: 0,
  next_expiry: null,
};

/** The server: the order's answers in turn (the last one repeats), and the balance. */
function serve(answers: Response[]) {
  const orderUrls: string[] = [];
  fetchMock.mockImplementation(async (request) => {
    const url = new URL(request.url, "http://localhost");
    if (url.pathname === `/api/account/orders/${ORDER_ID}`) {
      orderUrls.push(url.search);
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      return (answer ?? json(500, {})).clone();
    }
    if (url.pathname === "/api/credits/balance") return json(200, BALANCE);
    if (url.pathname === "/api/site") {
      return json(200, { name: "Acme", tagline: "Fast.", registration_mode: "open" });
    }
    return json(404, { code: "not_found", detail: "No." });
  });
  return orderUrls;
}

function renderPage(timing: { intervalMs: number; timeoutMs: number }) {
  renderRoutes(
    `/app/payments/${ORDER_ID}`,
    <>
      <Route path="/app/payments/:orderId" element={<PaymentPage {...timing} />} />
    </>,
  );
}

describe("PaymentPage", () => {
  it("waits while the order is pending, then shows the payment and the new balance", async () => {
    const urls = serve([
      json(200, order("pending")),
      json(200, order("pending")),
      json(200, order("fulfilled")),
    ]);
    renderPage({ intervalMs: 20, timeoutMs: 5000 });
    await screen.findByText("Waiting for the payment…");
    await screen.findByText("Payment received");
    expect(screen.getByText(/500 credits were added/)).toBeTruthy();
    expect((await screen.findByTestId("figure-Available")).textContent).toBe("600");
    // Polling stops once the order is settled.
    const asked = urls.length;
    expect(asked).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(urls.length).toBe(asked);
    expect(urls.every((search) => search === "")).toBe(true);
  });

  it("says so when the checkout was canceled, and stops asking", async () => {
    const urls = serve([json(200, order("pending")), json(200, order("canceled"))]);
    renderPage({ intervalMs: 20, timeoutMs: 5000 });
    await screen.findByText("Not paid");
    expect(screen.getByText(/the checkout was canceled\. Nothing was charged/)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(urls).toHaveLength(2);
  });

  it("gives up waiting after the timeout, and checks with the provider on request", async () => {
    const urls = serve([json(200, order("pending"))]);
    renderPage({ intervalMs: 20, timeoutMs: 150 });
    await screen.findByText("Still waiting for the payment");
    const asked = urls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(urls.length).toBe(asked);

    serve([json(200, order("fulfilled"))]);
    fireEvent.click(screen.getByRole("button", { name: "Check again" }));
    await screen.findByText("Payment received");
    await waitFor(() => {
      expect(fetchMock.mock.calls.some(([request]) => request.url.includes("refresh=1"))).toBe(
        true,
      );
    });
  });

  it("shows the server's problem for an order that is not the caller's", async () => {
    serve([json(404, { code: "order_not_found", detail: "Order not found.", status: 404 })]);
    renderPage({ intervalMs: 20, timeoutMs: 5000 });
    await screen.findByText("Order not found.");
  });
});
