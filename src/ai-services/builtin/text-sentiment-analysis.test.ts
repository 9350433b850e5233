import { describe, expect, it } from "vitest";
import {
  acceptsInput,
  expectSucceeded,
  runJsonService,
} from "../../../test/support/ai-services.js";
import { sentimentResult, textSentimentAnalysis } from "./text-sentiment-analysis.js";

async function analyze(text: string) {
  return expectSucceeded(sentimentResult, await runJsonService(textSentimentAnalysis, { text }));
}

describe("text_sentiment_analysis", () => {
  it("should rate a text of agreeing positive words positive, with the documented numbers", async () => {
    // love +3, great +3 among 6 tokens: score 6 / (5 × 2), coverage 1/3, agreement 1.
    expect(await analyze("I love this, it is great!")).toEqual({
      sentiment: "positive",
      score: 0.6,
      confidence: 0.769, // (1/3) / (1/3 + 0.1)
      words_scored: 2,
    });
  });

  it("should rate a text of negative words negative", async () => {
    expect(await analyze("This is bad. Really bad, a terrible waste.")).toMatchObject({
      sentiment: "negative",
      score: -0.5, // bad, bad, terrible -3 each, waste -1: -10 / (5 × 4)
      words_scored: 4,
    });
    expect((await analyze("awful")).score).toBe(-0.6);
  });

  it("should flip a word that follows a negator, with straight or typographic apostrophes", async () => {
    expect(await analyze("not good")).toMatchObject({ sentiment: "negative", score: -0.6 });
    const straight = await analyze("I don't like it");
    expect(straight).toMatchObject({ sentiment: "negative", words_scored: 1 });
    expect(await analyze("I don\u2019t like it")).toEqual(straight);
  });

  it("should be neutral with zero confidence when the scored words cancel out", async () => {
    expect(await analyze("The food was good but the service was bad.")).toEqual({
      sentiment: "neutral",
      score: 0,
      confidence: 0,
      words_scored: 2,
    });
  });

  it("should be neutral with score and confidence 0 when no word is in the lexicon", async () => {
    const none = { sentiment: "neutral", score: 0, confidence: 0, words_scored: 0 };
    for (const text of [
      "The meeting is at noon.",
      "Café très bon",
      "日本語のテキスト",
      "!!!",
      " ",
    ]) {
      expect(await analyze(text)).toEqual(none);
    }
  });

  it("should score emoji from the package's emoji list", async () => {
    expect(await analyze("😀")).toMatchObject({ sentiment: "positive", words_scored: 1 });
  });

  it("should find words separated by tabs, newlines and no-break spaces", async () => {
    expect((await analyze("good\tgreat\nnice\u00a0happy")).words_scored).toBe(4);
  });

  it("should give more confidence when more of the text is scored or its words agree more", async () => {
    const confidence = async (text: string) => (await analyze(text)).confidence;
    // Coverage: the same two positive words in ever longer texts.
    const short = await confidence("great wonderful");
    const longer = await confidence("great wonderful day at the lake");
    const longest = await confidence("great wonderful day at the lake with my friends and family");
    expect(short).toBeGreaterThan(longer);
    expect(longer).toBeGreaterThan(longest);
    expect(longest).toBeGreaterThan(0);
    // Agreement: same length and coverage, one word changed from positive to negative.
    expect(await confidence("great wonderful happy day")).toBeGreaterThan(
      await confidence("great wonderful sad day"),
    );
    expect(short).toBeLessThan(1);
  });

  it("should keep score to the mean word, so repeating a text does not make it more extreme", async () => {
    const once = await analyze("good");
    expect(await analyze("good good good good")).toMatchObject({
      score: once.score,
      words_scored: 4,
    });
  });

  it("should label by the score's sign with a neutral band under 0.05", async () => {
    // Seven +1 words against two -4 ones: (7 - 8) / (5 × 9) ≈ -0.022, inside the band.
    const mixed = "acceptable ".repeat(7) + "catastrophic catastrophic";
    expect(await analyze(mixed)).toMatchObject({ sentiment: "neutral", score: -0.022 });
    // Three +1 words against one -2: 1 / (5 × 4) = 0.05, on the band's edge.
    expect(await analyze("acceptable acceptable acceptable abandon")).toMatchObject({
      sentiment: "positive",
      score: 0.05,
    });
  });

  it("should answer the same JSON, numbers with at most 3 decimals, for the same text", async () => {
    const text = "Honestly the update is nice, though support was slow and a bit rude.";
    const first = JSON.stringify(await analyze(text));
    expect(JSON.stringify(await analyze(text))).toBe(first);
    for (const number of first.match(/-?\d+\.\d+/g) ?? []) {
      expect(number.split(".")[1]!.length).toBeLessThanOrEqual(3);
    }
  });

  it("should analyze a 10,000-character text quickly", async () => {
    const text = "A lovely day, sadly the train was late and awful. ".repeat(200).slice(0, 10_000);
    const started = performance.now();
    const result = await analyze(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.words_scored).toBeGreaterThan(500);
  });

  it("should accept 1 to 10,000 characters of text and nothing else", () => {
    expect(acceptsInput(textSentimentAnalysis, { text: "a" })).toBe(true);
    expect(acceptsInput(textSentimentAnalysis, { text: "a".repeat(10_000) })).toBe(true);
    expect(acceptsInput(textSentimentAnalysis, { text: "" })).toBe(false);
    expect(acceptsInput(textSentimentAnalysis, { text: "a".repeat(10_001) })).toBe(false);
    expect(acceptsInput(textSentimentAnalysis, {})).toBe(false);
    expect(acceptsInput(textSentimentAnalysis, { text: 5 })).toBe(false);
    expect(acceptsInput(textSentimentAnalysis, { text: "good", language: "en" })).toBe(false);
  });
});
