import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";

interface SessionJson {
  id: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}

describe("session management", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  /** Logs in through the API, as a browser would, from this address and user agent. */
  async function login(email: string, password: string, ip: string, agent: string) {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/login",
      payload: { email, password },
      remoteAddress: ip,
      headers: { "user-agent": agent },
    });
    expect(response.statusCode).toBe(200);
    const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
    const session = cookies["sessionid"] ?? "";
    const csrf = cookies["csrftoken"] ?? "";
    return { cookie: `sessionid=${session}; csrftoken=${csrf}`, "x-csrftoken": csrf };
  }

  async function list(headers: Record<string, string>): Promise<SessionJson[]> {
    const response = await t.app.inject({ method: "GET", url: "/api/customers/sessions", headers });
    expect(response.statusCode).toBe(200);
    return response.json<SessionJson[]>();
  }

  async function securityEvents(headers: Record<string, string>) {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/customers/security-log",
      headers,
    });
    return response.json<{ results: { type: string; details: Record<string, unknown> }[] }>()
      .results;
  }

  it("lists your live sessions with where they came from, marking this one", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const laptop = await login(user.email, password, "198.51.100.7", "Firefox/140");
    const phone = await login(user.email, password, "203.0.113.4", "x".repeat(400));
    const sessions = await list(phone);
    expect(sessions).toHaveLength(2);
    const [newest, older] = sessions;
    expect(newest).toMatchObject({ ip: "203.0.113.4", current: true });
    expect(newest?.user_agent).toHaveLength(256);
    expect(older).toMatchObject({ ip: "198.51.100.7", user_agent: "Firefox/140", current: false });
    expect((await list(laptop)).find((s) => s.current)?.id).toBe(older?.id);
    // The id shown is not the cookie.
    expect(JSON.stringify(sessions)).not.toContain(phone.cookie.split(";")[0]?.split("=")[1]);
  });

  it("ends one session at once; another user's session id is 404", async () => {
    const { user, password } = await createVerifiedUser(t.services.db);
    const a = await login(user.email, password, "10.1.0.1", "A");
    const b = await login(user.email, password, "10.1.0.2", "B");
    const idOfA = (await list(a)).find((s) => s.current)?.id ?? "";

    const stranger = (await createVerifiedUser(t.services.db)).user;
    const strangerHeaders = (await signIn(t, stranger.id)).headers;
    const refused = await t.app.inject({
      method: "DELETE",
      url: `/api/customers/sessions/${idOfA}`,
      headers: strangerHeaders,
    });
    expectProblem(refused, 404, "not_found");

    const ended = await t.app.inject({
      method: "DELETE",
      url: `/api/customers/sessions/${idOfA.toUpperCase()}`,
      headers: b,
    });
    expect(ended.statusCode).toBe(204);
    const afterwards = await t.app.inject({
      method: "GET",
      url: "/api/customers/sessions",
      headers: a,
    });
    expectProblem(afterwards, 401, "not_authenticated");
    const again = await t.app.inject({
      method: "DELETE",
      url: `/api/customers/sessions/${idOfA}`,
      headers: b,
    });
    expectProblem(again, 404, "not_found");
    const notAnId = await t.app.inject({
      method: "DELETE",
      url: "/api/customers/sessions/not-a-uuid",
      headers: b,
    });
    expectProblem(notAnId, 400, "validation_error");

    const events = await securityEvents(b);
    expect(events.filter((e) => e.type === "session_revoked")).toEqual([
      expect.objectContaining({ details: { session_id: idOfA } }),
    ]);
  });

  it("needs the CSRF header to end sessions", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/customers/sessions/revoke-others",
      headers: { cookie: headers["cookie"] ?? "" },
    });
    expectProblem(response, 403, "csrf_failed");
  });

  it("ends every other session, on every instance at once", async () => {
    // A second instance on the same database: sessions are read from it on every request.
    const other = await createTestApp({ database: t.database });
    try {
      const { user, password } = await createVerifiedUser(t.services.db);
      const here = await login(user.email, password, "10.2.0.1", "here");
      const elsewhere = await login(user.email, password, "10.2.0.2", "elsewhere");
      const third = await login(user.email, password, "10.2.0.3", "third");
      const seen = await other.app.inject({
        method: "GET",
        url: "/api/customers/sessions",
        headers: elsewhere,
      });
      expect(seen.statusCode).toBe(200);

      const response = await t.app.inject({
        method: "POST",
        url: "/api/customers/sessions/revoke-others",
        headers: here,
      });
      expect(response.json()).toEqual({ revoked: 2 });
      for (const headers of [elsewhere, third]) {
        const refused = await other.app.inject({
          method: "GET",
          url: "/api/customers/sessions",
          headers,
        });
        expectProblem(refused, 401, "not_authenticated");
      }
      expect((await list(here)).map((s) => s.current)).toEqual([true]);
      const events = await securityEvents(here);
      expect(events.find((e) => e.type === "session_revoked")?.details).toEqual({ others: 2 });
    } finally {
      await other.close();
    }
  });
});
