import { describe, expect, it } from "vitest";
import { detectImageFormat, inspectImage } from "./image-format.js";
import { samplePng } from "./sample-images.js";
import {
  GIF_3X2,
  headerOnlyJpeg,
  webpVp8,
  webpVp8l,
  webpVp8x,
} from "../../test/support/image-files.js";

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
    expect(inspectImage(headerOnlyJpeg(640, 480))).toEqual({
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
