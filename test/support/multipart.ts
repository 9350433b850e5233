import { randomUUID } from "node:crypto";

/** A multipart/form-data body with the given parts, as browsers and curl send it. */
export function multipartBody(
  parts: readonly { name: string; filename?: string; contentType?: string; data: Buffer }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tollgate${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          (part.contentType === undefined ? "" : `Content-Type: ${part.contentType}\r\n`) +
          "\r\n",
      ),
      part.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
