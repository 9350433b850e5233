import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import { format, resolveConfig } from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

// The web app's API types are generated from the server's own OpenAPI document and committed, so
// the frontend typechecks against the API as it is. `npm run web:api-types` rewrites the file.
const TYPES_FILE = new URL("../../web/src/api/schema.d.ts", import.meta.url);
const UPDATE = process.env["UPDATE_WEB_API_TYPES"] === "1";

const HEADER = `// Generated from GET /api/schema/ by \`npm run web:api-types\`; do not edit by hand.
// test/web/api-types.test.ts fails when this file no longer matches the server.
`;

async function generatedTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  const path = TYPES_FILE.pathname;
  const options = (await resolveConfig(path)) ?? {};
  return format(HEADER + astToString(ast), { ...options, filepath: path });
}

describe("the web app's API types (web/src/api/schema.d.ts)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("match the OpenAPI document the server publishes", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/schema/" });
    expect(response.statusCode).toBe(200);
    const expected = await generatedTypes(response.json());
    if (UPDATE) await writeFile(TYPES_FILE, expected);
    const committed = await readFile(TYPES_FILE, "utf8").catch(() => "");
    expect(
      committed === expected,
      "web/src/api/schema.d.ts is stale: run `npm run web:api-types` and commit the result",
    ).toBe(true);
  });
});
