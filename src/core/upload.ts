import type { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "../platform/validation.js";
import { readMultipartFile } from "./upload-multipart.js";
import {
  declaredLength,
  fileTooLarge,
  readStreamWithLimit,
  unsupportedMediaType,
  type UploadOutcome,
} from "./upload-limits.js";

/**
 * Body parsing for the upload routes of this plugin scope only: multipart/form-data (read in the
 * handler, streamed), application/octet-stream (streamed here, with the limit), JSON when
 * `json` is set (routes that take both), and nothing else: every other type is refused with 415
 * before its body is read.
 */
export async function registerUploadParsers(
  app: FastifyInstance,
  limit: number,
  options: { json?: boolean } = {},
): Promise<void> {
  app.removeAllContentTypeParsers();
  if (options.json === true) {
    app.addContentTypeParser(
      "application/json",
      { parseAs: "string" },
      app.getDefaultJsonParser("error", "error"),
    );
  }
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
        : `Content type "${type.split(";")[0] ?? ""}" is not accepted here; send ${
            options.json === true ? "application/json, " : ""
          }multipart/form-data or application/octet-stream.`,
    );
  });
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

/**
 * The OpenAPI content of an upload body (multipart `file` or octet-stream), for documentation
 * only: the upload is streamed and checked by the handler itself.
 */
export function uploadBodyContent(description: string) {
  return {
    "multipart/form-data": {
      schema: {
        type: "object",
        required: ["file"],
        properties: { file: { type: "string", format: "binary", description } },
      },
    },
    "application/octet-stream": { schema: { type: "string", format: "binary", description } },
  };
}

/** A route's validator compiler when its body is an upload (or JSON read by the handler). */
export const handlerReadsBody: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === "body" ? () => true : validatorCompiler(route);
