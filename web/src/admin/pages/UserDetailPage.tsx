import { Anchor, Badge, Card, SimpleGrid, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import {
  formatCents,
  formatCredits,
  formatDateTime,
  formatMoney,
  formatNumber,
} from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { useUrlFilters } from "../../components/url-filters";
import { CreditAdjustmentForm } from "../CreditAdjustmentForm";
import { CreditLedgerTable } from "../tables/CreditLedgerTable";
import { SecurityEventsTable } from "../tables/SecurityEventsTable";
import { UserActions, UserStatusBadges, type AdminUser } from "../UserActions";
import { usePageTitle } from "../usePageTitle";
import { PeriodActions, STATUS_COLORS } from "./BillingPeriodsPage";
import { ORDER_STATUS_COLORS } from "./order-status";
import { SubscriptionsTable } from "./SubscriptionsPage";
import { RevokeButton } from "./TokensPage";

type Balance = OkJson<"getUserCreditBalance">;

const TABS = [
  { value: "credits", label: "Credits" },
  { value: "tokens", label: "API tokens" },
  { value: "periods", label: "Billing periods" },
  { value: "orders", label: "Orders" },
  { value: "subscriptions", label: "Subscriptions" },
  { value: "security", label: "Security events" },
] as const;
type Tab = (typeof TABS)[number]["value"];

function isTab(value: string): value is Tab {
  return TABS.some((tab) => tab.value === value);
}

function Profile({ user }: { user: AdminUser }) {
  const rows: [string, ReactNode][] = [
    ["Email", user.email],
    ["Id", <code key="id">{user.id}</code>],
    ["Status", <UserStatusBadges key="status" user={user} />],
    ["Joined", formatDateTime(user.date_joined)],
    ["Email verified", formatDateTime(user.email_verified_at)],
    ["Locked until", formatDateTime(user.locked_until)],
  ];
  return (
    <Stack gap="sm" mb="lg">
      <Table variant="vertical" withTableBorder maw={720}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={150}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <UserActions user={user} />
    </Stack>
  );
}

function BalanceFigures({ balance }: { balance: Balance }) {
  const figures: [string, string][] = [
    ["Available", formatCredits(balance.total_available)],
    ["Trial", formatCredits(balance.trial_credits)],
    ["Subscription", formatCredits(balance.subscription_credits)],
    ["Pay as you go", formatCredits(balance.payg_credits)],
    ["Adjustment", formatCredits(balance.adjustment_credits)],
    ["Reserved", formatCredits(balance.reserved)],
  ];
  return (
    <section aria-label="Credit balance">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {figures.map(([label, value]) => (
          <Card key={label} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg" data-testid={`credits-${label}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="xs">
        {balance.next_expiry === null
          ? "No credits expire."
          : `${formatCredits(balance.next_expiry.credits)} credits expire ${formatDateTime(balance.next_expiry.expires_at)}.`}
      </Text>
    </section>
  );
}

function CreditsTab({ user, page, setPage }: TabProps) {
  const balance = useQuery({
    queryKey: ["admin", "credits", "balance", user.id],
    queryFn: () =>
      call(api.GET("/api/admin/users/{id}/credits", { params: { path: { id: user.id } } })),
  });
  const query = { user: user.id, page };
  const ledger = useQuery({
    queryKey: ["admin", "credits", "transactions", query],
    queryFn: () => call(api.GET("/api/admin/credits/transactions", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <QueryState query={balance}>{(data) => <BalanceFigures balance={data} />}</QueryState>
      <Card withBorder maw={560}>
        <Title order={3} size="h4" mb="sm">
          Adjust credits
        </Title>
        <CreditAdjustmentForm userId={user.id} email={user.email} />
      </Card>
      <div>
        <Title order={3} size="h4" mb="sm">
          Ledger
        </Title>
        <QueryState
          query={ledger}
          isEmpty={(data) => data.count === 0}
          empty="No credit transactions yet."
        >
          {(data) => (
            <>
              <CreditLedgerTable entries={data.results} showUser={false} />
              <Pager count={data.count} page={page} onChange={setPage} />
            </>
          )}
        </QueryState>
      </div>
    </Stack>
  );
}

function TokensTab({ user, page, setPage }: TabProps) {
  const query = { user: user.id, page };
  const tokens = useQuery({
    queryKey: ["admin", "tokens", query],
    queryFn: () => call(api.GET("/api/admin/tokens", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={tokens} isEmpty={(data) => data.count === 0} empty="No API tokens.">
      {(data) => (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td ff="monospace">{token.token_prefix}</Table.Td>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>{formatDateTime(token.created_at)}</Table.Td>
                    <Table.Td>{formatDateTime(token.last_used_at)}</Table.Td>
                    <Table.Td>
                      {token.revoked_at === null ? (
                        <RevokeButton token={token} />
                      ) : (
                        <Badge color="gray" variant="light">
                          revoked
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager count={data.count} page={page} onChange={setPage} />
        </>
      )}
    </QueryState>
  );
}

function PeriodsTab({ user, page, setPage }: TabProps) {
  const query = { user: user.id, page };
  const periods = useQuery({
    queryKey: ["admin", "billing-periods", query],
    queryFn: () => call(api.GET("/api/admin/billing/periods", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={periods} isEmpty={(data) => data.count === 0} empty="No billing periods.">
      {(data) => (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Month</Table.Th>
                  <Table.Th>Requests</Table.Th>
                  <Table.Th>Billed</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((period) => (
                  <Table.Tr key={period.id}>
                    <Table.Td>
                      {period.period_start.slice(0, 7)}
                      {period.is_current ? " (current)" : ""}
                    </Table.Td>
                    <Table.Td>{formatNumber(period.total_requests)}</Table.Td>
                    <Table.Td>{formatCents(period.total_cost_cents)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[period.payment_status]} variant="light">
                        {period.payment_status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <PeriodActions period={period} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager count={data.count} page={page} onChange={setPage} />
        </>
      )}
    </QueryState>
  );
}

function OrdersTab({ user, page, setPage }: TabProps) {
  // The orders search takes a user id as one of the things it matches exactly.
  const query = { q: user.id, page };
  const orders = useQuery({
    queryKey: ["admin", "orders", query],
    queryFn: () => call(api.GET("/api/admin/orders", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={orders} isEmpty={(data) => data.count === 0} empty="No orders.">
      {(data) => (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th ta="right">Refunded</Table.Th>
                  <Table.Th>Provider</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>{formatDateTime(order.created_at)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/orders/${order.id}`}>
                        {order.description}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={ORDER_STATUS_COLORS[order.status]} variant="light">
                        {order.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(order.amount_cents, order.currency)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {order.refunded_cents === 0 ? "—" : formatCents(order.refunded_cents)}
                    </Table.Td>
                    <Table.Td>{order.provider}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager count={data.count} page={page} onChange={setPage} />
        </>
      )}
    </QueryState>
  );
}

function SubscriptionsTab({ user, page, setPage }: TabProps) {
  // The subscriptions search takes a user id as one of the things it matches exactly.
  const query = { q: user.id, page };
  const subscriptions = useQuery({
    queryKey: ["admin", "subscriptions", query],
    queryFn: () => call(api.GET("/api/admin/subscriptions", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState
      query={subscriptions}
      isEmpty={(data) => data.count === 0}
      empty="No subscriptions: on the Free plan."
    >
      {(data) => (
        <>
          <SubscriptionsTable rows={data.results} />
          <Pager count={data.count} page={page} onChange={setPage} />
        </>
      )}
    </QueryState>
  );
}

function SecurityTab({ user, page, setPage }: TabProps) {
  const query = { user: user.id, page };
  const events = useQuery({
    queryKey: ["admin", "security-log", query],
    queryFn: () => call(api.GET("/api/admin/security-log", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={events} isEmpty={(data) => data.count === 0} empty="No security events.">
      {(data) => (
        <>
          <SecurityEventsTable events={data.results} showUser={false} />
          <Pager count={data.count} page={page} onChange={setPage} />
        </>
      )}
    </QueryState>
  );
}

interface TabProps {
  readonly user: AdminUser;
  readonly page: number;
  readonly setPage: (page: number) => void;
}

const PANELS: Record<Tab, (props: TabProps) => ReactNode> = {
  credits: CreditsTab,
  tokens: TokensTab,
  periods: PeriodsTab,
  orders: OrdersTab,
  subscriptions: SubscriptionsTab,
  security: SecurityTab,
};

/** One user: profile and actions, then a tab (kept in the URL, with its page) per record kind. */
export function UserDetailPage() {
  const { id = "" } = useParams();
  const { filters, page, setFilters, setPage } = useUrlFilters(["tab"] as const);
  const tab: Tab = isTab(filters.tab) ? filters.tab : "credits";
  const user = useQuery({
    queryKey: ["admin", "users", "detail", id],
    queryFn: () => call(api.GET("/api/admin/users/{id}", { params: { path: { id } } })),
  });
  usePageTitle(user.data?.email ?? "User");
  const Panel = PANELS[tab];
  return (
    <>
      <PageHeader title={user.data?.email ?? "User"}>
        <Anchor component={Link} to="/admin/users">
          All users
        </Anchor>
      </PageHeader>
      <QueryState query={user}>
        {(data) => (
          <>
            <Profile user={data} />
            <Tabs
              value={tab}
              onChange={(value) => setFilters({ tab: value === "credits" ? "" : (value ?? "") })}
              keepMounted={false}
            >
              <Tabs.List mb="md">
                {TABS.map((item) => (
                  <Tabs.Tab key={item.value} value={item.value}>
                    {item.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value={tab}>
                <Panel user={data} page={page} setPage={setPage} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </QueryState>
    </>
  );
}
