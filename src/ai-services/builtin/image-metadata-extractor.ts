import exifr from "exifr";
import { imageSize } from "image-size";
import { Type, type Static } from "typebox";
import { defineImageService, succeeded, type ImageUpload } from "../service-definition.js";

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description });
const NullableDimension = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description: "Pixels as stored, before EXIF orientation; null when the header is unreadable.",
});

export const exifSummary = Type.Object(
  {
    make: NullableString,
    model: NullableString,
    software: NullableString,
    lens_model: NullableString,
    date_time_original: Type.Union([Type.String(), Type.Null()], {
      description:
        "When the photo was taken, ISO 8601 in the camera's clock, with its UTC offset if recorded.",
    }),
    exposure_time: NullableNumber("Seconds."),
    f_number: NullableNumber("Aperture, e.g. 2.8."),
    iso: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    focal_length: NullableNumber("Millimetres."),
    gps_latitude: NullableNumber("Decimal degrees, north positive."),
    gps_longitude: NullableNumber("Decimal degrees, east positive."),
  },
  { additionalProperties: false },
);

export const imageMetadataResult = Type.Object(
  {
    format: Type.Union([
      Type.Literal("png"),
      Type.Literal("jpeg"),
      Type.Literal("gif"),
      Type.Literal("webp"),
    ]),
    mime_type: Type.String(),
    width: NullableDimension,
    height: NullableDimension,
    bytes: Type.Integer({ minimum: 0, description: "File size." }),
    orientation: Type.Union([Type.Integer({ minimum: 1, maximum: 8 }), Type.Null()], {
      description: "EXIF orientation, 1 (upright) to 8.",
    }),
    exif: Type.Union([exifSummary, Type.Null()], {
      description: "Camera data; null when the image carries none.",
    }),
  },
  { additionalProperties: false },
);

type ExifSummary = Static<typeof exifSummary>;
type ExifTags = Readonly<Record<string, unknown>>;

const EXIF_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  // Raw values: translated ones are words ("Rotate 90 CW"), and revived dates would be read in the
  // server's time zone, so the same file would answer differently on another server.
  translateValues: false,
  reviveValues: false,
};

/** Camera strings are short; a longer one is junk or an attempt to bloat the stored result. */
const MAX_TEXT_LENGTH = 256;
const EXIF_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const UTC_OFFSET = /^[+-]\d{2}:\d{2}$/;

async function readExifTags(bytes: Buffer): Promise<ExifTags | null> {
  try {
    const tags: unknown = await exifr.parse(bytes, EXIF_OPTIONS);
    return typeof tags === "object" && tags !== null ? (tags as ExifTags) : null;
  } catch {
    return null; // a format exifr does not read (GIF, WebP) or a corrupt file: no EXIF to report
  }
}

/** EXIF ASCII is NUL-padded and may hold other control bytes; Postgres text refuses NUL. */
function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, MAX_TEXT_LENGTH);
  return cleaned === "" ? null : cleaned;
}

/** A finite number; a tag written several times (ISO often is) gives its first value. */
function finite(value: unknown): number | null {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === "number" && Number.isFinite(first) ? first : null;
}

/** "2024:05:01 12:34:56" as "2024-05-01T12:34:56", plus "+02:00" when the offset was recorded. */
function isoDateTime(dateTime: unknown, offset: unknown): string | null {
  const raw = text(dateTime);
  if (raw === null || !EXIF_DATE_TIME.test(raw)) return null;
  const iso = raw.replace(EXIF_DATE_TIME, "$1-$2-$3T$4:$5:$6");
  // Cameras without a set clock write "0000:00:00 00:00:00".
  if (Number.isNaN(Date.parse(`${iso}Z`))) return null;
  const zone = text(offset);
  return zone !== null && UTC_OFFSET.test(zone) ? `${iso}${zone}` : iso;
}

/** Rounded to 6 decimals (about 10 cm), finer than any camera's GPS; both or neither. */
function coordinates(tags: ExifTags): [number | null, number | null] {
  const latitude = finite(tags["latitude"]);
  const longitude = finite(tags["longitude"]);
  if (latitude === null || longitude === null) return [null, null];
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return [null, null];
  const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6 + 0;
  return [round6(latitude), round6(longitude)];
}

function summarize(tags: ExifTags): ExifSummary | null {
  const iso = finite(tags["ISO"]);
  const [latitude, longitude] = coordinates(tags);
  const summary: ExifSummary = {
    make: text(tags["Make"]),
    model: text(tags["Model"]),
    software: text(tags["Software"]),
    lens_model: text(tags["LensModel"]),
    date_time_original: isoDateTime(tags["DateTimeOriginal"], tags["OffsetTimeOriginal"]),
    exposure_time: finite(tags["ExposureTime"]),
    f_number: finite(tags["FNumber"]),
    iso: iso !== null && Number.isInteger(iso) && iso >= 0 ? iso : null,
    focal_length: finite(tags["FocalLength"]),
    gps_latitude: latitude,
    gps_longitude: longitude,
  };
  return Object.values(summary).every((value) => value === null) ? null : summary;
}

function orientation(tags: ExifTags | null): number | null {
  const value = tags === null ? null : finite(tags["Orientation"]);
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 8 ? value : null;
}

/**
 * image-size reads more layouts than inspectImage; the upload's own answer is the fallback.
 * image-size 2.1 reads through `new DataView(input.buffer, input.byteOffset + offset)`, unbounded
 * by the view's length: on a truncated upload it would read past the file, into whatever shares
 * the ArrayBuffer (small Buffers share Node's pool with other requests). A copy with an
 * ArrayBuffer of its own makes such a read throw instead.
 */
function pixelSize(upload: ImageUpload): { width: number | null; height: number | null } {
  try {
    const { width, height } = imageSize(new Uint8Array(upload.bytes));
    if (Number.isInteger(width) && Number.isInteger(height)) return { width, height };
  } catch {
    // a truncated or unusual header
  }
  return { width: upload.image.width, height: upload.image.height };
}

/**
 * Format, size and camera metadata of an upload, read in memory from its headers; the image is
 * never stored. A corrupt or truncated file still answers: what could not be read is null.
 */
export const imageMetadataExtractor = defineImageService({
  name: "image_metadata_extractor",
  type: "image_processing",
  description:
    "Reads an image's format, pixel size, file size, orientation and camera EXIF data such as make, model, exposure and GPS position.",
  defaultCreditCost: 10,
  outputSchema: imageMetadataResult,
  async run(upload) {
    const tags = await readExifTags(upload.bytes);
    return succeeded({
      format: upload.image.format,
      mime_type: upload.image.mimeType,
      ...pixelSize(upload),
      bytes: upload.bytes.length,
      orientation: orientation(tags),
      exif: tags === null ? null : summarize(tags),
    });
  },
});
