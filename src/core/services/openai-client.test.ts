import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  closedPortBaseUrl,
  FAKE_ANSWER,
  startFakeOpenAi,
  type FakeOpenAi,
} from "../../../test/support/fake-openai.js";
import { samplePng } from "../sample-images.js";
import { createOpenAiClient, MAX_PROVIDER_REPLY_BYTES, parseRetryAfter } from "./openai-client.js";

const API_KEY = "sk-test-very-secret-key-0123456789";
const PROMPT = "What is in this image?";

describe("OpenAI client (against a fake server over HTTP)", () => {
  let fake: FakeOpenAi;
  const image = samplePng(4, 4);

  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.reply({ kind: "ok" });
  });

  function client(baseUrl = fake.baseUrl) {
    return createOpenAiClient({ apiKey: API_KEY, baseUrl, prompt: PROMPT });
  }

  it("sends the model, prompt, image as a data URL and the key as a bearer token", async () => {
    const outcome = await client().solveImage(image, "image/png", {
      model: "gpt-test",
      timeoutS: 5,
    });
    expect(outcome).toEqual({ ok: true, result: FAKE_ANSWER, model: "gpt-test" });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toEqual({
      model: "gpt-test",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: PROMPT },
            {
              type: "image_url",
              image_url: { url: `data:image/png;base64,${image.toString("base64")}` },
            },
          ],
        },
      ],
    });
  });

  it("reports the model the provider says it used", async () => {
    fake.reply({ kind: "ok", model: "gpt-test-2025-01-01", content: "a cat" });
    const outcome = await client().solveImage(image, "image/png", {
      model: "gpt-test",
      timeoutS: 5,
    });
    expect(outcome).toEqual({ ok: true, result: "a cat", model: "gpt-test-2025-01-01" });
  });

  it("maps a reply slower than the timeout to openai_timeout", async () => {
    fake.reply({ kind: "sleep", ms: 2500 });
    // The fake answers after 2.5 s with a valid completion: only the timeout makes this a failure.
    const outcome = await client().solveImage(image, "image/png", { model: "m", timeoutS: 1 });
    expect(outcome).toMatchObject({ ok: false, code: "openai_timeout" });
  });

  it("maps a 429 to openai_rate_limited with the provider's Retry-After", async () => {
    fake.reply({ kind: "rate_limited", retryAfter: "17" });
    const outcome = await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 });
    expect(outcome).toEqual({
      ok: false,
      code: "openai_rate_limited",
      retryAfterS: 17,
      detail: "provider answered 429",
    });
    fake.reply({ kind: "rate_limited" });
    const without = await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 });
    expect(without).toMatchObject({ ok: false, code: "openai_rate_limited" });
    expect(without).not.toHaveProperty("retryAfterS");
  });

  it("maps a 500 and a 401 to openai_error", async () => {
    fake.reply({ kind: "error", status: 500 });
    expect(
      await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 }),
    ).toMatchObject({ ok: false, code: "openai_error", detail: "provider answered 500" });
    fake.reply({ kind: "error", status: 401 });
    expect(
      await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 }),
    ).toMatchObject({ ok: false, code: "openai_error" });
  });

  it("maps an unparsable or oddly shaped reply to openai_error", async () => {
    fake.reply({ kind: "garbage" });
    expect(
      await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 }),
    ).toMatchObject({ ok: false, code: "openai_error", detail: "provider reply is not JSON" });
  });

  it("maps a reply over MAX_PROVIDER_REPLY_BYTES to openai_error, chunked or with a length", async () => {
    for (const declareLength of [false, true]) {
      fake.reply({ kind: "large", bytes: MAX_PROVIDER_REPLY_BYTES + 1, declareLength });
      const outcome = await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 });
      expect(outcome, `declareLength: ${declareLength}`).toEqual({
        ok: false,
        code: "openai_error",
        detail: `provider reply larger than ${MAX_PROVIDER_REPLY_BYTES} bytes`,
      });
    }
  });

  it("accepts a reply of exactly MAX_PROVIDER_REPLY_BYTES", async () => {
    fake.reply({ kind: "large", bytes: MAX_PROVIDER_REPLY_BYTES });
    const outcome = await client().solveImage(image, "image/png", { model: "m", timeoutS: 5 });
    expect(outcome).toMatchObject({ ok: true, model: "gpt-large" });
  });

  it("maps a refused connection to openai_unavailable", async () => {
    const outcome = await client(await closedPortBaseUrl()).solveImage(image, "image/png", {
      model: "m",
      timeoutS: 5,
    });
    expect(outcome).toMatchObject({ ok: false, code: "openai_unavailable" });
    expect(JSON.stringify(outcome)).toContain("ECONNREFUSED");
  });

  it("never puts the API key into an outcome", async () => {
    const outcomes = [];
    for (const reply of [
      { kind: "error", status: 401 },
      { kind: "garbage" },
      { kind: "rate_limited", retryAfter: "1" },
      { kind: "sleep", ms: 2500 },
    ] as const) {
      fake.reply(reply);
      outcomes.push(await client().solveImage(image, "image/png", { model: "m", timeoutS: 1 }));
    }
    expect(outcomes.map((outcome) => (outcome.ok ? "ok" : outcome.code))).toEqual([
      "openai_error",
      "openai_error",
      "openai_rate_limited",
      "openai_timeout",
    ]);
    outcomes.push(
      await client(await closedPortBaseUrl()).solveImage(image, "image/png", {
        model: "m",
        timeoutS: 5,
      }),
    );
    expect(JSON.stringify(outcomes)).not.toContain(API_KEY);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, and ignores nonsense", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
