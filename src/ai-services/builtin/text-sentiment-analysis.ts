import Sentiment from "sentiment";
import { Type } from "typebox";
import { defineJsonService, succeeded } from "../service-definition.js";

const input = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);

export const sentimentResult = Type.Object(
  {
    sentiment: Type.Union([
      Type.Literal("positive"),
      Type.Literal("negative"),
      Type.Literal("neutral"),
    ]),
    score: Type.Number({
      minimum: -1,
      maximum: 1,
      description: "Mean lexicon score of the scored words, from -1 (negative) to 1 (positive).",
    }),
    confidence: Type.Number({
      minimum: 0,
      maximum: 1,
      description: "How much of the text carries sentiment and how consistently, from 0 to 1.",
    }),
    words_scored: Type.Integer({ minimum: 0, description: "Words found in the lexicon." }),
  },
  { additionalProperties: false },
);

/** AFINN rates each word from -5 to 5. */
const AFINN_MAX = 5;
/** |score| below this is neutral: a net lean under a quarter of AFINN's mildest word per word. */
const NEUTRAL_BAND = 0.05;
/** Share of scored words at which coverage counts half; opinionated prose scores about 1 in 10. */
const HALF_CONFIDENCE_COVERAGE = 0.1;

const analyzer = new Sentiment();

const round3 = (value: number) => Math.round(value * 1000) / 1000 + 0; // + 0 turns -0 into 0

/**
 * The package splits tokens on the ASCII space only and knows negators with a straight apostrophe,
 * so tabs, no-break spaces and typographic apostrophes ("don’t") would hide words from it.
 */
function normalize(text: string): string {
  return text.replace(/\s+/gu, " ").replace(/[\u2018\u2019\u02bc]/gu, "'");
}

/**
 * Sentiment of English text from the AFINN-165 lexicon and its emoji list, as scored by the
 * `sentiment` package, which also flips a word that follows a negator ("not good"). With n scored
 * words w₁…wₙ and t tokens:
 *
 * - score = Σw / (5n), clamped to -1..1: the mean scored word on a -1..1 scale, so a long text is
 *   not more extreme than a short one saying the same; 0 when n = 0.
 * - sentiment = the sign of the score, neutral when |score| < 0.05 (mixed words that cancel).
 * - confidence = agreement × coverage / (coverage + 0.1), with agreement = |Σw| / Σ|w| (1 when all
 *   scored words point the same way, 0 when they cancel) and coverage = n / t. It grows with both,
 *   is 0 with no scored word and stays below 1: a lexicon never sees everything a text says.
 *
 * Numbers are rounded to 3 decimals so the same text always gives the same JSON.
 *
 * It reports no tokens: it is priced per call, and counting its words against a plan's
 * tokens_per_month would stop a Free customer who bought credits after a paragraph.
 */
export const textSentimentAnalysis = defineJsonService({
  name: "text_sentiment_analysis",
  type: "text_processing",
  description:
    "Rates the sentiment of English text as positive, negative or neutral, with a score and a confidence.",
  defaultCreditCost: 1,
  inputSchema: input,
  outputSchema: sentimentResult,
  async run({ text }) {
    const analysis = analyzer.analyze(normalize(text));
    const weights = analysis.calculation.flatMap((entry) => Object.values(entry));
    const tokens = analysis.tokens.filter((token) => token !== "").length;
    const sum = weights.reduce((total, weight) => total + weight, 0);
    const magnitude = weights.reduce((total, weight) => total + Math.abs(weight), 0);
    const wordsScored = weights.length;

    const score =
      wordsScored === 0 ? 0 : round3(Math.max(-1, Math.min(1, sum / (AFINN_MAX * wordsScored))));
    const agreement = magnitude === 0 ? 0 : Math.abs(sum) / magnitude;
    const coverage = tokens === 0 ? 0 : wordsScored / tokens;
    const confidence = round3((agreement * coverage) / (coverage + HALF_CONFIDENCE_COVERAGE));
    const sentiment =
      Math.abs(score) < NEUTRAL_BAND ? "neutral" : score > 0 ? "positive" : "negative";
    return succeeded({ sentiment, score, confidence, words_scored: wordsScored });
  },
});
