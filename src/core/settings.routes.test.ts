import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { startFakeOpenAi, type FakeOpenAi } from "../../test/support/fake-openai.js";
import { signIn } from "../../test/support/sessions.js";
import { solveAsNewCustomer } from "../../test/support/solve.js";

describe("GET/PATCH /api/admin/settings", () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({
      env: { COST_PER_REQUEST_CENTS: "100", OPENAI_MODEL: "gpt-env", OPENAI_TIMEOUT_S: "30" },
    });
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
  });
  afterAll(async () => t.close());

  it("creates the row from the environment on first read", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/admin/settings",
      headers: staff,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      cost_per_request_cents: 100,
      openai_model: "gpt-env",
      openai_timeout_s: 30,
      updated_at: expect.stringMatching(/Z$/) as string,
    });
  });

  it("changes only the given fields, and the next solve is charged the new price", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: staff,
      payload: { cost_per_request_cents: 250, openai_model: "  gpt-new  " },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      cost_per_request_cents: 250,
      openai_model: "gpt-new",
      openai_timeout_s: 30,
    });
    const read = await t.app.inject({ method: "GET", url: "/api/admin/settings", headers: staff });
    expect(read.json()).toMatchObject({ cost_per_request_cents: 250 });

    // The solve path reads the cached row; a change on this instance is seen at once.
    const { user, response: solve } = await solveAsNewCustomer(t);
    expect(solve.statusCode).toBe(200);
    const [period] = await t.database.query<{ total_cost_cents: string | number }>(
      "select total_cost_cents from billing_periods where user_id = $1",
      [user.id],
    );
    expect(Number(period?.total_cost_cents)).toBe(250);
  });

  it("accepts a price of 0 and the timeout bounds 1 and 300", async () => {
    for (const payload of [
      { cost_per_request_cents: 0 },
      { openai_timeout_s: 1 },
      { openai_timeout_s: 300 },
    ]) {
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/admin/settings",
        headers: staff,
        payload,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject(payload);
    }
  });

  it("refuses invalid values with 400 validation_error naming the field", async () => {
    const cases = [
      [{ cost_per_request_cents: -1 }, "cost_per_request_cents"],
      [{ cost_per_request_cents: 1.5 }, "cost_per_request_cents"],
      [{ cost_per_request_cents: "100" }, "cost_per_request_cents"],
      [{ openai_timeout_s: 0 }, "openai_timeout_s"],
      [{ openai_timeout_s: 301 }, "openai_timeout_s"],
      [{ openai_model: "" }, "openai_model"],
      [{ openai_model: "   " }, "openai_model"],
      [{ surprise: 1 }, "surprise"],
    ] as const;
    for (const [payload, field] of cases) {
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/admin/settings",
        headers: staff,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = response.json<{ code: string; errors: { field: string }[] }>();
      expect(body.code).toBe("validation_error");
      expect(body.errors.map((e) => e.field)).toContain(field);
    }
    const empty = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: staff,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it("is for staff only: 401 without a session, 403 for a customer, 401 with an API token", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/admin/settings" });
    expect(anonymous.statusCode).toBe(401);

    const { user } = await createVerifiedUser(t.services.db);
    const customer = (await signIn(t, user.id)).headers;
    for (const method of ["GET", "PATCH"] as const) {
      const response = await t.app.inject({
        method,
        url: "/api/admin/settings",
        headers: customer,
        ...(method === "PATCH" ? { payload: { cost_per_request_cents: 0 } } : {}),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "permission_denied" });
    }

    const token = await createApiToken(t, user.id);
    const bearer = await t.app.inject({
      method: "GET",
      url: "/api/admin/settings",
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(bearer.statusCode).toBe(401);
  });

  it("requires the CSRF header to change settings", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: { cookie: staff["cookie"] ?? "" },
      payload: { cost_per_request_cents: 1 },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "csrf_failed" });
  });
});

describe("the core_settings row is the source of truth once it exists", () => {
  let first: TestApp;
  let fake: FakeOpenAi;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    first = await createTestApp({
      env: { COST_PER_REQUEST_CENTS: "100", OPENAI_MODEL: "gpt-env-first", OPENAI_TIMEOUT_S: "30" },
    });
  });
  afterAll(async () => {
    await first.close();
    await fake.close();
  });

  it("a new app instance with other variables charges and uses the row, and leaves it as it is", async () => {
    await first.services.core.settings.update(
      {
        costPerRequestCents: 250,
        openaiModel: "gpt-from-row",
        openaiTimeoutS: 12,
      },
      null,
    );

    // A restart with changed variables: the same database, a fresh process-level cache.
    const second = await createTestApp({
      database: first.database,
      env: {
        COST_PER_REQUEST_CENTS: "999",
        OPENAI_MODEL: "gpt-env-second",
        OPENAI_TIMEOUT_S: "7",
        OPENAI_API_KEY: "sk-test-settings-row-key",
        OPENAI_BASE_URL: fake.baseUrl,
      },
    });
    try {
      const { user, response: solve } = await solveAsNewCustomer(second);
      expect(solve.statusCode).toBe(200);
      expect((fake.requests[0]?.body as { model: string }).model).toBe("gpt-from-row");
      const [log] = await second.database.query<{ cost_cents: string | number }>(
        "select cost_cents from request_logs where user_id = $1",
        [user.id],
      );
      expect(Number(log?.cost_cents)).toBe(250);

      const [row] = await second.database.query<{
        cost_per_request_cents: string | number;
        openai_model: string;
        openai_timeout_s: number;
      }>(
        "select cost_per_request_cents, openai_model, openai_timeout_s from core_settings where id = 1",
      );
      expect({ ...row, cost_per_request_cents: Number(row?.cost_per_request_cents) }).toEqual({
        cost_per_request_cents: 250,
        openai_model: "gpt-from-row",
        openai_timeout_s: 12,
      });
    } finally {
      await second.close();
    }
  });
});
