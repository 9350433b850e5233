/** The name, type and Content-Disposition of a digital-product file. */

/** C0 and C1 controls, and the bidi marks and overrides that can reorder what a name shows. */
function isControlOrBidi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
const MAX_NAME_CHARS = 200;

/**
 * The uploaded name as the buyer will get it: the last path segment, without control or bidi
 * characters (which can disguise an extension), at most 200 characters; "download" when
 * nothing is left.
 */
export function cleanFilename(name: string | undefined): string {
  const last = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = Array.from(last.normalize("NFC"))
    .filter((char) => !isControlOrBidi(char))
    .slice(0, MAX_NAME_CHARS)
    .join("")
    .trim();
  return cleaned === "" || /^\.+$/.test(cleaned) ? "download" : cleaned;
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** A bare `type/subtype` (lower case, no parameters), or application/octet-stream. */
export function cleanContentType(type: string | undefined): string {
  const bare = (type ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return MEDIA_TYPE.test(bare) ? bare : "application/octet-stream";
}

/**
 * `attachment` with an ASCII fallback name (RFC 6266) and the exact name in UTF-8 (RFC 5987
 * `filename*`), which browsers prefer when they understand it.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
