import { createServer, type AddressInfo, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { freePort } from "../../../test/support/free-port.js";
import { openDatabase } from "./database.js";
import { isDatabaseUnavailable, isUniqueViolation, rootCauseSummary } from "./errors.js";

const failureOf = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => {
      throw new Error("expected the statement to fail");
    },
    (error: unknown) => error,
  );

/** An error shaped as node-postgres or Node's net module reports it. */
function driverError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe("isDatabaseUnavailable on the errors of a database that answers", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.query("create table classifier_probe (id int primary key)");
    await database.query("insert into classifier_probe values (1)");
  });
  afterAll(async () => database.close());

  it.each([
    ["a unique violation", "insert into classifier_probe values (1)"],
    ["a syntax error", "selec 1"],
    ["an invalid uuid", "select 'not-a-uuid'::uuid"],
    ["a division by zero", "select 1 / 0"],
    ["an unknown table", "select * from no_such_table"],
    ["a not-null violation", "insert into classifier_probe values (null)"],
  ])("is false for %s", async (_name, statement) => {
    const error = await failureOf(database.db.execute(sql.raw(statement)));
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("still finds a unique violation through Drizzle's wrapper", async () => {
    const error = await failureOf(
      database.db.execute(sql.raw("insert into classifier_probe values (1)")),
    );
    expect(isUniqueViolation(error)).toBe(true);
  });
});

describe("isDatabaseUnavailable on a database that cannot be reached", () => {
  it.each([
    ["57P01", "terminating connection due to administrator command"],
    ["57P02", "terminating connection because of crash of another server process"],
    ["57P03", "the database system is starting up"],
    ["53300", "sorry, too many clients already"],
    ["08006", "connection failure"],
    ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"],
    ["ECONNRESET", "read ECONNRESET"],
    ["EPIPE", "write EPIPE"],
    ["ETIMEDOUT", "connect ETIMEDOUT 10.0.0.1:5432"],
  ])("is true for %s", (code, message) => {
    expect(isDatabaseUnavailable(driverError(message, code))).toBe(true);
  });

  it.each([
    "Connection terminated unexpectedly",
    "Connection terminated due to connection timeout",
    "timeout exceeded when trying to connect",
    "Client has encountered a connection error and is not queryable",
  ])("is true for node-postgres' %j", (message) => {
    expect(isDatabaseUnavailable(driverError(message))).toBe(true);
  });

  it("walks the causes, as Drizzle wraps the driver's error", () => {
    const wrapped = new DrizzleQueryError(
      "select 1",
      [],
      driverError("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
    );
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(rootCauseSummary(wrapped)).toBe("ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432");
  });

  it("is false for what is not an outage", () => {
    for (const error of [
      undefined,
      null,
      "Connection terminated unexpectedly",
      new Error("boom"),
      new Error("Connection terminated"),
      driverError("duplicate key value violates unique constraint", "23505"),
      driverError("password authentication failed for user", "28P01"),
      new DrizzleQueryError("select 1", [], driverError("syntax error", "42601")),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });

  it("stops at a cycle of causes", () => {
    const error = new Error("outer") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("is true for a real pool whose server is gone (connection refused)", async () => {
    const port = await freePort();
    const database = await openDatabase({ url: `postgres://tollgate@127.0.0.1:${port}/gone` });
    try {
      const error = await failureOf(database.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it("is true, within the connect timeout, for a server that never completes the start-up", async () => {
    // Accepts TCP connections and never says a word: without a bound the query would hang.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const database = await openDatabase({
      url: `postgres://tollgate@127.0.0.1:${String(port)}/silent`,
      connectTimeoutMs: 300,
    });
    try {
      const started = performance.now();
      const error = await failureOf(database.db.execute(sql`select 1`));
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await database.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
