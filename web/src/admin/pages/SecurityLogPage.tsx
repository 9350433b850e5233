import { Button, Group, Select, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { api, call, type QueryOf } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { SECURITY_EVENT_TYPES, SecurityEventsTable } from "../tables/SecurityEventsTable";
import { usePageTitle } from "../usePageTitle";

/** Every user's security events (logins, lockouts, resets, tokens), read-only, newest first. */
export function SecurityLogPage() {
  usePageTitle("Security log");
  const { filters, page, setFilters, setPage } = useUrlFilters(["user", "type"] as const);
  const [user, setUser] = useState(filters.user);
  const query = { ...queryParams(filters), page } as QueryOf<"listSecurityEvents">;
  const events = useQuery({
    queryKey: ["admin", "security-log", query],
    queryFn: () => call(api.GET("/api/admin/security-log", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters({ user: user.trim() });
  };
  return (
    <>
      <PageHeader title="Security log" />
      <form onSubmit={submit} aria-label="Filter the security log">
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label="User id"
            placeholder="From the user's page"
            value={user}
            onChange={(event) => setUser(event.currentTarget.value)}
            w={{ base: "100%", xs: 340 }}
          />
          <Select
            label="Event"
            placeholder="Any"
            data={SECURITY_EVENT_TYPES}
            value={filters.type === "" ? null : filters.type}
            onChange={(value) => setFilters({ type: value ?? "" })}
            clearable
            w={{ base: "100%", xs: 240 }}
          />
          <Button type="submit">Apply</Button>
        </Group>
      </form>
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
