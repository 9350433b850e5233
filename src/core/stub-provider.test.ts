import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { samplePng } from "./sample-images.js";
import { createStubSolver } from "./stub-provider.js";

describe("stub provider", () => {
  const options = { model: "gpt-anything", timeoutS: 30 };

  it("answers from the image itself: format, size, byte count and SHA-256, as model stub", async () => {
    const image = samplePng(12, 7);
    const sha256 = createHash("sha256").update(image).digest("hex");
    const outcome = await createStubSolver().solveImage(image, "image/png", options);
    expect(outcome).toEqual({
      ok: true,
      model: "stub",
      result: `stub: png image, 12x7, ${image.length} bytes, sha256 ${sha256}`,
    });
  });

  it("is deterministic: the same image gets the same answer, another image another one", async () => {
    const solver = createStubSolver();
    const a = await solver.solveImage(samplePng(8, 8, 1), "image/png", options);
    const again = await solver.solveImage(samplePng(8, 8, 1), "image/png", options);
    const b = await solver.solveImage(samplePng(8, 8, 2), "image/png", options);
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
  });
});
