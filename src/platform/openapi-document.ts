interface Operation {
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: { nullable?: boolean } }>;
  };
}

/**
 * @fastify/swagger marks every request body required, since Fastify validates a missing body as
 * null against the body schema. A route whose body schema takes null (`Type.Union([…,
 * Type.Null()])`: "no body means the defaults") does accept a request without one, so the
 * document says so.
 */
export function markOptionalBodies<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const methods of Object.values(paths)) {
    for (const operation of Object.values(methods)) {
      const body = operation.requestBody;
      const media = Object.values(body?.content ?? {});
      if (
        body !== undefined &&
        media.length > 0 &&
        media.every((m) => m.schema?.nullable === true)
      ) {
        body.required = false;
      }
    }
  }
  return document;
}
