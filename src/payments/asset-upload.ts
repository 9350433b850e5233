import { createHash } from "node:crypto";
import { pipeline, Transform, type TransformCallback } from "node:stream";
import multipart, { type Multipart, type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { declaredLength, fileTooLarge, unsupportedMediaType } from "../core/upload-limits.js";
import { watchBodySize } from "../core/upload-multipart.js";
import type { AppError } from "../platform/errors.js";
import { platformError, validationError } from "../platform/errors.js";
import { cleanContentType, cleanFilename } from "./asset-files.js";
import type { AssetStorage } from "./asset-storage.js";

/** Multipart framing (boundaries, part headers, small fields) allowed on top of the file, bytes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface StoredUpload {
  readonly key: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export type AssetUploadOutcome =
  | { readonly ok: true; readonly file: StoredUpload }
  | { readonly ok: false; readonly error: AppError };

class TooLarge extends Error {}

/**
 * Body parsing of the asset routes' plugin scope: multipart/form-data only (read by the handler,
 * streamed to storage); every other type is refused with 415 before its body is read. busboy's
 * own file limit is one byte above ours, so our counter sees the overflow and refuses it.
 */
export async function registerAssetUploadParsers(
  app: FastifyInstance,
  limit: number,
): Promise<void> {
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: {
      fileSize: limit + 1,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 12,
      headerPairs: 50,
    },
  });
  app.addContentTypeParser("*", async (): Promise<never> => {
    throw unsupportedMediaType("Send the file as multipart/form-data, in a part named 'file'.");
  });
}

/** Counts and hashes the bytes passing through; fails once more than `limit` have passed. */
function meter(limit: number) {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      size += chunk.length;
      if (size > limit) {
        callback(new TooLarge());
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ sizeBytes: size, sha256: hash.digest("hex") }) };
}

function failure(error: unknown, limit: number): AssetUploadOutcome {
  const code = (error as { code?: unknown }).code;
  if (error instanceof TooLarge || code === "FST_REQ_FILE_TOO_LARGE") {
    return { ok: false, error: fileTooLarge(limit) };
  }
  if (typeof code === "string" && code.startsWith("FST_")) {
    const message =
      code === "FST_FILES_LIMIT"
        ? "Send exactly one file, in a part named 'file'."
        : "Malformed or oversized multipart body; send one part named 'file'.";
    return {
      ok: false,
      error: validationError([{ field: "file", code: "invalid", message }], message),
    };
  }
  throw error;
}

const fileRequired = (mustClose: boolean): AssetUploadOutcome => ({
  ok: false,
  error: platformError("validation_error", "Send the file in a multipart part named 'file'.", {
    errors: [{ field: "file", code: "required", message: "A part named 'file' is required." }],
    ...(mustClose ? { headers: { Connection: "close" } } : {}),
  }),
});

async function store(
  part: MultipartFile,
  limit: number,
  storage: AssetStorage,
): Promise<StoredUpload> {
  const metered = meter(limit);
  // pipeline() destroys the file part when the meter fails, which stops busboy reading it.
  const source = pipeline(part.file, metered.stream, () => undefined);
  const { key } = await storage.put(source);
  return {
    key,
    filename: cleanFilename(part.filename),
    contentType: cleanContentType(part.mimetype),
    ...metered.result(),
  };
}

/** Stores the part named "file"; every other file part is refused, fields are skipped. */
async function storeFilePart(
  parts: AsyncIterator<Multipart>,
  first: Promise<IteratorResult<Multipart>>,
  limit: number,
  storage: AssetStorage,
): Promise<AssetUploadOutcome> {
  let stored: StoredUpload | undefined;
  const discard = async () => {
    if (stored !== undefined) await storage.delete(stored.key);
  };
  try {
    for (let next = await first; next.done !== true; next = await parts.next()) {
      const part = next.value;
      if (part.type !== "file") continue;
      if (part.fieldname !== "file" || stored !== undefined) {
        await discard();
        return fileRequired(true);
      }
      stored = await store(part, limit, storage);
    }
  } catch (error) {
    await discard();
    return failure(error, limit);
  }
  return stored === undefined ? fileRequired(false) : { ok: true, file: stored };
}

/**
 * Streams the multipart part named "file" into `storage`, never keeping more than `limit` bytes:
 * a larger file, or a body larger than the file's limit plus the framing allowance (a long
 * preamble, epilogue or field), is refused with 413 (file_too_large) as soon as it passes the
 * limit, and what was written is removed. Anything refused after the file was stored removes it.
 */
export async function receiveAssetUpload(
  request: FastifyRequest,
  limit: number,
  storage: AssetStorage,
): Promise<AssetUploadOutcome> {
  if (!request.isMultipart()) {
    return {
      ok: false,
      error: unsupportedMediaType("Send the file as multipart/form-data, in a part named 'file'."),
    };
  }
  const maxBody = limit + MULTIPART_OVERHEAD_BYTES;
  const length = declaredLength(request);
  if (length !== undefined && length > maxBody) return { ok: false, error: fileTooLarge(limit) };
  const parts = request.parts();
  // The first next() pipes the body into busboy; the size watch is attached only then, since a
  // 'data' listener on an unpiped request would start the flow and lose bytes.
  const first = parts.next();
  const watch = watchBodySize(request.raw, maxBody);
  const stored = storeFilePart(parts, first, limit, storage);
  try {
    const outcome = await Promise.race([watch.exceeded.then(() => "exceeded" as const), stored]);
    if (outcome !== "exceeded") return outcome;
    // The reading goes on until the connection closes; whatever it stores is not kept.
    void stored
      .then(async (late) => {
        if (late.ok) await storage.delete(late.file.key);
      })
      .catch(() => undefined);
    return { ok: false, error: fileTooLarge(limit) };
  } finally {
    watch.stop();
  }
}
