import { afterEach, describe, expect, it } from "vitest";
import { samplePng } from "../../core/sample-images.js";
import { expectSucceeded, runImageService } from "../../../test/support/ai-services.js";
import {
  GIF_3X2,
  headerOnlyJpeg,
  webpVp8,
  webpVp8l,
  webpVp8x,
} from "../../../test/support/image-files.js";
import { jpegWithExif, type ExifFields } from "../../../test/support/jpeg-with-exif.js";
import { imageMetadataExtractor, imageMetadataResult } from "./image-metadata-extractor.js";

async function extract(bytes: Buffer) {
  return expectSucceeded(imageMetadataResult, await runImageService(imageMetadataExtractor, bytes));
}

const CAMERA: ExifFields = {
  make: "Canon",
  model: "Canon EOS 5D Mark IV",
  orientation: 6,
  software: "Firmware 1.2.0",
  dateTimeOriginal: "2024:05:01 12:34:56",
  offsetTimeOriginal: "+02:00",
  exposureTime: [1, 250],
  fNumber: [28, 10],
  iso: 400,
  focalLength: [50, 1],
  lensModel: "EF50mm f/1.8 STM",
  gps: { latitude: 48.8584, longitude: -2.2945 },
};

const NO_EXIF = { orientation: null, exif: null };

describe("image_metadata_extractor", () => {
  const originalTimeZone = process.env["TZ"];
  afterEach(() => {
    if (originalTimeZone === undefined) delete process.env["TZ"];
    else process.env["TZ"] = originalTimeZone;
  });

  it("should read a PNG's format, size and byte count, with no EXIF", async () => {
    const png = samplePng(17, 5);
    expect(await extract(png)).toEqual({
      format: "png",
      mime_type: "image/png",
      width: 17,
      height: 5,
      bytes: png.length,
      ...NO_EXIF,
    });
  });

  it("should read a GIF's size", async () => {
    expect(await extract(GIF_3X2)).toEqual({
      format: "gif",
      mime_type: "image/gif",
      width: 3,
      height: 2,
      bytes: GIF_3X2.length,
      ...NO_EXIF,
    });
  });

  it("should read WebP sizes from extended, lossless and lossy headers", async () => {
    for (const [webp, width, height] of [
      [webpVp8x(1000, 300), 1000, 300],
      [webpVp8l(64, 32), 64, 32],
      [webpVp8(320, 240), 320, 240],
    ] as const) {
      expect(await extract(webp)).toEqual({
        format: "webp",
        mime_type: "image/webp",
        width,
        height,
        bytes: webp.length,
        ...NO_EXIF,
      });
    }
  });

  it("should read a JPEG without EXIF", async () => {
    expect(await extract(headerOnlyJpeg(640, 480))).toMatchObject({
      format: "jpeg",
      mime_type: "image/jpeg",
      width: 640,
      height: 480,
      ...NO_EXIF,
    });
  });

  it("should extract camera EXIF, orientation and GPS from a JPEG", async () => {
    const jpeg = jpegWithExif(4000, 3000, CAMERA);
    expect(await extract(jpeg)).toEqual({
      format: "jpeg",
      mime_type: "image/jpeg",
      width: 4000, // as stored: orientation 6 means viewers rotate it to portrait
      height: 3000,
      bytes: jpeg.length,
      orientation: 6,
      exif: {
        make: "Canon",
        model: "Canon EOS 5D Mark IV",
        software: "Firmware 1.2.0",
        lens_model: "EF50mm f/1.8 STM",
        date_time_original: "2024-05-01T12:34:56+02:00",
        exposure_time: 0.004,
        f_number: 2.8,
        iso: 400,
        focal_length: 50,
        gps_latitude: 48.8584,
        gps_longitude: -2.2945,
      },
    });
  });

  it("should answer null for each EXIF field the image does not carry", async () => {
    const result = await extract(
      jpegWithExif(32, 24, { make: "Apple", model: "iPhone 15", orientation: 3 }),
    );
    expect(result.orientation).toBe(3);
    expect(result.exif).toEqual({
      make: "Apple",
      model: "iPhone 15",
      software: null,
      lens_model: null,
      date_time_original: null,
      exposure_time: null,
      f_number: null,
      iso: null,
      focal_length: null,
      gps_latitude: null,
      gps_longitude: null,
    });
  });

  it("should report orientation without an EXIF summary when orientation is the only tag", async () => {
    expect(await extract(jpegWithExif(8, 8, { orientation: 8 }))).toMatchObject({
      orientation: 8,
      exif: null,
    });
  });

  it("should give the camera's local time without an offset when none was recorded", async () => {
    const jpeg = jpegWithExif(8, 8, { dateTimeOriginal: "2023:12:31 23:59:58" });
    expect((await extract(jpeg)).exif?.date_time_original).toBe("2023-12-31T23:59:58");
  });

  it("should answer the same date whatever the server's time zone", async () => {
    const jpeg = jpegWithExif(8, 8, CAMERA);
    process.env["TZ"] = "America/New_York";
    const inNewYork = await extract(jpeg);
    process.env["TZ"] = "Asia/Tokyo";
    expect(await extract(jpeg)).toEqual(inNewYork);
  });

  it("should drop values that are out of range or unset rather than pass them on", async () => {
    const result = await extract(
      jpegWithExif(8, 8, {
        make: "Nikon\u0001\u0007  ",
        model: "M".repeat(1000),
        software: "   ",
        orientation: 9,
        dateTimeOriginal: "0000:00:00 00:00:00",
        offsetTimeOriginal: "somewhere",
        fNumber: [0, 0],
      }),
    );
    expect(result.orientation).toBeNull();
    expect(result.exif).toMatchObject({
      make: "Nikon",
      model: "M".repeat(256),
      software: null,
      date_time_original: null,
      f_number: null,
    });
  });

  it("should give southern and western coordinates as negative degrees", async () => {
    const jpeg = jpegWithExif(8, 8, { gps: { latitude: -33.8568, longitude: 151.2153 } });
    expect((await extract(jpeg)).exif).toMatchObject({
      gps_latitude: -33.8568,
      gps_longitude: 151.2153,
    });
  });

  it("should answer JSON-safe values only: no Date, binary or undefined", async () => {
    const result = await extract(jpegWithExif(8, 8, CAMERA));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("should answer what it can read from a truncated file instead of failing", async () => {
    const jpeg = jpegWithExif(640, 480, CAMERA);
    const cutInExif = jpeg.subarray(0, 60);
    expect(await extract(cutInExif)).toEqual({
      format: "jpeg",
      mime_type: "image/jpeg",
      width: null,
      height: null,
      bytes: 60,
      ...NO_EXIF,
    });
    // The EXIF segment is whole but the frame header that holds the size is cut off. The cut is a
    // view into the whole file, as a small upload is into Node's shared pool: the bytes past its
    // end must not be read as the size.
    const cutAfterExif = jpeg.subarray(0, jpeg.length - 15);
    expect(await extract(cutAfterExif)).toMatchObject({
      width: null,
      height: null,
      orientation: 6,
      exif: { make: "Canon" },
    });
    expect(await extract(samplePng(4, 4).subarray(0, 14))).toMatchObject({
      format: "png",
      width: null,
      height: null,
      ...NO_EXIF,
    });
  });

  it("should answer the same result for the same file and leave the bytes untouched", async () => {
    const jpeg = jpegWithExif(640, 480, CAMERA);
    const copy = Buffer.from(jpeg);
    expect(await extract(jpeg)).toEqual(await extract(jpeg));
    expect(jpeg.equals(copy)).toBe(true);
  });
});
