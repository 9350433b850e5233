import { Type, type Static, type TSchema } from "typebox";
import type { FastifyRequest } from "fastify";
import { platformError } from "./errors.js";

export const PAGE_SIZE = 25;

export const PageQuery = Type.Object({
  // The bound keeps OFFSET far inside bigint (25 * 1e6 rows is beyond any real list).
  page: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 1,
      description: "1-based page number",
    }),
  ),
});
export type PageQuery = Static<typeof PageQuery>;

/** DRF-style page envelope: `{count, next, previous, results}`. */
export function Paginated<T extends TSchema>(item: T) {
  return Type.Object({
    count: Type.Integer(),
    next: Type.Union([Type.String(), Type.Null()]),
    previous: Type.Union([Type.String(), Type.Null()]),
    results: Type.Array(item),
  });
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** Row window for a 1-based page. */
export function pageWindow(page: number | undefined): {
  limit: number;
  offset: number;
  page: number;
} {
  const current = page ?? 1;
  return { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE, page: current };
}

/** One page of rows as a service returns it: the 1-based page, the total count, the rows. */
export interface Listed<T> {
  readonly page: number;
  readonly count: number;
  readonly rows: readonly T[];
}

/**
 * The DRF envelope of a listed page, each row turned into its JSON shape, with absolute
 * next/previous links (on PUBLIC_BASE_URL) that keep the request's other filters. A page past
 * the last is 404 "Invalid page." as in DRF; page 1 of an empty list is an empty page.
 */
export function toPage<T, J>(
  request: FastifyRequest,
  listed: Listed<T>,
  toJson: (row: T) => J,
): Page<J> {
  const { page, count } = listed;
  if (page > 1 && (page - 1) * PAGE_SIZE >= count)
    throw platformError("not_found", "Invalid page.");
  const results = listed.rows.map((row) => toJson(row));
  const link = (target: number): string => {
    const url = new URL(request.url, request.server.config.publicBaseUrl);
    if (target === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(target));
    return url.toString();
  };
  return {
    count,
    next: page * PAGE_SIZE < count ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results,
  };
}
