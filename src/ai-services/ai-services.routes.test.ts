import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { jpegWithExif } from "../../test/support/jpeg-with-exif.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { scriptedService } from "../../test/support/scripted-service.js";
import { signIn, withoutCsrfHeader } from "../../test/support/sessions.js";
import { samplePng } from "../core/sample-images.js";
import { requestLogs } from "../usage/request-logs.table.js";

describe("AI services over HTTP", () => {
  let t: TestApp;
  const paid = scriptedService({ name: "test.paid", creditCost: 2.5, priceCents: 7 });
  beforeAll(async () => {
    t = await createTestApp({ aiServices: [paid] });
  });
  afterAll(async () => t.close());

  async function customer(credits = 0) {
    const { user } = await createVerifiedUser(t.services.db);
    const token = await createApiToken(t, user.id);
    if (credits > 0) await grantCredits(t.services, user.id, credits);
    return { user, bearer: { authorization: `Bearer ${token.token}` } };
  }

  function run(name: string, headers: Record<string, string>, input: unknown) {
    return t.app.inject({
      method: "POST",
      url: `/api/services/${name}/run`,
      headers,
      payload: { input },
    });
  }

  async function logsOf(userId: string) {
    return t.services.db.select().from(requestLogs).where(eq(requestLogs.userId, userId));
  }

  describe("the catalog", () => {
    it("lists the active services with their credit costs and prices, publicly", async () => {
      const response = await t.app.inject({ method: "GET", url: "/api/services" });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ count: number; results: { name: string }[] }>();
      expect(body.results.map((s) => s.name)).toEqual([
        "core.image_solve",
        "demo_free_service",
        "image_metadata_extractor",
        "test.paid",
        "text_sentiment_analysis",
      ]);
      expect(body.results).toContainEqual({
        name: "text_sentiment_analysis",
        type: "text_processing",
        description: expect.any(String) as string,
        credit_cost: 1,
        price_cents: 0,
      });
      expect(body.results).toContainEqual(
        expect.objectContaining({ name: "core.image_solve", credit_cost: 0, price_cents: 100 }),
      );
      expect(body.results).toContainEqual(
        expect.objectContaining({ name: "image_metadata_extractor", credit_cost: 10 }),
      );
    });

    it("shows one service with the JSON Schemas of its input and result; unknown is 404 service_not_found", async () => {
      const response = await t.app.inject({
        method: "GET",
        url: "/api/services/demo_free_service",
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ input_schema: { properties: object }; credit_cost: number }>();
      expect(body.credit_cost).toBe(0);
      expect(Object.keys(body.input_schema.properties)).toEqual(["message"]);
      expectProblem(
        await t.app.inject({ method: "GET", url: "/api/services/no_such_service" }),
        404,
        "service_not_found",
      );
    });

    it("hides and refuses an inactive service", async () => {
      const staff = await createVerifiedUser(t.services.db, { isStaff: true });
      const { headers } = await signIn(t, staff.user.id);
      const off = await t.app.inject({
        method: "PATCH",
        url: "/api/admin/services/demo_free_service",
        headers,
        payload: { is_active: false },
      });
      expect(off.statusCode).toBe(200);
      try {
        const { bearer } = await customer();
        expectProblem(
          await t.app.inject({ method: "GET", url: "/api/services/demo_free_service" }),
          404,
          "service_not_found",
        );
        expectProblem(
          await run("demo_free_service", bearer, { message: "hi" }),
          404,
          "service_not_found",
        );
        const listed = await t.app.inject({ method: "GET", url: "/api/services" });
        expect(
          listed.json<{ results: { name: string }[] }>().results.map((s) => s.name),
        ).not.toContain("demo_free_service");
      } finally {
        await t.app.inject({
          method: "PATCH",
          url: "/api/admin/services/demo_free_service",
          headers,
          payload: { is_active: true },
        });
      }
    });
  });

  describe("running a service", () => {
    it("charges a successful call its credit cost and price, logs it, and answers the balance", async () => {
      const { user, bearer } = await customer(10);
      const response = await run("text_sentiment_analysis", bearer, {
        text: "I love this, it is great!",
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<Record<string, unknown>>();
      expect(body).toMatchObject({
        request_id: response.headers["x-request-id"],
        service: "text_sentiment_analysis",
        credits_charged: 1,
        balance: 9,
        result: { sentiment: "positive" },
      });
      const [log] = await logsOf(user.id);
      expect(log).toMatchObject({
        service: "text_sentiment_analysis",
        status: "success",
        creditsChargedMilli: 1000,
        costCents: 0,
        requestId: response.headers["x-request-id"],
        responseBytes: Buffer.byteLength(response.body),
      });
      const period = await t.app.inject({
        method: "GET",
        url: "/api/customers/billing/current",
        headers: (await signIn(t, user.id)).headers,
      });
      expect(period.json()).toMatchObject({ total_requests: 1 });
    });

    it("adds the service's price in cents to the billing period", async () => {
      const { user, bearer } = await customer(10);
      expect((await run("test.paid", bearer, { n: 1 })).json()).toMatchObject({
        credits_charged: 2.5,
        balance: 7.5,
      });
      const [log] = await logsOf(user.id);
      expect(log).toMatchObject({ costCents: 7, creditsChargedMilli: 2500 });
    });

    it("refuses a call without enough credits with 402, never calling the provider or charging", async () => {
      const { user, bearer } = await customer(2);
      const before = paid.calls;
      const response = await run("test.paid", bearer, { n: 1 });
      const problem = expectProblem(response, 402, "insufficient_credits");
      expect(problem).toMatchObject({ required: 2.5, available: 2 });
      expect(paid.calls).toBe(before);
      expect(await logsOf(user.id)).toEqual([]);
      expect(await availableCredits(t.services, user.id)).toBe(2);
    });

    it("runs a free service without credits", async () => {
      const { bearer } = await customer();
      const response = await run("demo_free_service", bearer, { message: "héllo" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        credits_charged: 0,
        balance: 0,
        result: { message: "héllo", length: 5 },
      });
    });

    it("releases the credits of a call whose provider fails, logs it as an error, and answers 502", async () => {
      const { user, bearer } = await customer(5);
      paid.script = "fail";
      try {
        expectProblem(await run("test.paid", bearer, { n: 1 }), 502, "provider_unavailable");
      } finally {
        paid.script = "ok";
      }
      expect(await availableCredits(t.services, user.id)).toBe(5);
      const [log] = await logsOf(user.id);
      expect(log).toMatchObject({
        status: "error",
        errorCode: "provider_unavailable",
        costCents: 0,
        creditsChargedMilli: 0,
      });
      const report = await t.services.credits.reconcile();
      expect(report.problems).toEqual([]);
    });

    it("answers a service that throws with 500 internal_error and its request id, never charged", async () => {
      const { user, bearer } = await customer(5);
      paid.script = "throw";
      try {
        const response = await run("test.paid", bearer, { n: 1 });
        const problem = expectProblem(response, 500, "internal_error");
        expect(problem.detail).not.toContain("scripted crash");
      } finally {
        paid.script = "ok";
      }
      expect(await availableCredits(t.services, user.id)).toBe(5);
      expect((await logsOf(user.id)).map((l) => [l.status, l.errorCode])).toEqual([
        ["error", "internal_error"],
      ]);
    });

    it("validates the input against the service's schema before anything is reserved", async () => {
      const { user, bearer } = await customer(5);
      const missing = expectProblem(
        await run("text_sentiment_analysis", bearer, {}),
        400,
        "validation_error",
      );
      expect(missing.errors).toEqual([
        { field: "input.text", code: "required", message: "This field is required." },
      ]);
      const wrongType = expectProblem(
        await run("text_sentiment_analysis", bearer, { text: 5 }),
        400,
        "validation_error",
      );
      expect(wrongType.errors?.[0]).toMatchObject({ field: "input.text", code: "invalid_type" });
      expectProblem(
        await run("text_sentiment_analysis", bearer, { text: "x".repeat(10_001) }),
        400,
        "validation_error",
      );
      const noInput = await t.app.inject({
        method: "POST",
        url: "/api/services/text_sentiment_analysis/run",
        headers: bearer,
        payload: { text: "hi" },
      });
      expect(expectProblem(noInput, 400, "validation_error").errors?.[0]).toMatchObject({
        field: "text",
        code: "unknown_field",
      });
      expect(await availableCredits(t.services, user.id)).toBe(5);
      expect(await logsOf(user.id)).toEqual([]);
    });

    it("takes an image upload for an image service, as solve does, and refuses JSON there", async () => {
      const { bearer } = await customer(20);
      const octet = await t.app.inject({
        method: "POST",
        url: "/api/services/image_metadata_extractor/run",
        headers: { ...bearer, "content-type": "application/octet-stream" },
        payload: jpegWithExif(4, 3, { orientation: 6 }),
      });
      expect(octet.statusCode).toBe(200);
      expect(octet.json()).toMatchObject({
        credits_charged: 10,
        balance: 10,
        result: { format: "jpeg", orientation: 6 },
      });
      expectProblem(
        await run("image_metadata_extractor", bearer, { file: "x" }),
        415,
        "unsupported_media_type",
      );
      expectProblem(
        await t.app.inject({
          method: "POST",
          url: "/api/services/text_sentiment_analysis/run",
          headers: { ...bearer, "content-type": "application/octet-stream" },
          payload: samplePng(2, 2),
        }),
        415,
        "unsupported_media_type",
      );
      expectProblem(
        await t.app.inject({
          method: "POST",
          url: "/api/services/image_metadata_extractor/run",
          headers: { ...bearer, "content-type": "application/octet-stream" },
          payload: Buffer.from("not an image"),
        }),
        415,
        "unsupported_media_type",
      );
    });

    it("takes a session with CSRF (the portal's try-it page) and refuses one without", async () => {
      const { user } = await customer(3);
      const signedIn = await signIn(t, user.id);
      expect(
        (await run("text_sentiment_analysis", signedIn.headers, { text: "fine" })).statusCode,
      ).toBe(200);
      expectProblem(
        await run("text_sentiment_analysis", withoutCsrfHeader(signedIn), { text: "fine" }),
        403,
        "csrf_failed",
      );
      expectProblem(
        await run("text_sentiment_analysis", {}, { text: "fine" }),
        401,
        "not_authenticated",
      );
    });

    it("refuses a replayed X-Request-ID with 409 duplicate_request_id, charging once", async () => {
      const { user, bearer } = await customer(10);
      const id = randomUUID();
      expect((await run("test.paid", { ...bearer, "x-request-id": id }, { n: 1 })).statusCode).toBe(
        200,
      );
      expectProblem(
        await run("test.paid", { ...bearer, "x-request-id": id }, { n: 1 }),
        409,
        "duplicate_request_id",
      );
      expect(await availableCredits(t.services, user.id)).toBe(7.5);
    });
  });

  describe("staff", () => {
    it("change a service's credit cost and price with an audit entry; customers may not", async () => {
      const staff = await createVerifiedUser(t.services.db, { isStaff: true });
      const { headers } = await signIn(t, staff.user.id);
      const changed = await t.app.inject({
        method: "PATCH",
        url: "/api/admin/services/text_sentiment_analysis",
        headers,
        payload: { credit_cost: 1.5, price_cents: 3 },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ credit_cost: 1.5, price_cents: 3, registered: true });
      try {
        const { bearer } = await customer(10);
        expect((await run("text_sentiment_analysis", bearer, { text: "ok" })).json()).toMatchObject(
          {
            credits_charged: 1.5,
          },
        );
        const audit = await t.app.inject({
          method: "GET",
          url: "/api/admin/audit-log?action=service.update&target_id=text_sentiment_analysis",
          headers,
        });
        expect(audit.json<{ results: unknown[] }>().results[0]).toMatchObject({
          actor: { id: staff.user.id, email: staff.user.email },
          action: "service.update",
          target_type: "ai_service",
          details: { credit_cost: { from: 1, to: 1.5 }, price_cents: { from: 0, to: 3 } },
        });
      } finally {
        await t.app.inject({
          method: "PATCH",
          url: "/api/admin/services/text_sentiment_analysis",
          headers,
          payload: { credit_cost: 1, price_cents: 0 },
        });
      }
      const plain = await customer();
      const refused = await t.app.inject({
        method: "PATCH",
        url: "/api/admin/services/text_sentiment_analysis",
        headers: (await signIn(t, plain.user.id)).headers,
        payload: { credit_cost: 0 },
      });
      expectProblem(refused, 403, "permission_denied");
    });

    it("refuse a credit cost with more than 3 decimals, a negative price and an unknown service", async () => {
      const staff = await createVerifiedUser(t.services.db, { isStaff: true });
      const { headers } = await signIn(t, staff.user.id);
      const patch = (name: string, payload: object) =>
        t.app.inject({ method: "PATCH", url: `/api/admin/services/${name}`, headers, payload });
      expect(
        expectProblem(
          await patch("demo_free_service", { credit_cost: 0.0001 }),
          400,
          "validation_error",
        ).errors?.[0],
      ).toMatchObject({ field: "credit_cost", code: "too_precise" });
      expectProblem(await patch("demo_free_service", { price_cents: -1 }), 400, "validation_error");
      expectProblem(await patch("demo_free_service", {}), 400, "validation_error");
      expectProblem(await patch("nope", { price_cents: 1 }), 404, "service_not_found");
    });

    it("set solve's price through core.image_solve, which is the core settings' price", async () => {
      const staff = await createVerifiedUser(t.services.db, { isStaff: true });
      const { headers } = await signIn(t, staff.user.id);
      const changed = await t.app.inject({
        method: "PATCH",
        url: "/api/admin/services/core.image_solve",
        headers,
        payload: { price_cents: 42 },
      });
      expect(changed.json()).toMatchObject({ price_cents: 42 });
      const settings = await t.app.inject({ method: "GET", url: "/api/admin/settings", headers });
      expect(settings.json()).toMatchObject({ cost_per_request_cents: 42 });
      await t.app.inject({
        method: "PATCH",
        url: "/api/admin/settings",
        headers,
        payload: { cost_per_request_cents: 100 },
      });
      const listed = await t.app.inject({ method: "GET", url: "/api/services/core.image_solve" });
      expect(listed.json()).toMatchObject({ price_cents: 100 });
    });
  });
});
