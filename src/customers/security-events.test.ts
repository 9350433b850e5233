import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { signIn } from "../../test/support/sessions.js";
import { securityEvents } from "../schema.js";

describe("security events of API tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  async function eventsOf(userId: string, type: "token_created" | "token_revoked") {
    return t.services.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)));
  }

  it("records token_created and token_revoked once, with the client, never the token", async () => {
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    const client = { ...headers, "user-agent": "tollgate-cli/1" };
    const created = await t.app.inject({
      method: "POST",
      url: "/api/customers/tokens",
      headers: client,
      payload: { name: "ci" },
      remoteAddress: "192.0.2.10",
    });
    expect(created.statusCode).toBe(201);
    const token = created.json<{ id: string; token_once: string; token_prefix: string }>();
    const [event] = await eventsOf(user.id, "token_created");
    expect(event).toMatchObject({
      ip: "192.0.2.10",
      userAgent: "tollgate-cli/1",
      requestId: created.headers["x-request-id"],
      details: { token_id: token.id, token_prefix: token.token_prefix },
    });
    expect(JSON.stringify(event)).not.toContain(token.token_once);

    for (let i = 0; i < 2; i++) {
      const revoked = await t.app.inject({
        method: "DELETE",
        url: `/api/customers/tokens/${token.id}`,
        headers: client,
      });
      expect(revoked.statusCode).toBe(204);
    }
    const revocations = await eventsOf(user.id, "token_revoked");
    expect(revocations).toHaveLength(1);
    expect(revocations[0]?.details).toEqual({ token_id: token.id });
  });
});
