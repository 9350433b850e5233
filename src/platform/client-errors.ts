import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { platformError, validationError, type AppError } from "./errors.js";
import { sendProblem } from "./error-handler.js";
import { problemBody } from "./problem.js";

/** How long a client may take to send a whole request (headers and body) before a 408. */
export const REQUEST_TIMEOUT_MS = 120_000;

/**
 * How often Node looks for requests past their timeout (its default is 30 s, so a request could
 * live up to 30 s longer than the 408 says). Checking a list of open connections once a second
 * costs nothing measurable.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * The HTTP server's options: one timeout for the headers and the whole request (Node's default
 * headersTimeout, 60 s, cut slow headers at 60–90 s while the 408 said 120 s), checked often
 * enough that the cut comes when the 408 says. A missing Host reaches the app, which answers it
 * as a problem, instead of Node's bare 400 with an empty body.
 */
export function httpServerOptions(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, requestTimeoutMs),
    requireHostHeader: false,
  };
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function clientProblem(error: NodeJS.ErrnoException, requestTimeoutMs: number): AppError {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return platformError(
      "request_timeout",
      `The request was not received within ${seconds(requestTimeoutMs)} s.`,
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
 * raw socket since there is no request object. The 408 names the server's request timeout.
 */
export function clientErrorHandlerFor(
  requestTimeoutMs: number,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    // A response already under way on this socket cannot be followed by another one (as Node's
    // own handler, which checks the same).
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && inFlight?.headersSent !== true) {
      const problem = clientProblem(error, requestTimeoutMs);
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
  };
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
