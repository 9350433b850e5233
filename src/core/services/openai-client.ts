import type { ImageSolver, SolveOutcome } from "./image-solver.js";

export interface OpenAiClientOptions {
  readonly apiKey: string;
  /** e.g. https://api.openai.com/v1, without a trailing slash. */
  readonly baseUrl: string;
  readonly prompt: string;
  /** Injected in tests; the global fetch (undici, keep-alive) otherwise. */
  readonly fetch?: typeof fetch;
}

/**
 * The largest provider reply read into memory, in bytes. A chat completion with a short answer is
 * a few KB; a bigger reply is refused (openai_error) and the rest of it is not read.
 */
export const MAX_PROVIDER_REPLY_BYTES = 1024 * 1024;

interface ChatCompletion {
  model?: unknown;
  choices?: { message?: { content?: unknown } }[];
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date); undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The reply body as text, or null as soon as it passes `max` bytes (the rest is not read). */
async function readTextWithLimit(response: Response, max: number): Promise<string | null> {
  if (Number(response.headers.get("content-length")) > max) {
    await response.body?.cancel();
    return null;
  }
  if (response.body === null) return "";
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

/** The answer text of a chat completion, or null when the reply does not have that shape. */
function answerOf(body: ChatCompletion): string | null {
  const content = body.choices?.[0]?.message?.content;
  return typeof content === "string" ? content : null;
}

function failureOf(error: unknown): Extract<SolveOutcome, { ok: false }> {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return { ok: false, code: "openai_timeout", detail: "no complete reply within the timeout" };
  }
  // fetch reports connection failures as TypeError("fetch failed") with the socket error as cause.
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const causeCode = typeof cause?.code === "string" ? cause.code : "unknown";
  return { ok: false, code: "openai_unavailable", detail: `connection failed (${causeCode})` };
}

/**
 * OpenAI Chat Completions with the image as a data: URL, over fetch (no SDK). Never throws:
 * every way the call can fail is a SolveOutcome. The API key only ever goes into the
 * Authorization header; neither it nor the reply body is put into `detail`.
 */
export function createOpenAiClient(options: OpenAiClientOptions): ImageSolver {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl}/chat/completions`;
  return {
    mode: "openai",
    // GET /models: authenticated, cheap and free of charge, unlike a completion.
    async checkReachable(timeoutMs) {
      try {
        const response = await doFetch(`${options.baseUrl}/models`, {
          headers: { authorization: `Bearer ${options.apiKey}`, accept: "application/json" },
          signal: AbortSignal.timeout(timeoutMs),
        });
        // Read (within the limit) only to free the connection for reuse.
        await readTextWithLimit(response, MAX_PROVIDER_REPLY_BYTES);
        return { ok: response.ok, detail: `provider answered ${response.status}` };
      } catch (error) {
        return { ok: false, detail: failureOf(error).detail };
      }
    },
    async solveImage(bytes, mimeType, { model, timeoutS }) {
      const body = JSON.stringify({
        model,
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: options.prompt },
              {
                type: "image_url",
                image_url: { url: `data:${mimeType};base64,${bytes.toString("base64")}` },
              },
            ],
          },
        ],
      });
      // One signal for the whole exchange, so a provider that stalls mid-body also times out.
      const signal = AbortSignal.timeout(timeoutS * 1000);
      try {
        const response = await doFetch(url, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body,
          signal,
        });
        // Error replies are read (within the limit) only to free the connection for reuse.
        const text = await readTextWithLimit(response, MAX_PROVIDER_REPLY_BYTES);
        if (response.status === 429) {
          const retryAfterS = parseRetryAfter(response.headers.get("retry-after"));
          return {
            ok: false,
            code: "openai_rate_limited",
            detail: "provider answered 429",
            ...(retryAfterS === undefined ? {} : { retryAfterS }),
          };
        }
        if (!response.ok) {
          return {
            ok: false,
            code: "openai_error",
            detail: `provider answered ${response.status}`,
          };
        }
        if (text === null) {
          return {
            ok: false,
            code: "openai_error",
            detail: `provider reply larger than ${MAX_PROVIDER_REPLY_BYTES} bytes`,
          };
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return { ok: false, code: "openai_error", detail: "provider reply is not JSON" };
        }
        const completion =
          typeof parsed === "object" && parsed !== null ? (parsed as ChatCompletion) : {};
        const answer = answerOf(completion);
        if (answer === null) {
          return {
            ok: false,
            code: "openai_error",
            detail: "provider reply has no choices[0].message.content",
          };
        }
        return {
          ok: true,
          result: answer,
          model:
            typeof completion.model === "string" && completion.model !== ""
              ? completion.model
              : model,
        };
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}
