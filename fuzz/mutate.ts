import { copyDraft, type Draft } from "./drafts.js";
import type { Operation, Schema } from "./openapi.js";
import type { Random } from "./random.js";

/** Strings a hostile client sends: each is tried wherever text goes. */
export const HOSTILE_STRINGS: readonly { readonly label: string; readonly value: string }[] = [
  { label: "SQL", value: "' OR '1'='1' --" },
  { label: "SQL", value: "1; DROP TABLE users; --" },
  { label: "path traversal", value: "../../../../etc/passwd" },
  { label: "encoded path traversal", value: "..%2F..%2F..%2Fetc%2Fpasswd" },
  { label: "NUL", value: "a\u0000b" },
  { label: "lone surrogate", value: "a\udfffb" },
  { label: "lone high surrogate", value: "\ud800" },
  { label: "10k characters", value: "x".repeat(10_000) },
  { label: "markup", value: "<script>alert(1)</script>" },
  { label: "template", value: "${7*7}{{7*7}}%s%n" },
  { label: "CRLF", value: "a\r\nX-Injected: 1" },
  { label: "emoji and RTL override", value: "\u{1F600}\u202Eabc" },
  { label: "empty", value: "" },
  { label: "blank", value: "   " },
  { label: "huge number", value: "99999999999999999999999999" },
];

/** Texts that are not the parameter's type, by type (numbers: what Number() would still read). */
const WRONG_TEXT: Record<string, readonly string[]> = {
  integer: ["abc", "0x10", "1e1", " 1", "1.5", "", "9007199254740993", "-0x1"],
  number: ["abc", "0x10", "NaN", "Infinity", "", "1,5"],
  boolean: ["yes", "1", "", "TRUE"],
};

/** A value of another JSON type than `value`'s. */
function otherType(value: unknown, random: Random): unknown {
  if (typeof value === "string") return random.pick([12345, true, null, ["x"], { x: 1 }]);
  if (typeof value === "number") return random.pick(["12", true, null, [1]]);
  if (typeof value === "boolean") return random.pick(["true", 1, null]);
  if (value === null) return random.pick([{}, "null", 0]);
  if (Array.isArray(value)) return random.pick([{}, "[]", 0]);
  return random.pick([[], "{}", 0, null]);
}

type Path = readonly string[];

/** Every member of a JSON value, as paths from the root. */
function memberPaths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [
    [...prefix, key],
    ...memberPaths(item, [...prefix, key]),
  ]);
}

/** Members the schema requires, present in the value (through objects and union branches). */
function requiredPaths(schema: Schema, value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const branches = [schema, ...((schema["anyOf"] ?? schema["oneOf"] ?? []) as Schema[])];
  const paths: Path[] = [];
  for (const branch of branches) {
    const properties = (branch["properties"] ?? {}) as Record<string, Schema>;
    for (const key of (branch["required"] ?? []) as string[]) {
      if (key in value) paths.push([...prefix, key]);
    }
    for (const [key, property] of Object.entries(properties)) {
      const member = (value as Record<string, unknown>)[key];
      paths.push(...requiredPaths(property, member, [...prefix, key]));
    }
  }
  return paths;
}

/** A copy of `root` with the member at `path` replaced (or removed when `value` is REMOVE). */
const REMOVE = Symbol("remove");
function withMember(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1] ?? "";
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else {
    parent[last] = value;
  }
  return copy;
}

