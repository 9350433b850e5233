import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, call, type QueryOf } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { SECURITY_EVENT_TYPES, SecurityEventsTable } from "../tables/SecurityEventsTable";
import { UserAndTypeFilter } from "../UserAndTypeFilter";
import { usePageTitle } from "../usePageTitle";

/** Every user's security events (logins, lockouts, resets, tokens), read-only, newest first. */
export function SecurityLogPage() {
  usePageTitle("Security log");
  const { filters, page, setFilters, setPage } = useUrlFilters(["user", "type"] as const);
  const query = { ...queryParams(filters), page } as QueryOf<"listSecurityEvents">;
  const events = useQuery({
    queryKey: ["admin", "security-log", query],
    queryFn: () => call(api.GET("/api/admin/security-log", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Security log" />
      <UserAndTypeFilter
        label="Filter the security log"
        typeLabel="Event"
        types={SECURITY_EVENT_TYPES}
        typeWidth={{ base: "100%", xs: 240 }}
        filters={filters}
        setFilters={setFilters}
      />
      <QueryState
        query={events}
        isEmpty={(data) => data.count === 0}
        empty="No security events match."
      >
        {(data) => (
          <>
            <SecurityEventsTable events={data.results} showUser />
            <Pager count={data.count} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
