import { createHash } from "node:crypto";
import { Type } from "typebox";
import { defineJsonService, succeeded } from "../service-definition.js";

const input = Type.Object(
  { message: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);

export const demoResult = Type.Object(
  {
    message: Type.String({ description: "The message, unchanged." }),
    length: Type.Integer({ minimum: 1, description: "Unicode code points in the message." }),
    checksum: Type.String({
      pattern: "^sha256:[0-9a-f]{64}$",
      description: "SHA-256 of the message's UTF-8 bytes, as sha256:<hex>.",
    }),
  },
  { additionalProperties: false },
);

/**
 * A free, deterministic echo for trying the API (tokens, credits, errors) without paying for a
 * model. `length` counts code points, as the input's maxLength does, not UTF-16 units.
 */
export const demoFreeService = defineJsonService({
  name: "demo_free_service",
  type: "basic",
  description:
    "Echoes your message with its length and SHA-256 checksum, free of charge, to try the API.",
  defaultCreditCost: 0,
  inputSchema: input,
  outputSchema: demoResult,
  async run({ message }) {
    return succeeded({
      message,
      length: Array.from(message).length, // code points, not UTF-16 units
      checksum: `sha256:${createHash("sha256").update(message, "utf8").digest("hex")}`,
    });
  },
});