function describeValue(value: unknown): string {
  const text = (JSON.stringify(value) as string | undefined) ?? "undefined";
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export const NOTHING_TO_MUTATE = "nothing to mutate";

export interface Mutation {
  readonly draft: Draft;
  readonly note: string;
}

type Mutator = (operation: Operation, draft: Draft, random: Random) => Mutation | undefined;

function setParameter(draft: Draft, where: string, name: string, text: string | undefined) {
  const next = copyDraft(draft);
  const map = where === "path" ? next.path : where === "query" ? next.query : next.header;
  if (text === undefined) map.delete(name);
  else if (map === next.query) next.query.set(name, [text]);
  else (map as Map<string, string>).set(name, text);
  return next;
}

const parameterWrongType: Mutator = (operation, draft, random) => {
  const candidates = operation.parameters.filter(
    (parameter) => WRONG_TEXT[String(parameter.schema["type"])] !== undefined,
  );
  if (candidates.length === 0) return undefined;
  const parameter = random.pick(candidates);
  const text = random.pick(WRONG_TEXT[String(parameter.schema["type"])] ?? []);
  return {
    draft: setParameter(draft, parameter.in, parameter.name, text),
    note: `${parameter.in} parameter ${parameter.name}: ${JSON.stringify(text)} is not ${String(parameter.schema["type"])}`,
  };
};

const parameterHostile: Mutator = (operation, draft, random) => {
  const candidates = operation.parameters.filter((parameter) => parameter.in !== "cookie");
  if (candidates.length === 0) return undefined;
  const parameter = random.pick(candidates);
  // An empty path segment is another URL (…/users//unlock is …/users/unlock), not this operation.
  const hostile = random.pick(
    HOSTILE_STRINGS.filter((item) => parameter.in !== "path" || item.value !== ""),
  );
  return {
    draft: setParameter(draft, parameter.in, parameter.name, hostile.value),
    note: `${parameter.in} parameter ${parameter.name}: ${hostile.label}`,
  };
};

const parameterMissing: Mutator = (operation, draft, random) => {
  const candidates = operation.parameters.filter(
    (parameter) => parameter.required && (parameter.in === "query" || parameter.in === "header"),
  );
  if (candidates.length === 0) return undefined;
  const parameter = random.pick(candidates);
  return {
    draft: setParameter(draft, parameter.in, parameter.name, undefined),
    note: `required ${parameter.in} parameter ${parameter.name} missing`,
  };
};

const parameterRepeated: Mutator = (operation, draft, random) => {
  const candidates = operation.parameters.filter(
    (parameter) =>
      parameter.in === "query" &&
      parameter.schema["type"] !== "array" &&
      draft.query.has(parameter.name),
  );
  if (candidates.length === 0) return undefined;
  const parameter = random.pick(candidates);
  const next = copyDraft(draft);
  const values = next.query.get(parameter.name) ?? [];
  next.query.set(parameter.name, [...values, ...values]);
  return { draft: next, note: `query parameter ${parameter.name} repeated` };
};

function jsonBody(draft: Draft): { value: unknown } | undefined {
  return draft.body?.kind === "json" ? { value: draft.body.value } : undefined;
}

function withJson(draft: Draft, value: unknown): Draft {
  const next = copyDraft(draft);
  next.body = { kind: "json", value };
  return next;
}

const bodyWrongType: Mutator = (_operation, draft, random) => {
  const body = jsonBody(draft);
  if (body === undefined) return undefined;
  const paths = memberPaths(body.value);
  if (paths.length === 0) {
    const value = otherType(body.value, random);
    return { draft: withJson(draft, value), note: `body replaced by ${describeValue(value)}` };
  }
  const path = random.pick(paths);
  let current: unknown = body.value;
  for (const key of path) current = (current as Record<string, unknown>)[key];
  const value = otherType(current, random);
  return {
    draft: withJson(draft, withMember(body.value, path, value)),
    note: `body.${path.join(".")}: ${describeValue(value)} instead of ${describeValue(current)}`,
  };
};

const bodyMissingMember: Mutator = (operation, draft, random) => {
  const body = jsonBody(draft);
  const schema = operation.body?.content.get("application/json");
  if (body === undefined || schema === undefined) return undefined;
  const paths = requiredPaths(schema, body.value);
  if (paths.length === 0) return undefined;
  const path = random.pick(paths);
  return {
    draft: withJson(draft, withMember(body.value, path, REMOVE)),
    note: `required body.${path.join(".")} missing`,
  };
};

const bodyHostile: Mutator = (_operation, draft, random) => {
  const body = jsonBody(draft);
  if (body === undefined) return undefined;
  const hostile = random.pick(HOSTILE_STRINGS);
  const paths = memberPaths(body.value);
  const isObject =
    body.value !== null && typeof body.value === "object" && !Array.isArray(body.value);
  // Into a member; an empty object gets one; anything else is replaced by the string.
  const path = paths.length > 0 ? random.pick(paths) : isObject ? ["fuzz_member"] : undefined;
  if (path === undefined) {
    return { draft: withJson(draft, hostile.value), note: `body is a string: ${hostile.label}` };
  }
  return {
    draft: withJson(draft, withMember(body.value, path, hostile.value)),
    note: `body.${path.join(".")}: ${hostile.label}`,
  };
};

const bodyUnknownMember: Mutator = (_operation, draft) => {
  const body = jsonBody(draft);
  if (body?.value === null || typeof body?.value !== "object" || Array.isArray(body.value)) {
    return undefined;
  }
  return {
    draft: withJson(draft, { ...body.value, fuzz_unknown_member: "x" }),
    note: "body has an unknown member",
  };
};

const RAW_BODIES: readonly { label: string; mediaType: string; text: string }[] = [
  { label: "malformed JSON", mediaType: "application/json", text: '{"a": ' },
  { label: "empty JSON body", mediaType: "application/json", text: "" },
  { label: "JSON number out of range", mediaType: "application/json", text: "1e999" },
  {
    label: "deeply nested JSON",
    mediaType: "application/json",
    text: `${"[".repeat(5000)}${"]".repeat(5000)}`,
  },
  { label: "JSON with a duplicate key", mediaType: "application/json", text: '{"a": 1, "a": 2}' },
  { label: "JSON with __proto__", mediaType: "application/json", text: '{"__proto__": {"x": 1}}' },
  { label: "text/plain body", mediaType: "text/plain", text: "hello" },
  { label: "XML body", mediaType: "application/xml", text: "<a/>" },
  { label: "form body", mediaType: "application/x-www-form-urlencoded", text: "a=1&b=2" },
];

const bodyRaw: Mutator = (operation, draft, random) => {
  if (operation.body === undefined) return undefined;
  const raw = random.pick(RAW_BODIES);
  const next = copyDraft(draft);
  next.body = { kind: "raw", mediaType: raw.mediaType, bytes: Buffer.from(raw.text) };
  return { draft: next, note: raw.label };
};

const bodyMissing: Mutator = (operation, draft) => {
  if (operation.body?.required !== true || draft.body === undefined) return undefined;
  const next = copyDraft(draft);
  next.body = undefined;
  return { draft: next, note: "required body missing" };
};

const multipartBroken: Mutator = (_operation, draft, random) => {
  if (draft.body?.kind !== "multipart") return undefined;
  const next = copyDraft(draft);
  const hostile = random.pick(HOSTILE_STRINGS);
  const parts = random.chance(0.5)
    ? draft.body.parts.slice(1)
    : [...draft.body.parts, { name: hostile.value, data: Buffer.from(hostile.value) }];
  next.body = { kind: "multipart", parts };
  return {
    draft: next,
    note:
      parts.length < draft.body.parts.length
        ? "multipart part missing"
        : `multipart field named ${hostile.label}`,
  };
};

const MUTATORS: readonly Mutator[] = [
  parameterWrongType,
  parameterHostile,
  parameterMissing,
  parameterRepeated,
  bodyWrongType,
  bodyMissingMember,
  bodyHostile,
  bodyUnknownMember,
  bodyRaw,
  bodyMissing,
  multipartBroken,
];

/**
 * One mutation of a generated request: a wrong type, a missing member, a hostile string, a
 * malformed or mistyped body. Whether the result is still valid is decided afterwards, against
 * the document (a hostile string in a free-text field is valid input, and must be handled).
 */
export function mutate(operation: Operation, draft: Draft, random: Random): Mutation {
  // A seeded order, then the first mutator that applies to this operation.
  const order = MUTATORS.map((mutator) => ({ mutator, rank: random.next() }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ mutator }) => mutator);
  for (const mutator of order) {
    const mutation = mutator(operation, draft, random);
    if (mutation !== undefined) return mutation;
  }
  return { draft, note: NOTHING_TO_MUTATE };
}
