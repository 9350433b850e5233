import { describe, expect, it } from "vitest";
import { SERVICE_NAME_MAX_LENGTH, SERVICE_NAME_PATTERN } from "../service-definition.js";
import { builtinServices } from "./index.js";

describe("built-in services", () => {
  it("should offer sentiment analysis, image metadata and the free demo", () => {
    expect(builtinServices.map((service) => service.name)).toEqual([
      "text_sentiment_analysis",
      "image_metadata_extractor",
      "demo_free_service",
    ]);
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
