import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route } from "react-router";
import { json, renderRoutes } from "../../test-support/render-routes";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The page talks to the API through the real client; the test answers its fetches.
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let PlaygroundPage: typeof import("./PlaygroundPage").PlaygroundPage;

beforeAll(async () => {
  vi.stubGlobal("fetch", (input: Request) => fetchMock(input));
  ({ PlaygroundPage } = await import("./PlaygroundPage"));
});
beforeEach(() => {
  fetchMock.mockReset();
});
afterEach(cleanup);

const SENTIMENT = {
  name: "text_sentiment_analysis",
  type: "text_processing",
  description: "Rates sentiment.",
  credit_cost: 1,
  price_cents: 0,
};

/** The server: one service, a balance, and POST …/run answered by `run`. */
function serve(run: (body: unknown) => Response) {
  const bodies: unknown[] = [];
  fetchMock.mockImplementation(async (request) => {
    const path = new URL(request.url, "http://localhost").pathname;
    if (path === "/api/site")
      return json(200, { name: "Acme", tagline: "", registration_mode: "open" });
    if (path === "/api/services") {
      return json(200, { count: 1, next: null, previous: null, results: [SENTIMENT] });
    }
    if (path === "/api/services/text_sentiment_analysis") {
      return json(200, {
        ...SENTIMENT,
        input_schema: {
          type: "object",
          required: ["text"],
          properties: { text: { type: "string", minLength: 1, maxLength: 10_000 } },
        },
        output_schema: {},
      });
    }
    if (path === "/api/credits/balance") return json(200, { total_available: 0.5 });
    if (path === "/api/services/text_sentiment_analysis/run") {
      const body: unknown = await request.json();
      bodies.push(body);
      return run(body);
    }
    return json(404, { code: "not_found", detail: "No." });
  });
  return bodies;
}

function renderAt(url: string) {
  renderRoutes(
    url,
    <>
      <Route path="/app/playground" element={<PlaygroundPage />} />
    </>,
  );
}

async function runWith(text: string) {
  fireEvent.change(await screen.findByLabelText(/^text/), { target: { value: text } });
  fireEvent.click(screen.getByRole("button", { name: "Run (1 credit)" }));
}

describe("PlaygroundPage", () => {
  it("shows a 402 with the credits the call needs and those available", async () => {
    const bodies = serve(() =>
      json(402, {
        code: "insufficient_credits",
        detail: "This call costs 1 credits and 0.5 are available.",
        required: 1,
        available: 0.5,
      }),
    );
    renderAt("/app/playground?service=text_sentiment_analysis");
    await runWith("Lovely");
    await screen.findByText(
      "This call needs 1 credits and you have 0.5 available. Nothing was charged.",
    );
    expect(screen.getByRole("link", { name: "Buy credits" }).getAttribute("href")).toBe("/pricing");
    expect(bodies).toEqual([{ input: { text: "Lovely" } }]);
  });

  it("puts the server's field errors on their fields and lists the others", async () => {
    serve(() =>
      json(400, {
        code: "validation_error",
        detail: "input.text: Too long.",
        errors: [
          { field: "input.text", code: "too_long", message: "The server says: too long." },
          { field: "input.mood", code: "unknown_field", message: "Unknown field." },
        ],
      }),
    );
    renderAt("/app/playground?service=text_sentiment_analysis");
    await runWith("Lovely");
    await screen.findByText("The server says: too long.");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The call failed");
    expect(alert.textContent).toContain("input.mood: Unknown field.");
  });

  it("shows the result, the credits charged and the balance after the call", async () => {
    serve(() =>
      json(200, {
        request_id: "6f1c1c52-7a4c-4d4e-9a4c-0c1b9b1b9b1b",
        service: "text_sentiment_analysis",
        result: { sentiment: "positive" },
        credits_charged: 1,
        balance: 41.5,
      }),
    );
    renderAt("/app/playground?service=text_sentiment_analysis");
    await runWith("Lovely");
    await waitFor(() =>
      expect(screen.getByTestId("run-result").textContent).toContain('"sentiment": "positive"'),
    );
    expect(screen.getByTestId("figure-Credits charged").textContent).toBe("1");
    expect(screen.getByTestId("figure-Balance now").textContent).toBe("41.5");
  });
});
