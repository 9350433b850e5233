/** The image formats /api/core/solve accepts, recognised by their magic numbers. */
export type ImageFormat = "png" | "jpeg" | "gif" | "webp";

export const IMAGE_MIME_TYPES: Readonly<Record<ImageFormat, string>> = {
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

export interface ImageInfo {
  readonly format: ImageFormat;
  readonly mimeType: string;
  /** Pixels; null when the header is truncated or unusual (the format itself is still certain). */
  readonly width: number | null;
  readonly height: number | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ascii(bytes: Buffer, start: number, length: number): string {
  return bytes.toString("latin1", start, start + length);
}

/** The format of the bytes by magic number, or null when they are none of the accepted formats. */
export function detectImageFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "jpeg";
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a"))
    return "gif";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP")
    return "webp";
  return null;
}

type Size = readonly [width: number, height: number] | null;

function pngSize(bytes: Buffer): Size {
  // IHDR is always the first chunk: length(4) "IHDR"(4) width(4, BE) height(4, BE).
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== "IHDR") return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function gifSize(bytes: Buffer): Size {
  if (bytes.length < 10) return null;
  return [bytes.readUInt16LE(6), bytes.readUInt16LE(8)];
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Buffer): Size {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes and standalone markers (TEM, RSTn) have no length field.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan: no SOF seen
    const length = bytes.readUInt16BE(offset + 2);
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return null;
      return [bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5)];
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

function webpSize(bytes: Buffer): Size {
  // Reads past the end throw RangeError, which inspectImage turns into "size unknown".
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8X") {
    // Canvas width-1 and height-1, 24-bit little-endian each.
    return [bytes.readUIntLE(24, 3) + 1, bytes.readUIntLE(27, 3) + 1];
  }
  if (chunk === "VP8L") {
    if (bytes[20] !== 0x2f) return null;
    const bits = bytes.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (chunk === "VP8 ") {
    // Key frame start code 9d 01 2a, then 14-bit width and height.
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return [bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff];
  }
  return null;
}

const SIZE_READERS: Readonly<Record<ImageFormat, (bytes: Buffer) => Size>> = {
  png: pngSize,
  jpeg: jpegSize,
  gif: gifSize,
  webp: webpSize,
};

/** Format and pixel size of an image, or null when the bytes are not an accepted image format. */
export function inspectImage(bytes: Buffer): ImageInfo | null {
  const format = detectImageFormat(bytes);
  if (format === null) return null;
  let size: Size = null;
  try {
    size = SIZE_READERS[format](bytes);
  } catch {
    size = null; // a truncated header: the format is known, the size is not
  }
  return {
    format,
    mimeType: IMAGE_MIME_TYPES[format],
    width: size?.[0] ?? null,
    height: size?.[1] ?? null,
  };
}
