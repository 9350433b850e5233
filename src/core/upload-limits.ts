import type { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { AppError } from "../platform/errors.js";
import { coreError } from "./core.errors.js";

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

export function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers["content-length"];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
}

/**
 * Reads a stream into memory, keeping at most `limit` bytes. It answers file_too_large as soon as
 * more arrive, or as soon as the stream emits `limit` (busboy's signal that a multipart file part
 * passed its `fileSize`: it then stops pushing bytes and would otherwise discard the rest of the
 * part, however long, before ending the stream). Once refused, nothing more is kept.
 */
export function readStreamWithLimit(stream: Readable, limit: number): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      stream.off("data", onData);
      stream.off("limit", onLimit);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    const onLimit = () => {
      cleanup();
      chunks.length = 0;
      // Keep the stream flowing (into nothing) until the 413 is sent and the connection closes.
      stream.on("error", () => undefined);
      stream.resume();
      resolve({ ok: false, error: fileTooLarge(limit) });
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) chunks.push(chunk);
      else onLimit();
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
    stream.on("limit", onLimit);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}
