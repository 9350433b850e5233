import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { Draft, MultipartPart } from "./drafts.js";
import type { Operation } from "./openapi.js";

/** A request as it goes on the wire. */
export interface Wire {
  readonly method: string;
  /** Absolute URL, already percent-encoded. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
}

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly ms: number;
}

export type Outcome = Reply | { readonly error: string; readonly ms: number };

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes text as its UTF-8 bytes, and a lone surrogate as the three bytes it would
 * have (WTF-8), which encodeURIComponent refuses to do: the server must meet those too.
 */
export function percentEncode(text: string): string {
  let out = "";
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    const bytes =
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        : [...Buffer.from(char, "utf8")];
    out += bytes.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return out;
}

function multipart(parts: readonly MultipartPart[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? "" : `; filename="${part.filename}"`;
    const type = part.filename === undefined ? "" : "\r\nContent-Type: application/octet-stream";
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name.replace(/["\r\n]/g, "_")}"${filename}${type}\r\n\r\n`,
      ),
      part.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** The request a draft becomes, with the context's credentials. */
export function toWire(
  base: string,
  operation: Operation,
  draft: Draft,
  credentials: Readonly<Record<string, string>>,
): Wire {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    percentEncode(draft.path.get(name) ?? ""),
  );
  const query = [...draft.query]
    .flatMap(([name, values]) =>
      values.map((value) => `${percentEncode(name)}=${percentEncode(value)}`),
    )
    .join("&");
  const headers: Record<string, string> = { ...credentials };
  for (const [name, value] of draft.header) headers[name.toLowerCase()] = value;
  let body: Buffer | undefined;
  const draftBody = draft.body;
  if (draftBody?.kind === "json") {
    headers["content-type"] = "application/json";
    // JSON.stringify(undefined) is undefined, whatever its type says.
    body = Buffer.from((JSON.stringify(draftBody.value) as string | undefined) ?? "null");
  } else if (draftBody?.kind === "raw") {
    headers["content-type"] = draftBody.mediaType;
    body = draftBody.bytes;
  } else if (draftBody?.kind === "multipart") {
    const boundary = "tollgate-fuzz-boundary";
    headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
    body = multipart(draftBody.parts, boundary);
  }
  return {
    method: operation.method,
    url: `${base}${path}${query === "" ? "" : `?${query}`}`,
    headers,
    body,
  };
}

/** Sends one request on a kept-alive connection; never throws. */
export function send(agent: Agent, wire: Wire, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let request: ReturnType<typeof httpRequest>;
    try {
      request = httpRequest(wire.url, {
        method: wire.method,
        agent,
        headers: {
          ...wire.headers,
          ...(wire.body === undefined ? {} : { "content-length": String(wire.body.length) }),
        },
        timeout: timeoutMs,
      });
    } catch (error) {
      // e.g. a header value Node itself refuses to send (CR, LF, NUL).
      resolve({ error: `not sendable: ${(error as Error).message}`, ms: 0 });
      return;
    }
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          ms: elapsed(),
        });
      });
      response.on("error", (error) => {
        resolve({ error: error.message, ms: elapsed() });
      });
    });
    request.on("timeout", () => {
      request.destroy(new Error(`no reply within ${String(timeoutMs)} ms`));
    });
    request.on("error", (error) => {
      resolve({ error: error.message, ms: elapsed() });
    });
    request.end(wire.body);
  });
}

/** Bash ANSI-C quoting ($'…'), so any bytes survive a copy and paste. */
function quote(bytes: Buffer | string): string {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  let out = "";
  for (const byte of buffer) {
    if (byte === 0x27) out += "\\'";
    else if (byte === 0x5c) out += "\\\\";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `$'${out}'`;
}

/** The request as one curl command line (a body over 64 KB is cut, and says so). */
export function curlLine(wire: Wire): string {
  const parts = ["curl", "-sS", "-i", "-X", wire.method, quote(wire.url)];
  for (const [name, value] of Object.entries(wire.headers))
    parts.push("-H", quote(`${name}: ${value}`));
  if (wire.body !== undefined) {
    const limit = 65_536;
    parts.push("--data-binary", quote(wire.body.subarray(0, limit)));
    if (wire.body.length > limit) parts.push(`# body cut from ${String(wire.body.length)} bytes`);
  }
  return parts.join(" ");
}
