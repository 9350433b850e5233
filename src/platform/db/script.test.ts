import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { renderScript } from "./script.js";

describe("scripts: several statements in one round trip", () => {
  it("writes parameters as literals that cannot break out of their quotes", () => {
    const tricky = "it's a \\'test\\' with $2 and $1 inside";
    const text = renderScript([
      sql`select ${tricky}::text as a, ${5}::int as b, ${null}::text as c, ${true} as d`,
      sql`select ${new Date("2026-01-02T03:04:05Z")}::timestamptz as e, ${-7} as f`,
    ]);
    expect(text).toBe(
      "select E'it\\'s a \\\\\\'test\\\\\\' with $2 and $1 inside'::text as a, 5::int as b, NULL::text as c, TRUE as d;\n" +
        "select E'2026-01-02T03:04:05.000Z'::timestamptz as e, -7 as f",
    );
    expect(() => renderScript([sql`select ${"a\u0000b"}`])).toThrow(RangeError);
    expect(() => renderScript([sql`select ${Number.NaN}`])).toThrow(RangeError);
  });

  describe("on the database", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
      await database.query("create table script_test (n int primary key, note text)");
    });
    afterAll(async () => database.close());

    it("returns each statement's rows, values intact", async () => {
      const note = "quote ' backslash \\ dollar $1 unicode é ✓";
      const results = await database.script([
        sql`insert into script_test (n, note) values (${1}, ${note}) returning n`,
        sql`select note from script_test where n = ${1}`,
      ]);
      expect(results).toEqual([[{ n: 1 }], [{ note }]]);
    });

    it("runs the statements as one transaction: a failure rolls back the ones before it", async () => {
      await expect(
        database.script([
          sql`insert into script_test (n, note) values (${2}, ${"kept?"})`,
          sql`insert into script_test (n, note) values (${1}, ${"duplicate key"})`,
        ]),
      ).rejects.toThrow();
      expect(await database.query("select n from script_test order by n")).toEqual([{ n: 1 }]);
    });
  });
});
