/**
 * The load generator, run in a child process of bench/run.ts so that autocannon and the server
 * under test do not share one event loop. Receives a LoadRequest over IPC, answers a LoadResult.
 */
import autocannon from "autocannon";

export interface LoadRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** When set, each request uses the next of these Authorization values in turn. */
  readonly authorizations?: readonly string[];
  /** base64 of the request body. */
  readonly body: string;
  readonly connections: number;
  readonly durationS: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
}

function rotate(authorizations: readonly string[]) {
  let next = 0;
  return (req: autocannon.Request): autocannon.Request => {
    const authorization = authorizations[next++ % authorizations.length] ?? "";
    return { ...req, headers: { ...req.headers, authorization } };
  };
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: "POST",
    headers: request.headers,
    body: Buffer.from(request.body, "base64"),
    connections: request.connections,
    duration: request.durationS,
    ...(request.authorizations === undefined || request.authorizations.length < 2
      ? {}
      : { requests: [{ setupRequest: rotate(request.authorizations) }] }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

process.on("message", (message: LoadRequest) => {
  run(message).then(
    (result) => process.send?.(result),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
});
