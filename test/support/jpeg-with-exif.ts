import { headerOnlyJpeg } from "./image-files.js";

/** A TIFF field value: ASCII text, one SHORT or LONG, or unsigned RATIONALs as [numerator, denominator]. */
type TiffValue =
  | { readonly ascii: string }
  | { readonly short: number }
  | { readonly long: number }
  | { readonly rationals: readonly (readonly [number, number])[] };

type Ifd = ReadonlyMap<number, TiffValue>;

/** The EXIF fields a test may set; each is written only when given. */
export interface ExifFields {
  readonly make?: string;
  readonly model?: string;
  /** 1–8; any SHORT is written, so tests can store out-of-range values too. */
  readonly orientation?: number;
  readonly software?: string;
  /** EXIF's own format, "YYYY:MM:DD HH:MM:SS". */
  readonly dateTimeOriginal?: string;
  /** e.g. "+02:00". */
  readonly offsetTimeOriginal?: string;
  readonly exposureTime?: readonly [number, number];
  readonly fNumber?: readonly [number, number];
  readonly iso?: number;
  readonly focalLength?: readonly [number, number];
  readonly lensModel?: string;
  /** Decimal degrees; the builder writes degrees, minutes, seconds and the N/S or E/W reference. */
  readonly gps?: { readonly latitude: number; readonly longitude: number };
}

const TAG = {
  make: 0x010f,
  model: 0x0110,
  orientation: 0x0112,
  software: 0x0131,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  exposureTime: 0x829a,
  fNumber: 0x829d,
  iso: 0x8827,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  focalLength: 0x920a,
  lensModel: 0xa434,
  gpsLatitudeRef: 0x0001,
  gpsLatitude: 0x0002,
  gpsLongitudeRef: 0x0003,
  gpsLongitude: 0x0004,
} as const;

/** [TIFF type code, bytes per component, component count, big-endian payload]. */
function encodeValue(value: TiffValue): [number, number, Buffer] {
  if ("ascii" in value) {
    const text = Buffer.from(`${value.ascii}\0`, "latin1");
    return [2, text.length, text];
  }
  if ("short" in value) {
    const bytes = Buffer.alloc(2);
    bytes.writeUInt16BE(value.short);
    return [3, 1, bytes];
  }
  if ("long" in value) {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(value.long);
    return [4, 1, bytes];
  }
  const bytes = Buffer.alloc(8 * value.rationals.length);
  value.rationals.forEach(([numerator, denominator], index) => {
    bytes.writeUInt32BE(numerator, index * 8);
    bytes.writeUInt32BE(denominator, index * 8 + 4);
  });
  return [5, value.rationals.length, bytes];
}

/** Bytes an IFD takes: count, 12-byte entries, next-IFD offset, then values longer than 4 bytes. */
function ifdSize(ifd: Ifd): number {
  let size = 2 + 12 * ifd.size + 4;
  for (const value of ifd.values()) {
    const payload = encodeValue(value)[2];
    if (payload.length > 4) size += payload.length + (payload.length % 2);
  }
  return size;
}

/** One big-endian IFD placed at `start` (an offset from the TIFF header), entries in tag order. */
function encodeIfd(ifd: Ifd, start: number): Buffer {
  const tags = [...ifd.keys()].sort((a, b) => a - b);
  const table = Buffer.alloc(2 + 12 * tags.length + 4);
  table.writeUInt16BE(tags.length, 0);
  const overflow: Buffer[] = [];
  let overflowOffset = start + table.length;
  tags.forEach((tag, index) => {
    const [type, count, payload] = encodeValue(ifd.get(tag)!);
    const entry = 2 + 12 * index;
    table.writeUInt16BE(tag, entry);
    table.writeUInt16BE(type, entry + 2);
    table.writeUInt32BE(count, entry + 4);
    if (payload.length <= 4) {
      payload.copy(table, entry + 8);
    } else {
      table.writeUInt32BE(overflowOffset, entry + 8);
      const padded = Buffer.alloc(payload.length + (payload.length % 2));
      payload.copy(padded);
      overflow.push(padded);
      overflowOffset += padded.length;
    }
  });
  return Buffer.concat([table, ...overflow]);
}

