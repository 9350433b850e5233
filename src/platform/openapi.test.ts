import { randomUUID } from "node:crypto";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { signIn } from "../../test/support/sessions.js";

interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  required?: string[];
  anyOf?: Schema[];
}

interface Operation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema: Schema }> }>;
  requestBody?: { required?: boolean };
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema: Schema }[];
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

describe("OpenAPI document", () => {
  let t: TestApp;
  let document: {
    openapi: string;
    tags?: { name: string }[];
    paths: Record<string, Record<string, Operation>>;
  };
  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.app.inject({ method: "GET", url: "/api/schema/" });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => t.close());

  it("is valid OpenAPI 3", async () => {
    expect(document.openapi).toMatch(/^3\./);
    // validate() mutates its input while dereferencing; give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it("gives every operation a unique operationId, tags and documented responses", () => {
    const ids: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.operationId, `${where} operationId`).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operation.tags?.length, `${where} tags`).toBeGreaterThan(0);
        expect(Object.keys(operation.responses ?? {}).length, `${where} responses`).toBeGreaterThan(
          0,
        );
        ids.push(operation.operationId!);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares every status an operation answers to malformed, oversized, mistyped or anonymous requests", async () => {
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const session = await signIn(t, user.id);
    const { token } = await createApiToken(t, user.id);
    const seen = new Map<string, Set<number>>();
    for (const [path, methods] of Object.entries(document.paths)) {
      // Any id will do: every probe is refused before a handler looks it up.
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      for (const [lower, operation] of Object.entries(methods)) {
        const method = lower.toUpperCase() as Method;
        const where = `${method} ${path}`;
        const credentials =
          operation.security?.[0]?.["bearerAuth"] !== undefined
            ? { authorization: `Bearer ${token}` }
            : session.headers;
        const probes: {
          name: string;
          headers: Record<string, string>;
          payload?: string;
          query?: string;
        }[] = [
          { name: "anonymous", headers: {} },
          { name: "disallowed host", headers: { ...credentials, host: "evil.example" } },
        ];
        if (operation.parameters?.some((parameter) => parameter.name === "page") === true) {
          probes.push({
            name: "page past the end",
            headers: credentials,
            query: "page=999999",
          });
        }
        if (BODY_METHODS.has(method)) {
          probes.push(
            {
              name: "wrong content type",
              headers: { ...credentials, "content-type": "application/xml" },
              payload: "<a/>",
            },
            {
              name: "oversized body",
              headers: { ...credentials, "content-type": "application/json" },
              payload: JSON.stringify({ blob: "x".repeat(1024 * 1024 + 10) }),
            },
            {
              name: "malformed JSON",
              headers: { ...credentials, "content-type": "application/json" },
              payload: '{"a": ',
            },
          );
        }
        const declared = Object.keys(operation.responses ?? {});
        for (const probe of probes) {
          const response = await t.app.inject({
            method,
            url: probe.query === undefined ? url : `${url}?${probe.query}`,
            headers: probe.headers,
            ...(probe.payload === undefined ? {} : { payload: probe.payload }),
          });
          expect(declared, `${where}, ${probe.name}: ${String(response.statusCode)}`).toContain(
            String(response.statusCode),
          );
          // …and under the media type it is sent as.
          const mediaType = String(response.headers["content-type"]).split(";")[0] ?? "";
          const content = operation.responses?.[String(response.statusCode)]?.content ?? {};
          expect(Object.keys(content), `${where}, ${probe.name}: media type`).toContain(mediaType);
          const statuses = seen.get(`${where} ${probe.name}`) ?? new Set<number>();
          seen.set(`${where} ${probe.name}`, statuses.add(response.statusCode));
        }
      }
    }
    // The probes reach what they aim at, so the check above is not vacuous.
    expect(seen.get("POST /api/customers/login wrong content type")).toEqual(new Set([415]));
    expect(seen.get("POST /api/customers/login oversized body")).toEqual(new Set([413]));
    expect(seen.get("POST /api/customers/register malformed JSON")).toEqual(new Set([400]));
    expect(seen.get("POST /api/customers/tokens wrong content type")).toEqual(new Set([415]));
    expect(seen.get("GET /api/customers/tokens anonymous")).toEqual(new Set([401]));
    expect(seen.get("GET /api/customers/tokens page past the end")).toEqual(new Set([404]));
  });

  it("declares on every operation the 503 of a database outage, with its Retry-After", () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        const unavailable = operation.responses?.["503"] as
          { description?: string; headers?: Record<string, unknown> } | undefined;
        expect(unavailable?.headers?.["Retry-After"], `${where} Retry-After`).toBeDefined();
        if (path !== "/healthz") {
          expect(unavailable?.description, where).toContain("database_unavailable");
        }
      }
    }
  });

  it("declares every error response as application/problem+json with the problem schema", () => {
    const problemMembers = ["type", "title", "status", "detail", "code", "request_id"];
    let errorResponses = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (Number(status) < 400) continue;
          errorResponses += 1;
          const where = `${method.toUpperCase()} ${path} ${status}`;
          const problem = response.content?.["application/problem+json"]?.schema;
          expect(problem?.required, where).toEqual(expect.arrayContaining(problemMembers));
          // The health check's own 503 body is JSON; every other error is a problem only.
          if (!(path === "/healthz" && status === "503")) {
            expect(Object.keys(response.content ?? {}), where).toEqual([
              "application/problem+json",
            ]);
          }
        }
      }
    }
    expect(errorResponses).toBeGreaterThan(100);
  });

  it("declares a body that may be left out as not required, and every other body as required", async () => {
    const bodies = new Map(
      Object.values(document.paths).flatMap((methods) =>
        Object.values(methods).map((operation) => [
          operation.operationId,
          operation.requestBody?.required,
        ]),
      ),
    );
    expect(bodies.get("createInvites")).toBe(false);
    expect(bodies.get("markPeriodWaived")).toBe(false);
    expect(bodies.get("createToken")).toBe(true);
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    const session = await signIn(t, user.id);
    const withoutBody = await t.app.inject({
      method: "POST",
      url: "/api/admin/invites",
      headers: session.headers,
    });
    expect(withoutBody.statusCode).toBe(201);
  });

  it("declares from/to of the usage requests as the date or date-time formats the server reads", () => {
    const parameters = document.paths["/api/customers/usage/requests"]?.["get"]?.parameters ?? [];
    for (const name of ["from", "to"]) {
      const schema = parameters.find((parameter) => parameter.name === name)?.schema;
      expect(
        schema?.anyOf?.map((branch) => branch.format ?? "pattern"),
        name,
      ).toEqual(["date", "date-time", "pattern"]);
    }
  });

  it("requires the CSRF header only on unsafe methods of session routes, never with a JWT", () => {
    const tokens = document.paths["/api/customers/tokens"];
    expect(tokens?.["get"]?.security).toEqual([{ sessionCookie: [] }, { jwtAuth: [] }]);
    expect(tokens?.["post"]?.security).toEqual([
      { sessionCookie: [], csrfHeader: [] },
      { jwtAuth: [] },
    ]);
  });

  it("declares the JWT bearer scheme beside the API token one", () => {
    const schemes = (document as { components?: { securitySchemes?: Record<string, unknown> } })
      .components?.securitySchemes;
    expect(schemes?.["jwtAuth"]).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    expect(schemes?.["bearerAuth"]).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.paths["/api/core/solve"]?.["post"]?.security).toEqual([
      { bearerAuth: [] },
      { jwtAuth: [] },
    ]);
  });

  it("uses exactly the tags it declares", () => {
    const declared = (document.tags ?? []).map((tag) => tag.name).sort();
    const used = new Set<string>();
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        for (const tag of operation.tags ?? []) used.add(tag);
      }
    }
    expect([...used].sort()).toEqual(declared);
  });

  it("serves Swagger UI at /api/docs/", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("swagger");
  });
});
