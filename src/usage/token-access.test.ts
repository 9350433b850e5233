import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createBillingPeriod, recordTestRequest } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { fixedClock } from "../platform/clock.js";

/** The customer read routes an API token may call, as a script checking its own spend would. */
const READ_ROUTES = [
  "/api/customers/usage/requests",
  "/api/customers/usage/summary",
  "/api/customers/billing/current",
  "/api/customers/billing/periods",
] as const;

describe("usage and billing with an API token", () => {
  let t: TestApp;
  const clock = fixedClock("2025-03-10T12:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function customerWithToken(options: { isStaff?: boolean } = {}) {
    const { user } = await createVerifiedUser(t.services.db, options);
    const token = await createApiToken(t, user.id);
    return { user, token, headers: { authorization: `Bearer ${token.token}` } };
  }

  async function get(url: string, headers: Record<string, string>) {
    const response = await t.app.inject({ method: "GET", url, headers });
    return {
      response,
      status: response.statusCode,
      body: response.json<Record<string, unknown>>(),
    };
  }

  it("shows the token owner's own usage and billing, nobody else's", async () => {
    const me = await customerWithToken();
    const other = await customerWithToken();
    const mine = await recordTestRequest(t.services.db, {
      userId: me.user.id,
      tokenId: me.token.id,
      requestTs: new Date("2025-03-10T09:00:00Z"),
      costCents: 40,
    });
    const theirs = await recordTestRequest(t.services.db, {
      userId: other.user.id,
      tokenId: other.token.id,
      requestTs: new Date("2025-03-10T09:00:00Z"),
      costCents: 999,
    });

    const requests = await get("/api/customers/usage/requests", me.headers);
    expect(requests.status).toBe(200);
    expect(requests.body).toMatchObject({
      count: 1,
      results: [{ id: mine.requestLogId, token_prefix: me.token.prefix }],
    });
    const summary = await get("/api/customers/usage/summary", me.headers);
    expect(summary.body).toMatchObject({ total_requests: 1, total_cost_cents: 40 });
    const current = await get("/api/customers/billing/current", me.headers);
    expect(current.body).toMatchObject({
      id: mine.billingPeriodId,
      total_requests: 1,
      total_cost_cents: 40,
    });
    const periods = await get("/api/customers/billing/periods", me.headers);
    expect(periods.body).toMatchObject({ count: 1, results: [{ id: mine.billingPeriodId }] });
    const period = await get(`/api/customers/billing/periods/${mine.billingPeriodId}`, me.headers);
    expect(period.status).toBe(200);
    expect(period.body).toMatchObject({
      period: { id: mine.billingPeriodId },
      requests: { count: 1, results: [{ id: mine.requestLogId }] },
    });

    const another = await get(
      `/api/customers/billing/periods/${theirs.billingPeriodId}`,
      me.headers,
    );
    expectProblem(another.response, 404, "not_found");
    const theirsWithoutRequests = await createBillingPeriod(t.services.db, {
      userId: other.user.id,
    });
    expectProblem(
      (await get(`/api/customers/billing/periods/${theirsWithoutRequests.id}`, me.headers))
        .response,
      404,
      "not_found",
    );
  });

  it.each(READ_ROUTES)(
    "refuses a revoked or unknown token on %s with 401 invalid_token",
    async (url) => {
      const me = await customerWithToken();
      await t.services.customers.tokens.revokeToken(me.user.id, me.token.id);
      const revoked = await get(url, me.headers);
      expectProblem(revoked.response, 401, "invalid_token");
      expect(revoked.response.headers["www-authenticate"]).toBe('Bearer realm="tollgate"');
      const unknown = await get(url, { authorization: "Bearer tok_unknown" });
      expectProblem(unknown.response, 401, "invalid_token");
    },
  );

  it("keeps token and account management, and staff routes, for sessions only", async () => {
    const staff = await customerWithToken({ isStaff: true });
    for (const [method, url] of [
      ["GET", "/api/customers/tokens"],
      ["POST", "/api/customers/tokens"],
      ["DELETE", `/api/customers/tokens/${staff.token.id}`],
      ["POST", "/api/customers/password/change"],
      ["POST", "/api/customers/logout"],
      ["GET", "/api/admin/users"],
      ["GET", "/api/admin/billing/periods"],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: staff.headers, payload: {} });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    // The token was not revoked by the refused DELETE.
    expect((await get("/api/customers/usage/summary", staff.headers)).status).toBe(200);
  });

  it("documents both ways in for the read routes in the OpenAPI document", async () => {
    const document = (await get("/api/schema/", {})).body as {
      paths: Record<string, { get: { security: Record<string, string[]>[] } }>;
    };
    for (const url of [...READ_ROUTES, "/api/customers/billing/periods/{id}"]) {
      expect(document.paths[url]?.get.security, url).toEqual([
        { bearerAuth: [] },
        { jwtAuth: [] },
        { sessionCookie: [] },
      ]);
    }
  });
});
