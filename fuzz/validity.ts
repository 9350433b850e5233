import type { Draft } from "./drafts.js";
import type { Operation } from "./openapi.js";
import { schemaError, textError } from "./schemas.js";

function isJson(mediaType: string): boolean {
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

function parameterViolations(operation: Operation, draft: Draft): string[] {
  const found: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "cookie") continue;
    const single =
      parameter.in === "path"
        ? draft.path.get(parameter.name)
        : parameter.in === "header"
          ? draft.header.get(parameter.name)
          : undefined;
    const texts =
      parameter.in === "query"
        ? draft.query.get(parameter.name)
        : single === undefined
          ? undefined
          : [single];
    const where = `${parameter.in} parameter ${parameter.name}`;
    if (texts === undefined) {
      if (parameter.required) found.push(`${where} is required`);
      continue;
    }
    const isArray = parameter.schema["type"] === "array";
    if (!isArray && texts.length > 1) found.push(`${where} is given ${String(texts.length)} times`);
    const itemSchema = isArray
      ? ((parameter.schema["items"] ?? {}) as typeof parameter.schema)
      : parameter.schema;
    for (const text of texts) {
      const error = textError(itemSchema, text);
      if (error !== undefined) found.push(`${where}: ${error}`);
    }
  }
  return found;
}

function bodyViolations(operation: Operation, draft: Draft): string[] {
  const declared = operation.body;
  const body = draft.body;
  const empty = body === undefined || (body.kind === "raw" && body.bytes.length === 0);
  if (declared === undefined || empty) {
    return empty && declared?.required === true ? ["the required body is missing"] : [];
  }
  const mediaType =
    body.kind === "json"
      ? "application/json"
      : body.kind === "multipart"
        ? "multipart/form-data"
        : body.mediaType;
  const schema = declared.content.get(mediaType);
  if (schema === undefined) return [`the body's media type ${mediaType} is not declared`];
  if (body.kind === "json") {
    const error = schemaError(schema, body.value);
    return error === undefined ? [] : [`body: ${error}`];
  }
  if (body.kind === "multipart") {
    const names = new Set(body.parts.map((part) => part.name));
    const properties = (schema["properties"] ?? {}) as Record<string, typeof schema>;
    const found = ((schema["required"] ?? []) as string[])
      .filter((name) => !names.has(name))
      .map((name) => `multipart part ${name} is required`);
    if (schema["additionalProperties"] === false) {
      for (const name of names) if (!(name in properties)) found.push(`unknown part ${name}`);
    }
    return found;
  }
  if (!isJson(mediaType)) return [];
  let value: unknown;
  try {
    value = JSON.parse(body.bytes.toString("utf8"));
  } catch {
    return ["the body is not valid JSON"];
  }
  const error = schemaError(schema, value);
  return error === undefined ? [] : [`body: ${error}`];
}

/** How a request breaks the document (no item: the document accepts it). */
export function violations(operation: Operation, draft: Draft): string[] {
  return [...parameterViolations(operation, draft), ...bodyViolations(operation, draft)];
}
