import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { platformError, validationError, type AppError } from "./errors.js";
import { sendProblem } from "./error-handler.js";
import { problemBody } from "./problem.js";

/** How long a client may take to send a whole request (headers and body) before a 408. */
export const REQUEST_TIMEOUT_MS = 120_000;

function clientProblem(error: NodeJS.ErrnoException): AppError {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return platformError(
      "request_timeout",
      `The request was not received within ${String(REQUEST_TIMEOUT_MS / 1000)} s.`,
    );
  }
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return platformError("headers_too_large", "The request line and headers exceed 16 KiB.");
  }
  return platformError("bad_request", "The request is not valid HTTP/1.1.");
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (malformed framing, oversized
 * headers, a body that never arrives): answered with problem+json like everything else, on the
 * raw socket since there is no request object.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  // A response already under way on this socket cannot be followed by another one (as Node's
  // own handler, which checks the same).
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && inFlight?.headersSent !== true) {
    const problem = clientProblem(error);
    const requestId = randomUUID();
    const body = JSON.stringify(problemBody(requestId, problem));
    socket.write(
      `HTTP/1.1 ${String(problem.status)} ${STATUS_CODES[problem.status] ?? ""}\r\n` +
        "Content-Type: application/problem+json; charset=utf-8\r\n" +
        `Content-Length: ${String(Buffer.byteLength(body))}\r\n` +
        `X-Request-ID: ${requestId}\r\n` +
        "Connection: close\r\n\r\n" +
        body,
    );
  }
  socket.destroy();
}

/** Router-level refusals (a malformed percent-encoding, an over-long path parameter). */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.header("X-Request-ID", request.id);
  void sendProblem(
    request,
    reply,
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? validationError([
          { field: "params", code: "too_long", message: "A path parameter is too long." },
        ])
      : platformError("bad_request", "The URL is malformed."),
  );
}
