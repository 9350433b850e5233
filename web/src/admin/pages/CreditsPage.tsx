import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, call, type QueryOf } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { queryParams, useUrlFilters } from "../../components/url-filters";
import { CREDIT_ENTRY_TYPES, CreditLedgerTable } from "../tables/CreditLedgerTable";
import { UserAndTypeFilter } from "../UserAndTypeFilter";
import { usePageTitle } from "../usePageTitle";

/** The credit journal across accounts, newest first; adjustments are made on a user's page. */
export function CreditsPage() {
  usePageTitle("Credits");
  const { filters, page, setFilters, setPage } = useUrlFilters(["user", "type"] as const);
  const query = { ...queryParams(filters), page } as QueryOf<"listAllCreditTransactions">;
  const ledger = useQuery({
    queryKey: ["admin", "credits", "transactions", query],
    queryFn: () => call(api.GET("/api/admin/credits/transactions", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Credits" />
      <UserAndTypeFilter
        label="Filter the credit ledger"
        typeLabel="Type"
        types={CREDIT_ENTRY_TYPES}
        typeWidth={140}
        filters={filters}
        setFilters={setFilters}
      />
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
