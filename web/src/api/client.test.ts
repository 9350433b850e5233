import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";

// The client is exercised through its real fetch path with the network replaced: every call
// reaches `fetch` as a Request, which the test answers as the server would.
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let client: typeof import("./client");

beforeAll(async () => {
  vi.stubGlobal("fetch", (input: Request) => fetchMock(input));
  client = await import("./client");
});

beforeEach(() => {
  fetchMock.mockReset();
  document.cookie = "csrftoken=; Max-Age=0; Path=/";
});

afterEach(() => {
  client.onUnauthenticated(() => undefined);
});

function json(status: number, body: unknown, type = "application/json"): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": type, "X-Request-ID": "11111111-2222-4333-8444-555555555555" },
  });
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return json(
    status,
    {
      type: `urn:tollgate:problem:${code}`,
      title: "Title",
      status,
      detail: `Detail of ${code}.`,
      code,
      request_id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      ...extra,
    },
    "application/problem+json",
  );
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("the API client", () => {
  it("returns the data of a successful call, sent same-origin with the query", async () => {
    fetchMock.mockResolvedValue(json(200, { count: 0, next: null, previous: null, results: [] }));
    const page = await client.call(
      client.api.GET("/api/admin/invites", { params: { query: { status: "unused", page: 2 } } }),
    );
    expect(page.count).toBe(0);
    const request = fetchMock.mock.calls[0]![0];
    const url = new URL(request.url);
    expect(url.pathname).toBe("/api/admin/invites");
    expect(url.searchParams.get("status")).toBe("unused");
    expect(url.searchParams.get("page")).toBe("2");
    expect(request.credentials).toBe("same-origin");
  });

  it("sends the csrftoken cookie as X-CSRFToken on unsafe methods only", async () => {
    document.cookie = "csrftoken=token-from-cookie; Path=/";
    fetchMock.mockImplementation(async () => json(200, { invites: [] }));
    await client.call(client.api.POST("/api/admin/invites", { body: { count: 1 } }));
    await client.call(client.api.GET("/api/admin/invites"));
    const [post, get] = fetchMock.mock.calls.map(([request]) => request);
    expect(post!.headers.get("X-CSRFToken")).toBe("token-from-cookie");
    expect(get!.headers.get("X-CSRFToken")).toBeNull();
  });

  it("turns a problem+json answer into an ApiError with its code, detail and field errors", async () => {
    fetchMock.mockResolvedValue(
      problem(400, "validation_error", {
        errors: [
          { field: "body.count", code: "too_large", message: "At most 100." },
          { field: "expires_at", code: "invalid_format", message: "Not a date-time." },
        ],
      }),
    );
    const error = await caught(
      client.call(client.api.POST("/api/admin/invites", { body: { count: 500 } })),
    );
    expect(error).toMatchObject({ status: 400, code: "validation_error" });
    expect(error.detail).toBe("Detail of validation_error.");
    expect(error.messagesByField).toEqual({
      count: "At most 100.",
      expires_at: "Not a date-time.",
    });
    // A 4xx is the person's to fix: no request id in the message.
    expect(error.userMessage).toBe("Detail of validation_error.");
  });

  it("shows the request id of a server error so it can be reported", async () => {
    fetchMock.mockResolvedValue(problem(500, "internal_error"));
    const error = await caught(client.call(client.api.GET("/api/admin/stats")));
    expect(error.requestId).toBe("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    expect(error.userMessage).toBe(
      "Detail of internal_error. (request id aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee)",
    );
  });

  it("reads Retry-After of a refused call in seconds", async () => {
    const limited = problem(429, "rate_limited");
    limited.headers.set("Retry-After", "7");
    fetchMock.mockResolvedValueOnce(limited);
    const error = await caught(client.call(client.api.GET("/api/account/subscriptions/status")));
    expect([error.status, error.code, error.retryAfter]).toEqual([429, "rate_limited", 7]);
    fetchMock.mockResolvedValueOnce(problem(409, "subscription_exists"));
    const other = await caught(client.call(client.api.GET("/api/account/subscriptions/status")));
    expect(other.retryAfter).toBeNull();
  });

  it("reads an answer that is not a problem (a proxy's page) by its status", async () => {
    fetchMock.mockResolvedValue(
      new Response("<html>Bad gateway</html>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "Content-Type": "text/html" },
      }),
    );
    const error = await caught(client.call(client.api.GET("/api/admin/stats")));
    expect(error).toMatchObject({ status: 502, code: "http_502" });
    expect(error.detail).toBe("The server answered 502 Bad Gateway.");
  });

  it("reports a network failure as network_error", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const error = await caught(client.call(client.api.GET("/api/admin/stats")));
    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });

  it("sends a lost session to the login page, but not a wrong password", async () => {
    const toLogin = vi.fn();
    client.onUnauthenticated(toLogin);
    fetchMock.mockResolvedValueOnce(problem(401, "not_authenticated"));
    await caught(client.call(client.api.GET("/api/admin/stats")));
    expect(toLogin).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(problem(401, "invalid_credentials"));
    const error = await caught(
      client.call(
        client.api.POST("/api/customers/login", {
          body: { email: "a@example.com", password: "wrong-password" },
        }),
      ),
    );
    expect(error.code).toBe("invalid_credentials");
    expect(toLogin).toHaveBeenCalledTimes(1);
  });

  it("forgets the CSRF cookie at logout", () => {
    document.cookie = "csrftoken=abc; Path=/";
    expect(client.csrfToken()).toBe("abc");
    client.forgetCsrfToken();
    expect(client.csrfToken()).toBeUndefined();
  });
});
