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

function riff(chunk: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(4 + chunk.length, 4);
  header.write("WEBP", 8, "latin1");
  return Buffer.concat([header, chunk]);
}

/** An extended WebP: the canvas size in a VP8X chunk. */
export function webpVp8x(width: number, height: number): Buffer {
  const chunk = Buffer.alloc(18);
  chunk.write("VP8X", 0, "latin1");
  chunk.writeUInt32LE(10, 4);
  chunk.writeUIntLE(width - 1, 12, 3);
  chunk.writeUIntLE(height - 1, 15, 3);
  return riff(chunk);
}

/** A lossless WebP: the size in the VP8L bitstream header. */
export function webpVp8l(width: number, height: number): Buffer {
  const chunk = Buffer.alloc(14);
  chunk.write("VP8L", 0, "latin1");
  chunk.writeUInt32LE(5, 4);
  chunk[8] = 0x2f;
  chunk.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 9);
  return riff(chunk);
}

/** A lossy WebP: the size after the VP8 key frame's start code. */
export function webpVp8(width: number, height: number): Buffer {
  const chunk = Buffer.alloc(20);
  chunk.write("VP8 ", 0, "latin1");
  chunk.writeUInt32LE(10, 4);
  chunk[11] = 0x9d;
  chunk[12] = 0x01;
  chunk[13] = 0x2a;
  chunk.writeUInt16LE(width, 14);
  chunk.writeUInt16LE(height, 16);
  return riff(chunk);
}
