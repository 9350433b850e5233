import { generateSync } from "json-schema-faker";
import { samplePng } from "../src/core/sample-images.js";
import type { Operation, Parameter, Schema } from "./openapi.js";
import { collectionOf, type Pool } from "./pool.js";
import type { Random } from "./random.js";

/** A request body before it is encoded. */
export type BodyDraft =
  | { readonly kind: "json"; readonly value: unknown }
  /** Bytes sent as they are, under a media type (malformed JSON, binary uploads, text). */
  | { readonly kind: "raw"; readonly mediaType: string; readonly bytes: Buffer }
  | { readonly kind: "multipart"; readonly parts: readonly MultipartPart[] };

export interface MultipartPart {
  readonly name: string;
  readonly filename?: string;
  readonly data: Buffer;
}

/**
 * One request of an operation, its parameters as the text they travel as (that is what the
 * document's parameter schemas are checked against, as the server reads them).
 */
export interface Draft {
  readonly path: Map<string, string>;
  readonly query: Map<string, string[]>;
  readonly header: Map<string, string>;
  body: BodyDraft | undefined;
}

/** A value of the schema, from json-schema-faker seeded by `random`. */
export function generateValue(schema: Schema, random: Random): unknown {
  const options = {
    seed: random.int(2 ** 31),
    optionalsProbability: 0.5,
    maxDefaultItems: 3,
    // Long enough to meet any minLength, short enough to keep requests small.
    maxLength: 64,
  };
  let value: unknown;
  try {
    value = generateSync(schema, options);
  } catch {
    // json-schema-faker 0.6 can leave out every optional member and then fail minProperties
    // (e.g. a PATCH body of optional fields); with all of them it cannot.
    value = generateSync(schema, { ...options, alwaysFakeOptionals: true });
  }
  return withShortDecimals(value, random);
}

/**
 * Most fractions cut to two decimals, as people write amounts: the generator's 17-digit
 * fractions meet "at most 3 decimals" rules (credits) that a schema cannot state, and never get
 * past them. The result is checked against the document like any other.
 */
function withShortDecimals(value: unknown, random: Random): unknown {
  if (typeof value === "number" && !Number.isInteger(value) && random.chance(0.75)) {
    return Math.round(value * 100) / 100;
  }
  if (Array.isArray(value)) return value.map((item) => withShortDecimals(item, random));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [key, withShortDecimals(member, random)]),
    );
  }
  return value;
}

/** How a typed value travels in a path, query or header: repeated for arrays (form, explode). */
export function asText(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => asText(item));
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  return value === null || value === undefined ? [""] : [JSON.stringify(value)];
}

function isBinary(schema: Schema): boolean {
  return schema["type"] === "string" && schema["format"] === "binary";
}

/** Bytes for a `format: binary` upload: half the time a small valid PNG, else random bytes. */
export function binaryValue(random: Random): Buffer {
  if (random.chance(0.5)) return samplePng(8 + random.int(24), 8 + random.int(24), random.int(100));
  return Buffer.from(Array.from({ length: 1 + random.int(256) }, () => random.int(256)));
}

function parameterText(
  operation: Operation,
  parameter: Parameter,
  random: Random,
  pool: Pool,
): string[] {
  const collection =
    parameter.in === "path" ? collectionOf(operation.path, parameter.name) : undefined;
  const known = pool.valueFor(parameter.name, random, collection);
  if (known !== undefined && random.chance(0.5)) return [known];
  return asText(generateValue(parameter.schema, random));
}

/** A body of one declared media type that the document accepts. */
export function bodyOf(mediaType: string, schema: Schema, random: Random, pool: Pool): BodyDraft {
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    return { kind: "json", value: pool.fill(generateValue(schema, random), random) };
  }
  if (mediaType === "multipart/form-data") {
    const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
    const required = new Set((schema["required"] ?? []) as string[]);
    const parts: MultipartPart[] = [];
    for (const [name, property] of Object.entries(properties)) {
      if (!required.has(name) && !random.chance(0.5)) continue;
      parts.push(
        isBinary(property)
          ? { name, filename: "upload.png", data: binaryValue(random) }
          : { name, data: Buffer.from(asText(generateValue(property, random))[0] ?? "") },
      );
    }
    return { kind: "multipart", parts };
  }
  const bytes = isBinary(schema)
    ? binaryValue(random)
    : Buffer.from(asText(generateValue(schema, random))[0] ?? "");
  return { kind: "raw", mediaType, bytes };
}

/** A request the document accepts: every required parameter, some optional ones, a body. */
export function generateDraft(operation: Operation, random: Random, pool: Pool): Draft {
  const draft: Draft = { path: new Map(), query: new Map(), header: new Map(), body: undefined };
  for (const parameter of operation.parameters) {
    if (parameter.in === "cookie") continue;
    if (!parameter.required && !random.chance(0.5)) continue;
    const text = parameterText(operation, parameter, random, pool);
    if (parameter.in === "path") draft.path.set(parameter.name, text[0] ?? "");
    else if (parameter.in === "query") draft.query.set(parameter.name, text);
    else draft.header.set(parameter.name, text[0] ?? "");
  }
  const body = operation.body;
  if (body !== undefined && body.content.size > 0 && (body.required || random.chance(0.8))) {
    const mediaType = random.pick([...body.content.keys()]);
    draft.body = bodyOf(mediaType, body.content.get(mediaType) ?? {}, random, pool);
  }
  return draft;
}

export function copyDraft(draft: Draft): Draft {
  return {
    path: new Map(draft.path),
    query: new Map([...draft.query].map(([name, values]) => [name, [...values]])),
    header: new Map(draft.header),
    body:
      draft.body?.kind === "json"
        ? { kind: "json", value: structuredClone(draft.body.value) }
        : draft.body,
  };
}
