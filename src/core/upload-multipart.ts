import type { IncomingMessage } from "node:http";
import type { Multipart } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { platformError, validationError } from "../platform/errors.js";
import {
  declaredLength,
  fileTooLarge,
  readStreamWithLimit,
  type UploadOutcome,
} from "./upload-limits.js";

/** Multipart framing (boundaries, part headers, small fields) allowed on top of the file, bytes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const MULTIPART_ERRORS: Readonly<Record<string, string>> = {
  FST_FILES_LIMIT: "Send exactly one file, in a part named 'file'.",
  FST_PARTS_LIMIT: "Too many parts; send one part named 'file'.",
  FST_FIELDS_LIMIT: "Too many fields; send one part named 'file'.",
  FST_PROTO_VIOLATION: "Malformed multipart body.",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "Malformed multipart body.",
};

function multipartFailure(error: unknown, limit: number): UploadOutcome {
  const code = (error as { code?: unknown }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return { ok: false, error: fileTooLarge(limit) };
  const message = typeof code === "string" ? MULTIPART_ERRORS[code] : undefined;
  return {
    ok: false,
    error: validationError(
      [{ field: "file", code: "invalid", message: message ?? "Malformed multipart body." }],
      message ?? "Malformed multipart body.",
    ),
  };
}

/** No part named "file"; `mustClose` when the rest of the body is left unread. */
function fileRequired(mustClose: boolean): UploadOutcome {
  return {
    ok: false,
    error: platformError("validation_error", "Send the image in a multipart part named 'file'.", {
      errors: [{ field: "file", code: "required", message: "A part named 'file' is required." }],
      ...(mustClose ? { headers: { Connection: "close" } } : {}),
    }),
  };
}

/**
 * Settles `exceeded` once more than `max` body bytes have arrived. busboy reads whatever lies
 * outside the file part (an over-long field, a preamble or epilogue) to its end, discarding it,
 * so the file limit alone would not stop a long body from being read.
 */
export function watchBodySize(raw: IncomingMessage, max: number) {
  let received = 0;
  let onData: (chunk: Buffer) => void = () => undefined;
  const exceeded = new Promise<void>((resolve) => {
    onData = (chunk) => {
      received += chunk.length;
      if (received > max) resolve();
    };
  });
  raw.on("data", onData);
  return { exceeded, stop: () => raw.off("data", onData) };
}

/**
 * Reads the part named "file" with the limit. With `files: 1` no second file part can follow, so a
 * file part under another name is refused at once instead of being read through.
 */
async function readFilePart(
  parts: AsyncIterator<Multipart>,
  first: Promise<IteratorResult<Multipart>>,
  limit: number,
): Promise<UploadOutcome> {
  let bytes: Buffer | undefined;
  try {
    for (let next = await first; next.done !== true; next = await parts.next()) {
      const part = next.value;
      if (part.type !== "file") continue;
      if (part.fieldname !== "file" || bytes !== undefined) return fileRequired(true);
      const outcome = await readStreamWithLimit(part.file, limit);
      if (!outcome.ok) return outcome;
      bytes = outcome.bytes;
    }
  } catch (error) {
    return multipartFailure(error, limit);
  }
  return bytes === undefined ? fileRequired(false) : { ok: true, bytes };
}

/**
 * The bytes of the multipart part named "file". Refused with 413 as soon as the file passes
 * `limit` or the body passes `limit` plus the framing allowance, whichever comes first; never
 * more than `limit` bytes are kept.
 */
export async function readMultipartFile(
  request: FastifyRequest,
  limit: number,
): Promise<UploadOutcome> {
  const maxBody = limit + MULTIPART_OVERHEAD_BYTES;
  const length = declaredLength(request);
  if (length !== undefined && length > maxBody) return { ok: false, error: fileTooLarge(limit) };
  const parts = request.parts();
  // The first next() pipes the body into busboy synchronously; the size watch is attached only
  // then, since a 'data' listener on an unpiped request would start the flow and lose bytes.
  const first = parts.next();
  const watch = watchBodySize(request.raw, maxBody);
  try {
    return await Promise.race([
      watch.exceeded.then((): UploadOutcome => ({ ok: false, error: fileTooLarge(limit) })),
      readFilePart(parts, first, limit),
    ]);
  } finally {
    watch.stop();
  }
}
