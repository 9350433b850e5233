import { Button, Group, Select, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { api, call, type QueryOf } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { CREDIT_ENTRY_TYPES, CreditLedgerTable } from "../tables/CreditLedgerTable";
import { usePageTitle } from "../usePageTitle";

/** The credit journal across accounts, newest first; adjustments are made on a user's page. */
export function CreditsPage() {
  usePageTitle("Credits");
  const { filters, page, setFilters, setPage } = useUrlFilters(["user", "type"] as const);
  const [user, setUser] = useState(filters.user);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllCreditTransactions">;
  const ledger = useQuery({
    queryKey: ["admin", "credits", "transactions", query],
    queryFn: () => call(api.GET("/api/admin/credits/transactions", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters({ user: user.trim() });
  };
  return (
    <>
      <PageHeader title="Credits" />
      <form onSubmit={submit} aria-label="Filter the credit ledger">
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label="User id"
            placeholder="From the user's page"
            value={user}
            onChange={(event) => setUser(event.currentTarget.value)}
            w={{ base: "100%", xs: 340 }}
          />
          <Select
            label="Type"
            placeholder="Any"
            data={CREDIT_ENTRY_TYPES}
            value={filters.type === "" ? null : filters.type}
            onChange={(value) => setFilters({ type: value ?? "" })}
            clearable
            w={140}
          />
          <Button type="submit">Apply</Button>
        </Group>
      </form>
      <QueryState
        query={ledger}
        isEmpty={(data) => data.count === 0}
        empty="No credit transactions match."
      >
        {(data) => (
          <>
            <CreditLedgerTable entries={data.results} showUser />
            <Pager count={data.count} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
