import { AsyncLocalStorage } from "node:async_hooks";

// The id of the request whose work is running, so lines logged by services (which see only the
// root logger, never Fastify's request) still carry it. Entered by the HTTP layer per request.
const requestIds = new AsyncLocalStorage<string>();

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return requestIds.run(requestId, work);
}

/** The id of the request being handled, or undefined outside one (start-up, timers, the CLI). */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}
