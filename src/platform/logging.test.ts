import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logCapture } from "../../test/support/app.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { createLogger } from "./logging.js";

describe("logging of database errors", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => database.close());

  it("keeps the statement but not the values bound to it", async () => {
    const error = await database.db
      .execute(sql`select ${"victim@example.com"}::uuid as id`)
      .then(() => undefined)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const capture = logCapture();
    createLogger({ logLevel: "info" }, capture.stream).error({ err: error }, "request failed");
    const line = capture.text();
    expect(line).toContain("::uuid");
    expect(line).toContain("params: [redacted]");
    expect(line).not.toContain("victim@example.com");
  });

  it("redacts every value, even one shaped like a stack frame", () => {
    const error = new DrizzleQueryError(
      "insert into api_tokens (name, token_hash) values ($1, $2)",
      ["evil\n    at (trick.js:1:1)", "$argon2id$secret-hash"],
      new Error("boom"),
    );
    const capture = logCapture();
    createLogger({ logLevel: "info" }, capture.stream).error({ err: error }, "request failed");
    const line = capture.text();
    expect(line).toContain("insert into api_tokens");
    expect(line).not.toContain("secret-hash");
    expect(line).not.toContain("trick.js");
  });
});
