import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import {
  closedPortBaseUrl,
  startFakeOpenAi,
  type FakeOpenAi,
} from "../../test/support/fake-openai.js";
import { solveAsNewCustomer } from "../../test/support/solve.js";
import { fixedClock } from "../platform/clock.js";
import { PROVIDER_CHECK_INTERVAL_MS } from "./provider-health.js";

const API_KEY = "sk-test-health-key-5c1e7a";
const START = "2025-03-10T12:00:00Z";

async function health(t: TestApp) {
  const response = await t.app.inject({ method: "GET", url: "/healthz" });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

describe("/healthz and the AI provider", () => {
  let fake: FakeOpenAi;
  let base: TestApp;
  const apps: TestApp[] = [];
  const clock = fixedClock(START);

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: API_KEY });
    base = await createTestApp({ clock });
  });
  afterAll(async () => {
    await base.close();
    await fake.close();
  });
  beforeEach(() => {
    clock.set(START);
    fake.requests.length = 0;
    fake.reply({ kind: "ok" });
  });
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
  });

  /** A fresh app, so a fresh provider check cache, on the shared database. */
  async function app(env: Record<string, string>, logLevel?: string): Promise<TestApp> {
    const t = await createTestApp({
      clock,
      env,
      database: base.database,
      ...(logLevel === undefined ? {} : { logLevel }),
    });
    apps.push(t);
    return t;
  }

  const withKey = (key = API_KEY) => ({ OPENAI_API_KEY: key, OPENAI_BASE_URL: fake.baseUrl });
  const modelCalls = () => fake.requests.filter((r) => r.path === "/v1/models");

  it("says ok when the provider lists its models for our key", async () => {
    const t = await app(withKey());
    expect(await health(t)).toEqual({
      status: 200,
      body: { status: "ok", db: "ok", openai: "ok" },
    });
    expect(modelCalls()).toHaveLength(1);
    expect(modelCalls()[0]?.method).toBe("GET");
    expect(modelCalls()[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("says error, and stays healthy, when the provider refuses the key (401)", async () => {
    const wrongKey = "sk-test-wrong-key-0d9f21";
    const t = await app(withKey(wrongKey), "warn");
    expect(await health(t)).toEqual({
      status: 200,
      body: { status: "ok", db: "ok", openai: "error" },
    });
    expect(t.logs()).toContain("AI provider check failed");
    expect(t.logs()).toContain("provider answered 401");
    expect(t.logs()).not.toContain(wrongKey);
  });

  it("says error, and stays healthy, when the provider fails or cannot be reached", async () => {
    fake.reply({ kind: "error", status: 503 });
    const failing = await app(withKey());
    expect((await health(failing)).body).toEqual({ status: "ok", db: "ok", openai: "error" });

    const down = await app({ OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: await closedPortBaseUrl() });
    expect(await health(down)).toEqual({
      status: 200,
      body: { status: "ok", db: "ok", openai: "error" },
    });
  });

  it("gives up on a provider that does not answer within the check's timeout", async () => {
    fake.reply({ kind: "sleep", ms: 10_000 });
    const t = await app(withKey());
    const started = Date.now();
    expect((await health(t)).body).toMatchObject({ status: "ok", openai: "error" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("says stub, calling nobody, without OPENAI_API_KEY", async () => {
    expect((await health(base)).body).toEqual({ status: "ok", db: "ok", openai: "stub" });
    const t = await app({ OPENAI_BASE_URL: fake.baseUrl });
    expect((await health(t)).body).toEqual({ status: "ok", db: "ok", openai: "stub" });
    expect(fake.requests).toHaveLength(0);
  });

  it("calls the provider at most once a minute, reusing the last answer in between", async () => {
    const t = await app(withKey());
    expect((await health(t)).body["openai"]).toBe("ok");
    fake.reply({ kind: "error", status: 500 });
    clock.set(new Date(Date.parse(START) + PROVIDER_CHECK_INTERVAL_MS - 1));
    for (let i = 0; i < 5; i += 1) expect((await health(t)).body["openai"]).toBe("ok");
    expect(modelCalls()).toHaveLength(1);

    clock.set(new Date(Date.parse(START) + PROVIDER_CHECK_INTERVAL_MS));
    expect((await health(t)).body["openai"]).toBe("error");
    expect((await health(t)).body["openai"]).toBe("error");
    expect(modelCalls()).toHaveLength(2);
  });

  it("lets parallel probes during a check share that one provider call", async () => {
    fake.reply({ kind: "sleep", ms: 300 });
    const t = await app(withKey());
    const answers = await Promise.all(Array.from({ length: 20 }, () => health(t)));
    expect(answers.map((a) => a.body["openai"])).toEqual(Array(20).fill("ok"));
    expect(modelCalls()).toHaveLength(1);
  });

  it("never checks the provider on the solve path", async () => {
    const { response } = await solveAsNewCustomer(await app(withKey()));
    expect(response.statusCode).toBe(200);
    expect(fake.requests.map((r) => r.path)).toEqual(["/v1/chat/completions"]);
  });
});
