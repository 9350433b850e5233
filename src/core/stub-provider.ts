import { createHash } from "node:crypto";
import { inspectImage } from "./image-format.js";
import type { ImageSolver } from "./services/image-solver.js";

export const STUB_MODEL = "stub";

/**
 * The provider used when OPENAI_API_KEY is unset: no network, and a result computed from the image
 * alone (format, pixel size, byte size, SHA-256), so the same image always gets the same answer.
 */
export function createStubSolver(): ImageSolver {
  return {
    mode: "stub",
    async solveImage(bytes) {
      const info = inspectImage(bytes);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const size =
        info?.width == null || info.height == null
          ? "unknown size"
          : `${info.width}x${info.height}`;
      const result = `stub: ${info?.format ?? "unknown"} image, ${size}, ${bytes.length} bytes, sha256 ${sha256}`;
      return { ok: true, result, model: STUB_MODEL };
    },
  };
}
