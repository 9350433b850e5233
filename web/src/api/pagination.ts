/** Every list of the API: DRF-style pages of 25, `?page=N` from 1. */
export interface Page<T> {
  readonly count: number;
  readonly next: string | null;
  readonly previous: string | null;
  readonly results: readonly T[];
}

export const PAGE_SIZE = 25;

/** How many pages `count` items fill (at least one, so an empty list shows "page 1 of 1"). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / PAGE_SIZE));
}

/** The page number from a URL's query string: 1 unless a positive integer is given. */
export function pageFrom(search: URLSearchParams): number {
  const page = Number(search.get("page"));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
