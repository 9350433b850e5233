import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { Route } from "react-router";
import { json, renderRoutes } from "../../test-support/render-routes";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The page talks to the API through the real client; the test answers its fetches.
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let RegisterPage: typeof import("./RegisterPage").RegisterPage;

beforeAll(async () => {
  vi.stubGlobal("fetch", (input: Request) => fetchMock(input));
  ({ RegisterPage } = await import("./RegisterPage"));
});
beforeEach(() => {
  fetchMock.mockReset();
});
afterEach(cleanup);

/** The server: GET /api/site in `mode`, and POST /api/customers/register answered by `register`. */
function serve(mode: "invite" | "open", register: (body: unknown) => Response) {
  const bodies: unknown[] = [];
  fetchMock.mockImplementation(async (request) => {
    const path = new URL(request.url, "http://localhost").pathname;
    if (path === "/api/site") {
      return json(200, { name: "Acme", tagline: "Fast.", registration_mode: mode });
    }
    if (path === "/api/customers/register") {
      const body: unknown = await request.json();
      bodies.push(body);
      return register(body);
    }
    return json(404, { code: "not_found", detail: "No." });
  });
  return bodies;
}

function renderAt(url: string) {
  renderRoutes(
    url,
    <>
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/check-email" element={<p>check your email page</p>} />
    </>,
  );
}

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("RegisterPage", () => {
  it("takes the invite code from ?invite= and sends it with the account", async () => {
    const bodies = serve("invite", () => json(202, { detail: "Check your email." }));
    renderAt("/register?invite=inv-from-link");
    const invite = await screen.findByLabelText(/Invite code/);
    expect((invite as HTMLInputElement).value).toBe("inv-from-link");
    fill(/Email/, "new@example.com");
    fill(/^Password/, "Long-Enough-Pass-1");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    await screen.findByText("check your email page");
    expect(bodies).toEqual([
      { email: "new@example.com", password: "Long-Enough-Pass-1", invite_code: "inv-from-link" },
    ]);
  });

  it("shows a used invite on the invite field, with the server's words", async () => {
    serve("invite", () =>
      json(409, { code: "invite_used", detail: "This invite code has already been used." }),
    );
    renderAt("/register?invite=inv-used");
    await screen.findByLabelText(/Invite code/);
    fill(/Email/, "new@example.com");
    fill(/^Password/, "Long-Enough-Pass-1");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    await screen.findByText("This invite code has already been used.");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("asks no invite code when registration is open, and sends none", async () => {
    const bodies = serve("open", () => json(202, { detail: "Check your email." }));
    renderAt("/register");
    await screen.findByRole("button", { name: "Create account" });
    expect(screen.queryByLabelText(/Invite code/)).toBeNull();
    fill(/Email/, "open@example.com");
    fill(/^Password/, "Long-Enough-Pass-1");
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ email: "open@example.com", password: "Long-Enough-Pass-1" });
  });
});
