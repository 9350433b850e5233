import type { AiServiceDefinition } from "../service-definition.js";
import { demoFreeService } from "./demo-free-service.js";
import { imageMetadataExtractor } from "./image-metadata-extractor.js";
import { textSentimentAnalysis } from "./text-sentiment-analysis.js";

/** The services every installation offers out of the box; all run offline and deterministically. */
export const builtinServices: readonly AiServiceDefinition[] = [
  textSentimentAnalysis,
  imageMetadataExtractor,
  demoFreeService,
];
