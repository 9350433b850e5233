/**
 * Small GIF, JPEG and WebP files for tests of code that reads image headers (for PNG use
 * `samplePng`). The JPEG and WebP files carry headers only, no decodable pixels: enough for format
 * and size detection, not for a decoder.
 */

/** A complete 3×2 GIF89a. */
export const GIF_3X2 = Buffer.from(
  "474946383961030002008000 00ffffff000000 21f90401000000002c000000000300020000020244 01003b".replace(
    / /g,
    "",
  ),
  "hex",
);

const JPEG_SOI = Buffer.from([0xff, 0xd8]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const JFIF_APP0 = Buffer.from("ffe000104a46494600010100000100010000", "hex");

/**
 * A JPEG of the given size: SOI, `segments` (APP0 JFIF by default; each a whole marker segment),
 * a baseline start-of-frame, EOI.
 */
export function headerOnlyJpeg(
  width: number,
  height: number,
  segments: readonly Buffer[] = [JFIF_APP0],
): Buffer {
  const sof0 = Buffer.alloc(19);
  sof0.writeUInt16BE(0xffc0, 0);
  sof0.writeUInt16BE(17, 2);
  sof0[4] = 8;
  sof0.writeUInt16BE(height, 5);
  sof0.writeUInt16BE(width, 7);
  sof0[9] = 3;
  return Buffer.concat([JPEG_SOI, ...segments, sof0, JPEG_EOI]);
}

/** A WebP file: the RIFF header, then one chunk of type `fourcc` holding `payload`. */
function webp(fourcc: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(12 + payload.length, 4);
  header.write("WEBP", 8, "latin1");
  header.write(fourcc, 12, "latin1");
  header.writeUInt32LE(payload.length, 16);
  return Buffer.concat([header, payload]);
}

/** An extended WebP: the canvas size in a VP8X chunk. */
export function webpVp8x(width: number, height: number): Buffer {
  const payload = Buffer.alloc(10); // flags (4 bytes), then width-1 and height-1, 24 bits each
  payload.writeUIntLE(width - 1, 4, 3);
  payload.writeUIntLE(height - 1, 7, 3);
  return webp("VP8X", payload);
}

/** A lossless WebP: the size in the VP8L bitstream header. */
export function webpVp8l(width: number, height: number): Buffer {
  const payload = Buffer.alloc(5);
  payload[0] = 0x2f; // signature
  payload.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 1);
  return webp("VP8L", payload);
}

/** A lossy WebP: the size after the VP8 key frame's start code. */
export function webpVp8(width: number, height: number): Buffer {
  const payload = Buffer.alloc(10); // frame tag (3 bytes), start code 9d 01 2a, width, height
  payload.set([0x9d, 0x01, 0x2a], 3);
  payload.writeUInt16LE(width, 6);
  payload.writeUInt16LE(height, 8);
  return webp("VP8 ", payload);
}
