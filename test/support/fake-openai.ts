import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received, as parsed JSON (null when the body was not JSON). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** What the fake answers with next. */
export type FakeReply =
  | { readonly kind: "ok"; readonly content?: string; readonly model?: string }
  | { readonly kind: "sleep"; readonly ms: number }
  | { readonly kind: "rate_limited"; readonly retryAfter?: string }
  | { readonly kind: "error"; readonly status?: number }
  | { readonly kind: "garbage" }
  /** A valid completion whose answer pads the body to `bytes`; chunked unless `declareLength`. */
  | { readonly kind: "large"; readonly bytes: number; readonly declareLength?: boolean };

export interface FakeOpenAiOptions {
  /** When set, a request with any other bearer token gets 401 invalid_api_key, as OpenAI answers. */
  readonly apiKey?: string;
}

export interface FakeOpenAi {
  /** Base URL to use as OPENAI_BASE_URL, e.g. http://127.0.0.1:41234/v1. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Sets the reply for every following request (default: ok). */
  reply(reply: FakeReply): void;
  close(): Promise<void>;
}

export const FAKE_ANSWER = "42";

/**
 * A local stand-in for the OpenAI API over real HTTP on 127.0.0.1 (Chat Completions, and
 * `GET /models` for the health check), so the client is tested through its real network path
 * (sockets, timeouts, status codes) without the internet. `reply` applies to both.
 */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  let next: FakeReply = { kind: "ok" };
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body,
      });
      const reply = next;
      const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(JSON.stringify(payload));
      };
      if (
        options.apiKey !== undefined &&
        request.headers.authorization !== `Bearer ${options.apiKey}`
      ) {
        json(401, {
          error: { message: "Incorrect API key provided.", code: "invalid_api_key" },
        });
        return;
      }
      const listsModels = request.method === "GET" && request.url === "/v1/models";
      switch (reply.kind) {
        case "ok": {
          if (listsModels) {
            json(200, { object: "list", data: [{ id: "gpt-4o-mini", object: "model" }] });
            return;
          }
          const model = (body as { model?: string } | null)?.model ?? "unknown";
          json(200, {
            id: "chatcmpl-fake",
            object: "chat.completion",
            model: reply.model ?? model,
            choices: [
              {
                index: 0,
                message: { role: "assistant", content: reply.content ?? FAKE_ANSWER },
                finish_reason: "stop",
              },
            ],
          });
          return;
        }
        case "sleep": {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!response.destroyed) json(200, { choices: [{ message: { content: "late" } }] });
          }, reply.ms);
          timers.add(timer);
          return;
        }
        case "rate_limited":
          json(
            429,
            { error: { message: "Rate limit reached", type: "requests" } },
            reply.retryAfter === undefined ? {} : { "retry-after": reply.retryAfter },
          );
          return;
        case "error":
          json(reply.status ?? 500, { error: { message: "The server had an error" } });
          return;
        case "large": {
          const envelope = (content: string) =>
            JSON.stringify({ model: "gpt-large", choices: [{ message: { content } }] });
          const payload = envelope("x".repeat(Math.max(0, reply.bytes - envelope("").length)));
          response.writeHead(200, {
            "content-type": "application/json",
            ...(reply.declareLength === true
              ? { "content-length": String(Buffer.byteLength(payload)) }
              : {}),
          });
          // The client may stop reading half way; that is what is being tested.
          response.on("error", () => undefined);
          const half = Math.floor(payload.length / 2);
          response.write(payload.slice(0, half));
          response.end(payload.slice(half));
          return;
        }
        case "garbage":
          response.writeHead(200, { "content-type": "application/json" });
          response.end("<html>definitely not json");
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(reply) {
      next = reply;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

/** A base URL on 127.0.0.1 where nothing listens (a port we bound and released): connection refused. */
export async function closedPortBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return `http://127.0.0.1:${port}/v1`;
}
