import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { recordTestRequest } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn, type SignedIn } from "../../test/support/sessions.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import type { User } from "../schema.js";
import type { AdminRequestLogItem } from "./usage.schemas.js";

interface Page {
  count: number;
  next: string | null;
  previous: string | null;
  results: AdminRequestLogItem[];
}

describe("staff request logs: /api/admin/request-logs", () => {
  let t: TestApp;
  let staff: SignedIn;
  let alice: User;
  let bob: User;
  let token: { id: string; prefix: string };
  const logs: Record<"solve" | "failed" | "echo" | "bobs", { id: string; requestId: string }> =
    {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.services.db;
    staff = await signIn(t, (await createVerifiedUser(db, { isStaff: true })).user.id);
    alice = (await createVerifiedUser(db)).user;
    bob = (await createVerifiedUser(db)).user;
    token = await createApiToken(t, alice.id);
    const record = async (
      name: keyof typeof logs,
      values: Partial<Parameters<typeof recordTestRequest>[1]> & {
        userId: string;
        requestTs: Date;
      },
    ) => {
      const requestId = randomUUID();
      const { requestLogId } = await recordTestRequest(db, { requestId, ...values });
      logs[name] = { id: requestLogId, requestId };
    };
    await record("solve", {
      userId: alice.id,
      tokenId: token.id,
      requestTs: new Date("2031-01-10T10:00:00Z"),
    });
    await record("failed", {
      userId: alice.id,
      tokenId: token.id,
      requestTs: new Date("2031-01-11T10:00:00Z"),
      status: "error",
      errorCode: "openai_timeout",
      costCents: 0,
    });
    await record("echo", {
      userId: alice.id,
      requestTs: new Date("2031-01-12T10:00:00Z"),
      service: "text.echo",
      costCents: 0,
      creditsChargedMilli: 1500,
    });
    await record("bobs", { userId: bob.id, requestTs: new Date("2031-01-11T12:00:00Z") });
  });
  afterAll(async () => t.close());

  async function list(query: string): Promise<Page> {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/request-logs?${query}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Page>();
  }
  const ids = async (query: string) => (await list(query)).results.map((log) => log.id);

  it("lists every user's logs, newest first, with everything logged and never a payload", async () => {
    expect(await ids("from=2031-01-01&to=2031-01-31")).toEqual([
      logs.echo.id,
      logs.bobs.id,
      logs.failed.id,
      logs.solve.id,
    ]);
    const [echo, , failed] = (await list("from=2031-01-01&to=2031-01-31")).results;
    expect(failed).toEqual({
      id: logs.failed.id,
      request_ts: "2031-01-11T10:00:00.000Z",
      user: { id: alice.id, email: alice.email },
      token_prefix: token.prefix,
      service: "core.image_solve",
      status: "error",
      error_code: "openai_timeout",
      request_id: logs.failed.requestId,
      duration_ms: 120,
      request_bytes: 2048,
      response_bytes: 64,
      cost_cents: 0,
      credits_charged: 0,
      billing_period_id: expect.any(String) as unknown,
    });
    expect(echo).toMatchObject({ token_prefix: null, credits_charged: 1.5, cost_cents: 0 });
  });

  it("filters by user, token prefix, service, status, error code and dates", async () => {
    const range = "from=2031-01-01&to=2031-01-31";
    expect(await ids(`user=${bob.id.toUpperCase()}`)).toEqual([logs.bobs.id]);
    expect(await ids(`token_prefix=${token.prefix}`)).toEqual([logs.failed.id, logs.solve.id]);
    expect(await ids(`token_prefix=${token.prefix.slice(4)}`)).toEqual([
      logs.failed.id,
      logs.solve.id,
    ]);
    expect(await ids(`${range}&service=text.echo`)).toEqual([logs.echo.id]);
    expect(await ids(`user=${alice.id}&status=success`)).toEqual([logs.echo.id, logs.solve.id]);
    expect(await ids(`${range}&error_code=openai_timeout`)).toEqual([logs.failed.id]);
    expect(await ids("from=2031-01-11&to=2031-01-11")).toEqual([logs.bobs.id, logs.failed.id]);
    expect(await ids("from=2031-01-11T11:00:00Z&to=2031-01-12T10:00:00Z")).toEqual([
      logs.echo.id,
      logs.bobs.id,
    ]);
    expect(await ids(`user=${bob.id}&service=text.echo`)).toEqual([]);
  });

  it("paginates 25 a page, keeping the filters in the links", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    for (let i = 0; i < 26; i += 1) {
      await recordTestRequest(t.services.db, {
        userId: user.id,
        requestTs: new Date(Date.UTC(2031, 1, 1, 0, i)),
      });
    }
    const first = await list(`user=${user.id}`);
    expect(first.count).toBe(26);
    expect(first.results).toHaveLength(25);
    expect(first.next).toBe(`http://localhost:8000/api/admin/request-logs?user=${user.id}&page=2`);
    const second = await list(`user=${user.id}&page=2`);
    expect(second.results.map((log) => log.request_ts)).toEqual(["2031-02-01T00:00:00.000Z"]);
    expect(second.previous).toBe(`http://localhost:8000/api/admin/request-logs?user=${user.id}`);
  });

  it("refuses a malformed or unknown filter value with the field named", async () => {
    for (const [query, field] of [
      ["status=pending", "status"],
      ["user=alice", "user"],
      ["token_prefix=abc", "token_prefix"],
      ["service=", "service"],
      ["from=2031-13-01", "from"],
      ["from=2031-01-12&to=2031-01-11", "to"],
      ["page=0", "page"],
    ] as const) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/request-logs?${query}`,
        headers: staff.headers,
      });
      const body = expectProblem(response, 400, "validation_error");
      expect(
        body.errors?.map((error) => error.field),
        query,
      ).toEqual([field]);
    }
  });

  it("shows one log in detail, whoever's it is; an unknown id is 404", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/admin/request-logs/${logs.echo.id}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual((await list("service=text.echo")).results[0]);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/admin/request-logs/${randomUUID()}`,
        headers: staff.headers,
      }),
      404,
      "not_found",
    );
    const malformed = await t.app.inject({
      method: "GET",
      url: "/api/admin/request-logs/nope",
      headers: staff.headers,
    });
    expect(expectProblem(malformed, 400, "validation_error").errors?.[0]?.field).toBe("id");
  });

  it("is for staff only and read only", async () => {
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/request-logs" });
    await expectStaffOnly(t, { method: "GET", url: `/api/admin/request-logs/${logs.bobs.id}` });
    // A user cannot read even their own log through the staff route.
    const own = await signIn(t, bob.id);
    expectProblem(
      await t.app.inject({
        method: "GET",
        url: `/api/admin/request-logs/${logs.bobs.id}`,
        headers: own.headers,
      }),
      403,
      "permission_denied",
    );
    const deleted = await t.app.inject({
      method: "DELETE",
      url: `/api/admin/request-logs/${logs.bobs.id}`,
      headers: staff.headers,
    });
    expect(deleted.statusCode).toBe(405);
  });
});
