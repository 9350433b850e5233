import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { insufficientCreditsResponse } from "../credits/credits.schemas.js";
import {
  idempotencyKeyOf,
  requestFingerprint,
  sendStoredReply,
} from "../platform/idempotency/idempotency.js";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { problems } from "../platform/problem.js";
import {
  handlerReadsBody,
  readSolveUpload,
  registerUploadParsers,
  uploadBodyContent,
} from "./upload.js";

const SolveResponse = Type.Object({
  request_id: Type.String({ format: "uuid" }),
  result: Type.String({
    description: "The model's answer (in stub mode, a description of the image)",
  }),
  model: Type.String({ description: 'The model that answered; "stub" without OPENAI_API_KEY' }),
  duration_ms: Type.Integer({ description: "Time from arrival of the request to the answer, ms" }),
});

/** POST /api/core/solve: the metered image-solving endpoint, for API tokens. */
export const solveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = app.config.solveMaxBytes;
  await registerUploadParsers(app, limit);

  app.post(
    "/api/core/solve",
    {
      config: { access: "bearer", rateLimitGroup: "solve" },
      validatorCompiler: handlerReadsBody,
      schema: {
        operationId: "solveImage",
        tags: ["core"],
        summary: "Solve an image (metered)",
        description:
          "Send an image as multipart/form-data (one part named `file`) or as an " +
          `application/octet-stream body, at most ${limit} bytes. A success is charged at the ` +
          "current price (core settings) and, when staff gave core.image_solve a credit cost, " +
          "that many credits (402 without them); failures are logged and not charged. Send an " +
          "`Idempotency-Key` header to make retries safe: a repeat gets the first reply.",
        body: { content: uploadBodyContent("PNG, JPEG, GIF or WebP") },
        response: {
          200: SolveResponse,
          ...problems(400, 401, 409, 413, 415, 422, 429, 502, 503, 504),
          ...insufficientCreditsResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const key = idempotencyKeyOf(request);
      const upload = await readSolveUpload(request, limit);
      if (!upload.ok) throw upload.error;
      const outcome = await app.services.core.solveImage({
        userId: principal.userId,
        tokenId: principal.tokenId ?? null,
        requestId: request.id,
        requestIdFromCaller:
          request.headers["x-request-id"]?.toString().toLowerCase() === request.id,
        bytes: upload.bytes,
        idempotency:
          key === undefined
            ? undefined
            : { key, fingerprint: requestFingerprint("POST", "/api/core/solve", upload.bytes) },
        elapsedMs: () => reply.elapsedTime,
        log: request.log,
      });
      // Sent as the exact string that was metered (response_bytes), not re-serialized.
      // Status and body vary (a success or a metered provider failure), so the reply is untyped.
      return sendStoredReply(reply, outcome.reply, { replayed: outcome.replayed });
    },
  );
};
