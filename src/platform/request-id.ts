import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The caller's X-Request-ID when it is a valid UUID (so traces join up), else a fresh UUID4. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return isUuid(given) ? given.toLowerCase() : randomUUID();
}
