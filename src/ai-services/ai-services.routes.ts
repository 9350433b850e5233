import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import {
  handlerReadsBody,
  readSolveUpload,
  registerUploadParsers,
  uploadBodyContent,
} from "../core/upload.js";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits, InsufficientCredits } from "../credits/credits.schemas.js";
import { principalOf } from "../platform/auth.js";
import {
  idempotencyKeyOf,
  requestFingerprint,
  sendStoredReply,
} from "../platform/idempotency/idempotency.js";
import { PAGE_SIZE, PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { Problem, problemResponse, problems } from "../platform/problem.js";
import { PlanLimitExceeded } from "../subscriptions/entitlements.schemas.js";
import { inputSchemaOf, type RunInput, type ServiceView } from "./ai-services.service.js";
import { SERVICE_NAME_MAX_LENGTH } from "./service-definition.js";

export const ServiceName = Type.String({
  minLength: 1,
  maxLength: SERVICE_NAME_MAX_LENGTH,
  description: "The service's name, e.g. text_sentiment_analysis",
});

const PublicService = Type.Object({
  name: Type.String(),
  type: Type.Union([
    Type.Literal("basic"),
    Type.Literal("text_processing"),
    Type.Literal("image_processing"),
    Type.Literal("data_validation"),
  ]),
  description: Type.String(),
  credit_cost: Credits("Credits a successful call costs (prepaid)"),
  price_cents: Type.Integer({ description: "Cents a successful call adds to the billing period" }),
});

const ServiceDetail = Type.Object({
  ...PublicService.properties,
  input_schema: Type.Unknown({ description: "JSON Schema of `input` (or of the upload)" }),
  output_schema: Type.Unknown({ description: "JSON Schema of `result`" }),
});

const RunResult = Type.Object({
  request_id: Type.String({ format: "uuid" }),
  service: Type.String(),
  result: Type.Unknown({
    description: "The service's answer; its shape is the service's output_schema",
  }),
  credits_charged: Credits("Credits this call was charged"),
  balance: Credits("Credits available after the call"),
});

/** A 402 of a run: its members are those of the code it carries. */
const RunRefused = Type.Object(
  {
    ...Problem.properties,
    ...Type.Partial(Type.Omit(InsufficientCredits, Object.keys(Problem.properties))).properties,
    ...Type.Partial(Type.Omit(PlanLimitExceeded, Object.keys(Problem.properties))).properties,
  },
  { description: "RFC 9457 problem details; the members after `errors` depend on `code`" },
);

export function publicServiceJson(view: ServiceView) {
  return {
    name: view.name,
    type: view.type ?? "basic",
    description: view.description,
    credit_cost: toCredits(view.creditCostMilli),
    price_cents: view.priceCents,
  };
}

/** For the OpenAPI document only: the handler reads JSON or an upload, by the service's type. */
const RunBody = {
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["input"],
        additionalProperties: false,
        properties: { input: { type: "object", description: "The service's input_schema" } },
      },
    },
    ...uploadBodyContent("An image, for image services (PNG, JPEG, GIF or WebP)"),
  },
};

/** The run's input as sent: JSON (already parsed) or an upload's bytes. */
async function readRunInput(request: FastifyRequest, limit: number): Promise<RunInput> {
  if (request.isMultipart() || Buffer.isBuffer(request.body)) {
    const upload = await readSolveUpload(request, limit);
    if (!upload.ok) throw upload.error;
    return { kind: "upload", bytes: upload.bytes };
  }
  return { kind: "json", body: request.body };
}

/** Public catalog of AI services, and running one (API token, or session + CSRF). */
export const aiServicesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { aiServices } = app.services;

  app.get(
    "/api/services",
    {
      config: { access: "public" },
      schema: {
        operationId: "listServices",
        tags: ["services"],
        summary: "Active AI services with their prices",
        querystring: PageQuery,
        response: { 200: Paginated(PublicService) },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const active = await aiServices.listActive();
      const rows = active.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return toPage(request, { page, count: active.length, rows }, publicServiceJson);
    },
  );

  app.get(
    "/api/services/:name",
    {
      config: { access: "public" },
      schema: {
        operationId: "getService",
        tags: ["services"],
        summary: "One active service, with the JSON Schemas of its input and result",
        params: Type.Object({ name: ServiceName }),
        response: { 200: ServiceDetail, ...problems(404) },
      },
    },
    async (request) => {
      const view = await aiServices.getActive(request.params.name);
      const definition = view.definition;
      return {
        ...publicServiceJson(view),
        input_schema: inputSchemaOf(definition),
        output_schema: definition.outputSchema,
      };
    },
  );

  await app.register(runRoute);
};

/** Its own scope: the run route takes JSON and uploads, with the upload parsers of solve. */
const runRoute: FastifyPluginAsyncTypebox = async (app) => {
  const { aiServices } = app.services;
  const limit = app.config.solveMaxBytes;
  await registerUploadParsers(app, limit, { json: true });
  app.post(
    "/api/services/:name/run",
    {
      config: { access: "session_or_bearer", rateLimitGroup: "solve" },
      validatorCompiler: handlerReadsBody,
      schema: {
        operationId: "runService",
        tags: ["services"],
        summary: "Run a service (metered)",
        description:
          'JSON services take `{"input": {...}}` (see the service\'s input_schema); image ' +
          "services take an image as multipart/form-data (a part named `file`) or as an " +
          "application/octet-stream body. The credit cost is reserved first (402 without " +
          "enough credits: the service is not called), charged on success and released on " +
          "failure. A service that reports tokens first checks the caller's plan: 402 " +
          "plan_limit_exceeded once this period's tokens reach its tokens_per_month (the " +
          "service is not called, nothing is charged). Send an `Idempotency-Key` header to make retries safe: a repeat of the " +
          "same request gets the first reply (`Idempotent-Replayed: true`) and is not charged again.",
        params: Type.Object({ name: ServiceName }),
        body: RunBody,
        response: {
          200: RunResult,
          ...problems(400, 401, 404, 409, 413, 415, 422, 429, 500, 502, 503, 504),
          402: problemResponse(
            RunRefused,
            "insufficient_credits (with the credits needed and available) or " +
              "plan_limit_exceeded (with the plan's tokens_per_month and the period's use)",
          ),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const key = idempotencyKeyOf(request);
      const input = await readRunInput(request, limit);
      const path = `/api/services/${request.params.name}/run`;
      const outcome = await aiServices.run({
        name: request.params.name,
        userId: principal.userId,
        tokenId: principal.tokenId ?? null,
        requestId: request.id,
        requestIdFromCaller:
          request.headers["x-request-id"]?.toString().toLowerCase() === request.id,
        input,
        idempotency:
          key === undefined
            ? undefined
            : {
                key,
                fingerprint: requestFingerprint(
                  "POST",
                  path,
                  input.kind === "upload" ? input.bytes : JSON.stringify(input.body),
                ),
              },
        elapsedMs: () => reply.elapsedTime,
        log: request.log,
      });
      return sendStoredReply(reply, outcome.reply, { replayed: outcome.replayed });
    },
  );
};
