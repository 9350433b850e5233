import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { pageFrom } from "../api/pagination";

/**
 * A list's filters and page live in the URL's query string, so a filtered view can be shared,
 * bookmarked and reloaded. Changing a filter goes back to page 1.
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]) {
  const [search, setSearch] = useSearchParams();
  const filters = {} as Record<Name, string>;
  for (const name of names) filters[name] = search.get(name) ?? "";
  const page = pageFrom(search);

  const setFilters = useCallback(
    (changes: Partial<Record<Name, string>>) => {
      setSearch((current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes) as [Name, string | undefined][]) {
          if (value === undefined || value === "") next.delete(name);
          else next.set(name, value);
        }
        next.delete("page");
        return next;
      });
    },
    [setSearch],
  );

  const setPage = useCallback(
    (value: number) => {
      setSearch((current) => {
        const next = new URLSearchParams(current);
        if (value <= 1) next.delete("page");
        else next.set("page", String(value));
        return next;
      });
    },
    [setSearch],
  );

  return { filters, page, setFilters, setPage };
}

/** The non-empty filters as API query parameters. */
export function queryParams<Name extends string>(
  filters: Record<Name, string>,
): Partial<Record<Name, string>> {
  const params: Partial<Record<Name, string>> = {};
  for (const [name, value] of Object.entries(filters) as [Name, string][]) {
    if (value !== "") params[name] = value;
  }
  return params;
}
