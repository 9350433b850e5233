import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";

interface Operation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, unknown>;
}

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
