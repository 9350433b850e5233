import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, logCapture, type TestApp } from "../../../test/support/app.js";
import { expectProblem } from "../../../test/support/problems.js";
import { createLogger } from "../logging.js";
import {
  createDatabaseOutageMonitor,
  DATABASE_RETRY_AFTER_S,
  type DatabaseOutageMonitor,
} from "./outage.js";

interface Line {
  level: number;
  msg: string;
  refused?: number;
  refused_since_warning?: number;
  outage_s?: number;
  reason?: string;
}

const refusal = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

/** Every monitor a test made, so its probe is stopped after the test. */
const monitors: DatabaseOutageMonitor[] = [];

function monitorWithClock(ping: () => Promise<boolean> = () => Promise.resolve(false)) {
  const capture = logCapture();
  let now = 0;
  const monitor = createDatabaseOutageMonitor({
    log: createLogger({ logLevel: "info" }, capture.stream),
    ping,
    intervalMs: 10_000,
    probeIntervalMs: 20,
    now: () => now,
  });
  monitors.push(monitor);
  const lines = () =>
    capture
      .text()
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Line);
  return {
    monitor,
    lines,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("the database outage monitor", () => {
  afterEach(() => {
    for (const monitor of monitors.splice(0)) monitor.close();
  });

  it("warns once when an outage starts, then once per interval with the refusals since", () => {
    const { monitor, lines, advance } = monitorWithClock();
    for (let i = 0; i < 50; i += 1) {
      monitor.refused(refusal());
      advance(100);
    }
    // 5 s in: one warning, for the first refusal.
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({
      level: 40,
      refused: 1,
      outage_s: 0,
      reason: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432",
    });
    expect(JSON.stringify(lines()[0])).not.toContain("stack");
    for (let i = 0; i < 60; i += 1) {
      monitor.refused(refusal());
      advance(100);
    }
    // 11 s in: a second warning, at 10 s, counting the 100 refusals since the first.
    expect(lines()).toHaveLength(2);
    expect(lines()[1]).toMatchObject({ level: 40, refused: 100, outage_s: 10 });
    expect(monitor.active).toBe(true);
  });

  it("logs the recovery once, with how many requests were refused", () => {
    const { monitor, lines, advance } = monitorWithClock();
    monitor.reachable();
    expect(lines()).toEqual([]);
    for (let i = 0; i < 3; i += 1) monitor.refused(refusal());
    advance(4_000);
    monitor.reachable();
    monitor.reachable();
    expect(monitor.active).toBe(false);
    expect(lines().map((line) => line.msg)).toEqual([
      "database unavailable: requests are answered 503 database_unavailable until it is back",
      "database reachable again",
    ]);
    expect(lines()[1]).toMatchObject({
      level: 30,
      refused: 3,
      refused_since_warning: 2,
      outage_s: 4,
    });
  });

  it("keeps warning at most once per interval when the database flaps", () => {
    const { monitor, lines, advance } = monitorWithClock();
    for (let i = 0; i < 5; i += 1) {
      monitor.refused(refusal());
      monitor.reachable();
      advance(1_000);
    }
    expect(lines().filter((line) => line.level === 40)).toHaveLength(1);
  });

  it("tries the database while the outage lasts and logs its end without a request", async () => {
    let answers = false;
    let pings = 0;
    const { monitor, lines } = monitorWithClock(() => {
      pings += 1;
      return Promise.resolve(answers);
    });
    monitor.refused(refusal());
    await vi.waitFor(() => {
      expect(pings).toBeGreaterThanOrEqual(2);
    });
    expect(monitor.active).toBe(true);
    answers = true;
    await vi.waitFor(() => {
      expect(monitor.active).toBe(false);
    });
    expect(lines().map((line) => line.msg)).toContain("database reachable again");
    // Nothing to watch any more: the probe stops.
    const after = pings;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pings).toBe(after);
  });
});

describe("a request the database could not serve", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      logLevel: "info",
      routes: (app) => {
        app.get("/test/db-gone", { config: { access: "public" } }, () => {
          throw new Error("Query failed", { cause: refusal() });
        });
        app.get("/test/bug", { config: { access: "public" } }, () => {
          throw new Error("a bug");
        });
      },
    });
  });
  afterAll(async () => t.close());

  it("is answered 503 database_unavailable with Retry-After, and other errors stay 500", async () => {
    const gone = await t.app.inject({ method: "GET", url: "/test/db-gone" });
    const { request_id: goneId } = expectProblem(gone, 503, "database_unavailable");
    expect(gone.headers["retry-after"]).toBe(String(DATABASE_RETRY_AFTER_S));
    const bug = await t.app.inject({ method: "GET", url: "/test/bug" });
    expectProblem(bug, 500, "internal_error");
    const lines = t
      .logs()
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Line & { request_id?: string; err?: unknown });
    // The monitor's warning, not an error with a stack for the request.
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      "database unavailable: requests are answered 503 database_unavailable until it is back",
    ]);
    const ofGone = lines.filter((line) => line.request_id === goneId);
    expect(ofGone.filter((line) => line.level >= 50 || line.err !== undefined)).toEqual([]);
  });
});
