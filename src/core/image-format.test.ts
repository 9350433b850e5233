import { describe, expect, it } from "vitest";
import { detectImageFormat, inspectImage } from "./image-format.js";
import { samplePng } from "./sample-images.js";

const GIF_3X2 = Buffer.from(
  "474946383961030002008000 00ffffff000000 21f90401000000002c000000000300020000020244 01003b".replace(
    / /g,
    "",
  ),
  "hex",
);

function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from("ffe000104a46494600010100000100010000", "hex");
  const sof0 = Buffer.alloc(19);
  sof0.writeUInt16BE(0xffc0, 0);
  sof0.writeUInt16BE(17, 2);
  sof0[4] = 8;
  sof0.writeUInt16BE(height, 5);
  sof0.writeUInt16BE(width, 7);
  sof0[9] = 3;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
}

function riff(chunk: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(4 + chunk.length, 4);
  header.write("WEBP", 8, "latin1");
  return Buffer.concat([header, chunk]);
}

function webpVp8x(width: number, height: number): Buffer {
  const chunk = Buffer.alloc(18);
  chunk.write("VP8X", 0, "latin1");
  chunk.writeUInt32LE(10, 4);
  chunk.writeUIntLE(width - 1, 12, 3);
  chunk.writeUIntLE(height - 1, 15, 3);
  return riff(chunk);
}

function webpVp8l(width: number, height: number): Buffer {
  const chunk = Buffer.alloc(14);
  chunk.write("VP8L", 0, "latin1");
  chunk.writeUInt32LE(5, 4);
  chunk[8] = 0x2f;
  chunk.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 9);
  return riff(chunk);
}

function webpVp8(width: number, height: number): Buffer {
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

describe("image format detection", () => {
  it("reads a PNG's format and size from its IHDR chunk", () => {
    expect(inspectImage(samplePng(17, 5))).toEqual({
      format: "png",
      mimeType: "image/png",
      width: 17,
      height: 5,
    });
  });

  it("reads a GIF's logical screen size", () => {
    expect(inspectImage(GIF_3X2)).toMatchObject({ format: "gif", width: 3, height: 2 });
  });

  it("finds a JPEG's size in its start-of-frame segment after other segments", () => {
    expect(inspectImage(jpeg(640, 480))).toEqual({
      format: "jpeg",
      mimeType: "image/jpeg",
      width: 640,
      height: 480,
    });
  });

  it("reads WebP sizes from VP8X, VP8L and VP8 chunks", () => {
    expect(inspectImage(webpVp8x(1000, 300))).toMatchObject({
      format: "webp",
      mimeType: "image/webp",
      width: 1000,
      height: 300,
    });
    expect(inspectImage(webpVp8l(64, 32))).toMatchObject({ width: 64, height: 32 });
    expect(inspectImage(webpVp8(320, 240))).toMatchObject({ width: 320, height: 240 });
  });

  it("keeps the format but not the size when the header is truncated", () => {
    const truncated = samplePng(4, 4).subarray(0, 14);
    expect(inspectImage(truncated)).toEqual({
      format: "png",
      mimeType: "image/png",
      width: null,
      height: null,
    });
    expect(inspectImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toMatchObject({
      format: "jpeg",
      width: null,
    });
  });

  it("rejects bytes that are not PNG, JPEG, GIF or WebP", () => {
    for (const bytes of [
      Buffer.from("%PDF-1.7 not an image"),
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      Buffer.from("BM6\0\0\0"), // BMP
      Buffer.from("RIFF\0\0\0\0WAVEfmt "), // RIFF, but audio
      Buffer.from([0x89, 0x50, 0x4e]), // a PNG signature cut short
      Buffer.alloc(0),
    ]) {
      expect(detectImageFormat(bytes)).toBeNull();
      expect(inspectImage(bytes)).toBeNull();
    }
  });
});
