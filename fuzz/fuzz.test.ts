import { describe, expect, it } from "vitest";
import { check } from "./check.js";
import type { Draft } from "./drafts.js";
import { percentEncode, toWire, type Outcome } from "./http.js";
import { operationsOf, toJsonSchema, type Operation, type RawDocument } from "./openapi.js";
import { schemaError } from "./schemas.js";
import { violations } from "./validity.js";

const problem = {
  type: "object",
  required: ["code"],
  properties: { code: { type: "string" } },
};

const document: RawDocument = {
  openapi: "3.0.3",
  paths: {
    "/api/things/{id}": {
      post: {
        operationId: "postThing",
        security: [{ bearerAuth: [] }],
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1 } },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                additionalProperties: false,
                properties: { name: { type: "string" }, note: { type: "string", nullable: true } },
              },
            },
          },
        },
        responses: {
          "201": { content: { "application/json": { schema: { type: "object" } } } },
          "400": { content: { "application/problem+json": { schema: problem } } },
          "204": {},
        },
      },
    },
  },
};
const [operation] = operationsOf(document) as [Operation];
const id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    path: new Map([["id", id]]),
    query: new Map(),
    header: new Map(),
    body: { kind: "json", value: { name: "a" } },
    ...overrides,
  };
}

function reply(status: number, contentType: string | undefined, body: string, ms = 5): Outcome {
  return {
    status,
    headers: {
      "x-request-id": id,
      ...(contentType === undefined ? {} : { "content-type": contentType }),
    },
    body: Buffer.from(body),
    ms,
  };
}

const failuresOf = (outcome: Outcome, broken: string[] = [], anonymous = false) =>
  check({ operation, anonymous, violations: broken, outcome, slowMs: 5_000 }).failures;

describe("the fuzzer's reading of the document", () => {
  it("turns OpenAPI 3.0 nullable into a JSON Schema null alternative", () => {
    expect(toJsonSchema({ type: "string", nullable: true })).toEqual({ type: ["string", "null"] });
    expect(schemaError(toJsonSchema({ type: "string", nullable: true }), null)).toBeUndefined();
    expect(operation.secured).toBe(true);
  });

  it("reads query numbers as plain decimal only, as the server does", () => {
    expect(violations(operation, draft({ query: new Map([["page", ["2"]]]) }))).toEqual([]);
    for (const text of ["0x10", "1e1", " 1", "abc"]) {
      expect(
        violations(operation, draft({ query: new Map([["page", [text]]]) })),
        text,
      ).toHaveLength(1);
    }
  });

  it("finds a missing required member, an unknown one, a missing body and malformed JSON", () => {
    expect(violations(operation, draft({ body: { kind: "json", value: {} } }))).toHaveLength(1);
    expect(
      violations(operation, draft({ body: { kind: "json", value: { name: "a", x: 1 } } })),
    ).toHaveLength(1);
    expect(violations(operation, draft({ body: undefined }))).toEqual([
      "the required body is missing",
    ]);
    const malformed = {
      kind: "raw" as const,
      mediaType: "application/json",
      bytes: Buffer.from("{"),
    };
    expect(violations(operation, draft({ body: malformed }))).toEqual([
      "the body is not valid JSON",
    ]);
    const xml = { kind: "raw" as const, mediaType: "application/xml", bytes: Buffer.from("<a/>") };
    expect(violations(operation, draft({ body: xml }))).toHaveLength(1);
  });
});

describe("the fuzzer's rules for replies", () => {
  it("passes a declared status with its declared media type and a body its schema takes", () => {
    expect(failuresOf(reply(201, "application/json; charset=utf-8", "{}"))).toEqual([]);
    expect(failuresOf(reply(204, undefined, ""))).toEqual([]);
    expect(
      failuresOf(
        reply(
          400,
          "application/problem+json; charset=utf-8",
          JSON.stringify({ code: "x", status: 400, request_id: id }),
        ),
      ),
    ).toEqual([]);
  });

  it("fails a 5xx, an undeclared status, an undeclared media type, a body off its schema", () => {
    expect(failuresOf(reply(500, "application/problem+json", '{"code":"x","status":500}'))).toEqual(
      expect.arrayContaining(["server error 500", "status 500 is not declared"]),
    );
    expect(failuresOf(reply(400, "application/json", '{"code":"x"}'))[0]).toMatch(
      /media type application\/json is not declared for 400/,
    );
    expect(failuresOf(reply(400, "application/problem+json", "{}"))[0]).toMatch(
      /does not match the 400 schema/,
    );
    expect(failuresOf(reply(204, "application/json", "{}"))[0]).toMatch(/not declared for 204/);
    expect(failuresOf(reply(400, "application/problem+json", '{"code":"x","status":404}'))).toEqual(
      ["the problem's status 404 is not the reply's 400"],
    );
  });

  it("fails a slow reply, one without X-Request-ID, and a 2xx for forbidden or anonymous input", () => {
    expect(failuresOf(reply(201, "application/json", "{}", 6_000))).toEqual([
      "slow: 6000 ms (limit 5000 ms)",
    ]);
    const noId = {
      ...reply(201, "application/json", "{}"),
      headers: { "content-type": "application/json" },
    };
    expect(failuresOf(noId)).toEqual(["no X-Request-ID"]);
    expect(failuresOf(reply(201, "application/json", "{}"), ["body: name is required"])[0]).toMatch(
      /^201 for input the document forbids/,
    );
    expect(failuresOf(reply(201, "application/json", "{}"), [], true)).toEqual([
      "201 without credentials on a secured operation",
    ]);
  });
});

describe("the fuzzer's requests", () => {
  it("percent-encodes a lone surrogate as its WTF-8 bytes, which encodeURIComponent refuses", () => {
    expect(percentEncode("a\udfffb")).toBe("a%ED%BF%BFb");
    expect(percentEncode("\u{1F600} /")).toBe("%F0%9F%98%80%20%2F");
    expect(() => encodeURIComponent("\udfff")).toThrow();
  });

  it("puts path, query and body on the wire with the context's credentials", () => {
    const wire = toWire(
      "http://127.0.0.1:1",
      operation,
      draft({ query: new Map([["page", ["1", "2"]]]) }),
      { authorization: "Bearer tok_x" },
    );
    expect(wire.url).toBe(`http://127.0.0.1:1/api/things/${id}?page=1&page=2`);
    expect(wire.headers).toEqual({
      authorization: "Bearer tok_x",
      "content-type": "application/json",
    });
    expect(wire.body?.toString()).toBe('{"name":"a"}');
  });
});
