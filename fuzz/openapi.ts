/** The parts of a served OpenAPI 3.0 document the fuzzer reads, as plain JSON Schemas. */
export type Schema = Record<string, unknown>;

export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly schema: Schema;
}

export interface Operation {
  readonly id: string;
  readonly method: string;
  /** The path template, e.g. /api/customers/tokens/{id}. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** Declared request bodies by media type, or undefined when the operation takes none. */
  readonly body:
    { readonly required: boolean; readonly content: ReadonlyMap<string, Schema> } | undefined;
  /** Declared responses by status ("200", "4XX", "default"): their bodies by media type. */
  readonly responses: ReadonlyMap<string, ReadonlyMap<string, Schema>>;
  /** Some security requirement applies (none of them is the empty one). */
  readonly secured: boolean;
  readonly tags: readonly string[];
}

interface RawOperation {
  operationId?: string;
  tags?: string[];
  parameters?: { name: string; in: Parameter["in"]; required?: boolean; schema?: unknown }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: Record<string, string[]>[];
}

export interface RawDocument {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  security?: Record<string, string[]>[];
}

const METHODS = new Set(["get", "put", "post", "delete", "patch"]);

/**
 * OpenAPI 3.0's schema dialect as JSON Schema for ajv and the generator: `nullable: true` becomes
 * a null alternative (3.0 has no `type: [..., "null"]`).
 */
export function toJsonSchema(schema: unknown): Schema {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return {};
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable") continue;
    if (key === "properties" && value !== null && typeof value === "object") {
      result[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, property]) => [
          name,
          toJsonSchema(property),
        ]),
      );
    } else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)) {
      result[key] = value.map((branch) => toJsonSchema(branch));
    } else if (
      (key === "items" || key === "not" || key === "additionalProperties") &&
      value !== null &&
      typeof value === "object"
    ) {
      result[key] = toJsonSchema(value);
    } else {
      result[key] = value;
    }
  }
  if ((schema as { nullable?: unknown }).nullable !== true) return result;
  if (typeof result["type"] === "string") {
    const nullable: Schema = { ...result, type: [result["type"], "null"] };
    // `{nullable: true, enum: [null]}` (how a union member that is only null is written) already
    // lists null: a second one makes the schema invalid.
    const values = result["enum"] as unknown[] | undefined;
    if (Array.isArray(values) && !values.includes(null)) nullable["enum"] = [...values, null];
    return nullable;
  }
  return { anyOf: [result, { type: "null" }] };
}

function secured(requirements: Record<string, string[]>[] | undefined): boolean {
  return (
    requirements !== undefined &&
    requirements.length > 0 &&
    requirements.every((requirement) => Object.keys(requirement).length > 0)
  );
}

function contentOf(content: Record<string, { schema?: unknown }> | undefined) {
  return new Map(
    Object.entries(content ?? {}).map(([mediaType, media]) => [
      mediaType,
      toJsonSchema(media.schema),
    ]),
  );
}

/** Every operation of the document, in the document's order. */
export function operationsOf(document: RawDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const upper = method.toUpperCase();
      operations.push({
        id: raw.operationId ?? `${upper} ${path}`,
        method: upper,
        path,
        parameters: (raw.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true || parameter.in === "path",
          schema: toJsonSchema(parameter.schema),
        })),
        body:
          raw.requestBody === undefined
            ? undefined
            : {
                required: raw.requestBody.required === true,
                content: contentOf(raw.requestBody.content),
              },
        responses: new Map(
          Object.entries(raw.responses ?? {}).map(([status, response]) => [
            status,
            contentOf(response.content),
          ]),
        ),
        secured: secured(raw.security ?? document.security),
        tags: raw.tags ?? [],
      });
    }
  }
  return operations;
}

/** The declared response for a status: exact, then its class ("4XX"), then "default". */
export function declaredResponse(
  operation: Operation,
  status: number,
): ReadonlyMap<string, Schema> | undefined {
  return (
    operation.responses.get(String(status)) ??
    operation.responses.get(`${String(status).charAt(0)}XX`) ??
    operation.responses.get("default")
  );
}
