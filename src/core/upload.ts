import type { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, validationError } from "../platform/errors.js";
import { coreError } from "./core.errors.js";

/** Multipart framing (boundaries, part headers) allowed on top of the file when checking Content-Length. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export type UploadOutcome =
  { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly error: AppError };

export function fileTooLarge(limit: number): AppError {
  return coreError("file_too_large", `The file is larger than the limit of ${limit} bytes.`, {
    // The rest of the upload is not read; closing the connection stops the client sending it.
    headers: { Connection: "close" },
  });
}

export function unsupportedMediaType(detail?: string): AppError {
  return coreError(
    "unsupported_media_type",
    detail ??
      "Send the image as multipart/form-data (a part named 'file') or application/octet-stream.",
  );
}

function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers["content-length"];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
}

/**
 * Reads a stream into memory, keeping at most `limit` bytes: once more arrive it stops collecting
 * (later chunks are discarded, never buffered) and answers file_too_large.
 */
export function readStreamWithLimit(stream: Readable, limit: number): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      chunks.length = 0;
      // Keep the socket flowing (into nothing) until the 413 is sent and the connection closes.
      stream.on("error", () => undefined);
      stream.resume();
      resolve({ ok: false, error: fileTooLarge(limit) });
    };
    const onEnd = () => {
      cleanup();
      resolve({ ok: true, bytes: Buffer.concat(chunks, total) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error("the client closed the connection during the upload"));
    };
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}

/**
 * Body parsing for the upload routes of this plugin scope only: multipart/form-data (read in the
 * handler, streamed), application/octet-stream (streamed here, with the limit), and nothing else:
 * JSON and every other type are refused with 415 before their body is read.
 */
export async function registerUploadParsers(app: FastifyInstance, limit: number): Promise<void> {
  app.removeAllContentTypeParsers();
  await app.register(multipart, {
    limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
  });
  app.addContentTypeParser(
    "application/octet-stream",
    async (request: FastifyRequest, payload: Readable): Promise<Buffer> => {
      const length = declaredLength(request);
      if (length !== undefined && length > limit) throw fileTooLarge(limit);
      const outcome = await readStreamWithLimit(payload, limit);
      if (!outcome.ok) throw outcome.error;
      return outcome.bytes;
    },
  );
  app.addContentTypeParser("*", async (request: FastifyRequest): Promise<never> => {
    const type = request.headers["content-type"];
    throw unsupportedMediaType(
      type === undefined
        ? undefined
        : `Content type "${type.split(";")[0] ?? ""}" is not accepted here; send multipart/form-data or application/octet-stream.`,
    );
  });
}

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

/** The bytes of the multipart part named "file", read with the limit; other parts are skipped. */
async function readMultipartFile(request: FastifyRequest, limit: number): Promise<UploadOutcome> {
  const length = declaredLength(request);
  if (length !== undefined && length > limit + MULTIPART_OVERHEAD_BYTES) {
    return { ok: false, error: fileTooLarge(limit) };
  }
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      if (part.fieldname !== "file" || bytes !== undefined) {
        part.file.resume(); // drain a part we do not want
        continue;
      }
      bytes = await part.toBuffer();
    }
  } catch (error) {
    return multipartFailure(error, limit);
  }
  if (bytes === undefined) {
    return {
      ok: false,
      error: validationError(
        [{ field: "file", code: "required", message: "A part named 'file' is required." }],
        "Send the image in a multipart part named 'file'.",
      ),
    };
  }
  return { ok: true, bytes };
}

/** The uploaded image's bytes, whichever way it was sent; refusals carry their problem. */
export async function readSolveUpload(
  request: FastifyRequest,
  limit: number,
): Promise<UploadOutcome> {
  if (request.isMultipart()) return readMultipartFile(request, limit);
  if (Buffer.isBuffer(request.body)) return { ok: true, bytes: request.body };
  return { ok: false, error: unsupportedMediaType() };
}
