import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import FindMyWay, { type HTTPMethod } from "find-my-way";
import { isDatabaseUnavailable } from "./db/errors.js";
import { databaseUnavailableError, type DatabaseOutageMonitor } from "./db/outage.js";
import { AppError, platformError, validationError } from "./errors.js";
import { problemBody } from "./problem.js";
import { fieldErrorsFromAjv } from "./validation.js";

const FASTIFY_CODES: Record<string, Parameters<typeof platformError>[0]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_error",
  FST_ERR_CTP_EMPTY_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_TYPE: "unsupported_media_type",
};

const ROUTABLE_METHODS: HTTPMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const STATUS_CODES: Record<number, Parameters<typeof platformError>[0]> = {
  400: "validation_error",
  401: "not_authenticated",
  403: "permission_denied",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "service_unavailable",
};

/** Maps anything thrown while handling a request to an AppError; unknown errors become 500. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation !== undefined) {
    return validationError(
      fieldErrorsFromAjv(
        fastifyError.validation as Parameters<typeof fieldErrorsFromAjv>[0],
        fastifyError.validationContext ?? "body",
      ),
    );
  }
  const byCode = FASTIFY_CODES[fastifyError.code];
  if (byCode !== undefined) {
    const detail =
      byCode === "invalid_json"
        ? "The request body is not valid JSON."
        : byCode === "unsupported_media_type"
          ? "Send the body as application/json."
          : undefined;
    return platformError(byCode, detail);
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? "validation_error";
    return new AppError(status, code, platformError(code).title, fastifyError.message);
  }
  return platformError(
    "internal_error",
    "An unexpected error occurred; quote the request_id when reporting it.",
  );
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  const problem = problemBody(request.id, error);
  for (const [name, value] of Object.entries(error.options.headers ?? {}))
    reply.header(name, value);
  return reply
    .status(error.status)
    .type("application/problem+json; charset=utf-8")
    .serializer((payload) => JSON.stringify(payload))
    .send(problem);
}

/**
 * The one place errors become responses: RFC 9457 problem+json with a machine-readable code.
 * Unknown routes are told apart from known paths called with the wrong method (405 + Allow).
 * A database that cannot be reached is a 503 with Retry-After, logged by `databaseOutage` as one
 * warning per interval rather than a stack per request.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  databaseOutage?: Pick<DatabaseOutageMonitor, "refused">,
  /** Answers a path no route has (the web app's shell) or declines with false. */
  notFoundFallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>,
): void {
  const routes = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      try {
        routes.on(method as HTTPMethod, route.url, () => undefined);
      } catch {
        // already known (e.g. HEAD twins); only the path/method pairs matter
      }
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
      databaseOutage?.refused(error);
      return sendProblem(request, reply, databaseUnavailableError());
    }
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error }, "request failed");
    } else {
      request.log.info({ code: appError.code, status: appError.status }, "request rejected");
    }
    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const allowed = ROUTABLE_METHODS.filter((method) => routes.find(method, path) !== null);
    const method = request.method === "HEAD" ? "GET" : request.method;
    // The method is routed here, so a route matched and found nothing (e.g. a wildcard route
    // serving files): that is a missing resource, not a wrong method.
    if (allowed.length > 0 && !allowed.includes(method as HTTPMethod)) {
      if (allowed.includes("GET")) allowed.push("HEAD");
      return sendProblem(
        request,
        reply,
        platformError("method_not_allowed", `${request.method} is not allowed here.`, {
          headers: { Allow: allowed.join(", ") },
        }),
      );
    }
    if (allowed.length === 0 && (await notFoundFallback?.(request, reply)) === true) return reply;
    return sendProblem(
      request,
      reply,
      platformError("not_found", `No route for ${request.method} ${path}.`),
    );
  });
}
