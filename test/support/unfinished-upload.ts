import { connect, type Socket } from "node:net";

/** A response as read off the socket: status, lower-cased headers, body text. */
export interface RawResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  json(): unknown;
}

export interface UnfinishedUploadResult {
  readonly response: RawResponse;
  /** Body bytes the client had written when the response was complete. */
  readonly bodyBytesSent: number;
  /** Always false: the client never ends the body, so a response proves an early answer. */
  readonly bodyFinished: false;
  /** True once the server closes the connection (FIN or reset); false if not within `timeoutMs`. */
  readonly serverClosed: Promise<boolean>;
}

export interface UnfinishedUploadOptions {
  readonly port: number;
  readonly path: string;
  /** Request headers; the body is sent with `Transfer-Encoding: chunked` (no Content-Length). */
  readonly headers: Readonly<Record<string, string>>;
  /** The start of the body (e.g. a multipart part header and an image), sent first. */
  readonly prefix: Buffer;
  /** Filler bytes written after the prefix, one chunk at a time, while no response has come. */
  readonly chunkBytes: number;
  /** The most body bytes the client writes; then it waits, still without ending the body. */
  readonly maxBodyBytes: number;
  /** How long to wait for the complete response (and for the close) before failing. */
  readonly timeoutMs: number;
}

function parseResponse(received: Buffer): RawResponse | undefined {
  const headerEnd = received.indexOf("\r\n\r\n");
  if (headerEnd === -1) return undefined;
  const [statusLine = "", ...lines] = received
    .subarray(0, headerEnd)
    .toString("latin1")
    .split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"]);
  if (!Number.isInteger(length)) throw new Error("the response has no Content-Length");
  const body = received.subarray(headerEnd + 4);
  if (body.length < length) return undefined;
  const text = body.subarray(0, length).toString("utf8");
  return {
    statusCode: Number(statusLine.split(" ")[1]),
    headers,
    body: text,
    json: () => JSON.parse(text) as unknown,
  };
}

function chunked(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
}

/**
 * POSTs a body that never ends, over a raw socket: the prefix, then filler chunks until the
 * server answers or `maxBodyBytes` are written, and never the terminating chunk. It resolves with
 * the response, which can therefore only come from a server that answered before the body ended;
 * a server that reads to the end never answers and the call rejects after `timeoutMs`.
 */
export function sendUnfinishedUpload(
  options: UnfinishedUploadOptions,
): Promise<UnfinishedUploadResult> {
  const socket: Socket = connect(options.port, "127.0.0.1");
  const closed = new Promise<void>((resolve) => {
    socket.once("close", () => {
      resolve();
    });
  });
  let received = Buffer.alloc(0);
  let response: RawResponse | undefined;
  let bodyBytesSent = 0;

  const serverClosed = (): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(false);
      }, options.timeoutMs);
      void closed.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  return new Promise<UnfinishedUploadResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no complete response within ${options.timeoutMs} ms after ${bodyBytesSent} body bytes ` +
            "(the server waits for the end of the body)",
        ),
      );
    }, options.timeoutMs);

    const writeNext = () => {
      if (response !== undefined || socket.destroyed) return;
      if (bodyBytesSent >= options.maxBodyBytes) return; // wait, without ending the body
      const size = Math.min(options.chunkBytes, options.maxBodyBytes - bodyBytesSent);
      bodyBytesSent += size;
      // setImmediate lets the server, in this same process, read between two writes.
      socket.write(chunked(Buffer.alloc(size, 0x41)), () => setImmediate(writeNext));
    };

    // Writes after the server closed fail with EPIPE or ECONNRESET: expected here.
    socket.on("error", () => undefined);
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      try {
        response ??= parseResponse(received);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (response !== undefined) {
        clearTimeout(timer);
        resolve({ response, bodyBytesSent, bodyFinished: false, serverClosed: serverClosed() });
      }
    });
    void closed.then(() => {
      if (response !== undefined) return;
      clearTimeout(timer);
      reject(
        new Error(`the connection closed without a complete response: ${received.toString()}`),
      );
    });

    socket.once("connect", () => {
      const head =
        `POST ${options.path} HTTP/1.1\r\nHost: 127.0.0.1:${options.port}\r\n` +
        "Transfer-Encoding: chunked\r\n" +
        Object.entries(options.headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join("") +
        "\r\n";
      bodyBytesSent = options.prefix.length;
      socket.write(Buffer.concat([Buffer.from(head, "latin1"), chunked(options.prefix)]), () =>
        setImmediate(writeNext),
      );
    });
  });
}
