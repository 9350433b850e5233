// Copies the non-TypeScript files of src/ (e.g. word lists) next to the compiled code in dist/src/.
import { cpSync } from "node:fs";

cpSync("src", "dist/src", { recursive: true, filter: (source) => !source.endsWith(".ts") });
