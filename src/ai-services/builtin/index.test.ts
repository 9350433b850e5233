import { describe, expect, it } from "vitest";
import { SERVICE_NAME_MAX_LENGTH, SERVICE_NAME_PATTERN } from "../service-definition.js";
import { demoFreeService, demoResult } from "./demo-free-service.js";
import { imageMetadataExtractor, imageMetadataResult } from "./image-metadata-extractor.js";
import { builtinServices } from "./index.js";
import { sentimentResult, textSentimentAnalysis } from "./text-sentiment-analysis.js";

describe("built-in services", () => {
  it("should offer sentiment analysis, image metadata and the free demo, each at its price", () => {
    expect(builtinServices).toEqual([
      textSentimentAnalysis,
      imageMetadataExtractor,
      demoFreeService,
    ]);
    expect(textSentimentAnalysis).toMatchObject({
      name: "text_sentiment_analysis",
      type: "text_processing",
      defaultCreditCost: 1,
      outputSchema: sentimentResult,
    });
    expect(imageMetadataExtractor).toMatchObject({
      name: "image_metadata_extractor",
      type: "image_processing",
      defaultCreditCost: 10,
      outputSchema: imageMetadataResult,
    });
    expect(demoFreeService).toMatchObject({
      name: "demo_free_service",
      type: "basic",
      defaultCreditCost: 0,
      outputSchema: demoResult,
    });
  });

  it("should each have a valid unique name and a one-sentence description", () => {
    const names = builtinServices.map((service) => service.name);
    expect(new Set(names).size).toBe(names.length);
    for (const service of builtinServices) {
      expect(service.name).toMatch(new RegExp(SERVICE_NAME_PATTERN));
      expect(service.name.length).toBeLessThanOrEqual(SERVICE_NAME_MAX_LENGTH);
      expect(service.description).toMatch(/^[A-Z][^.]*\.$/);
      expect(Number.isInteger(service.defaultCreditCost * 1000)).toBe(true);
    }
  });
});