/** Whole degrees, minutes and hundredths of seconds, as EXIF GPS coordinates are written. */
function degreesMinutesSeconds(decimal: number): [number, number][] {
  const absolute = Math.abs(decimal);
  const degrees = Math.floor(absolute);
  const minutes = Math.floor((absolute - degrees) * 60);
  const centiseconds = Math.round(((absolute - degrees) * 60 - minutes) * 60 * 100);
  return [
    [degrees, 1],
    [minutes, 1],
    [centiseconds, 100],
  ];
}

function setIfGiven(ifd: Map<number, TiffValue>, tag: number, value: TiffValue | undefined): void {
  if (value !== undefined) ifd.set(tag, value);
}

const ascii = (text: string | undefined) => (text === undefined ? undefined : { ascii: text });
const rational = (pair: readonly [number, number] | undefined) =>
  pair === undefined ? undefined : { rationals: [pair] };

/** The TIFF structure of an EXIF block: IFD0, then the EXIF IFD and the GPS IFD when they have fields. */
export function exifTiff(fields: ExifFields): Buffer {
  const ifd0 = new Map<number, TiffValue>();
  setIfGiven(ifd0, TAG.make, ascii(fields.make));
  setIfGiven(ifd0, TAG.model, ascii(fields.model));
  if (fields.orientation !== undefined) ifd0.set(TAG.orientation, { short: fields.orientation });
  setIfGiven(ifd0, TAG.software, ascii(fields.software));

  const exif = new Map<number, TiffValue>();
  setIfGiven(exif, TAG.exposureTime, rational(fields.exposureTime));
  setIfGiven(exif, TAG.fNumber, rational(fields.fNumber));
  if (fields.iso !== undefined) exif.set(TAG.iso, { short: fields.iso });
  setIfGiven(exif, TAG.dateTimeOriginal, ascii(fields.dateTimeOriginal));
  setIfGiven(exif, TAG.offsetTimeOriginal, ascii(fields.offsetTimeOriginal));
  setIfGiven(exif, TAG.focalLength, rational(fields.focalLength));
  setIfGiven(exif, TAG.lensModel, ascii(fields.lensModel));

  const gps = new Map<number, TiffValue>();
  if (fields.gps !== undefined) {
    const { latitude, longitude } = fields.gps;
    gps.set(TAG.gpsLatitudeRef, { ascii: latitude < 0 ? "S" : "N" });
    gps.set(TAG.gpsLatitude, { rationals: degreesMinutesSeconds(latitude) });
    gps.set(TAG.gpsLongitudeRef, { ascii: longitude < 0 ? "W" : "E" });
    gps.set(TAG.gpsLongitude, { rationals: degreesMinutesSeconds(longitude) });
  }

  // Pointer entries are LONGs (4 bytes, stored inline), so IFD0's size does not depend on them.
  if (exif.size > 0) ifd0.set(TAG.exifIfd, { long: 0 });
  if (gps.size > 0) ifd0.set(TAG.gpsIfd, { long: 0 });
  const exifStart = 8 + ifdSize(ifd0);
  const gpsStart = exifStart + (exif.size > 0 ? ifdSize(exif) : 0);
  if (exif.size > 0) ifd0.set(TAG.exifIfd, { long: exifStart });
  if (gps.size > 0) ifd0.set(TAG.gpsIfd, { long: gpsStart });

  const header = Buffer.from("4d4d002a00000008", "hex"); // "MM", 42, IFD0 at offset 8
  return Buffer.concat([
    header,
    encodeIfd(ifd0, 8),
    ...(exif.size > 0 ? [encodeIfd(exif, exifStart)] : []),
    ...(gps.size > 0 ? [encodeIfd(gps, gpsStart)] : []),
  ]);
}

/** An APP1 segment holding `Exif\0\0` and the TIFF structure of `fields`. */
export function exifApp1Segment(fields: ExifFields): Buffer {
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), exifTiff(fields)]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(2 + body.length, 2);
  return Buffer.concat([marker, body]);
}

/** A header-only JPEG of the given size whose first segment is an EXIF APP1 with `fields`. */
export function jpegWithExif(width: number, height: number, fields: ExifFields): Buffer {
  return headerOnlyJpeg(width, height, [exifApp1Segment(fields)]);
}
