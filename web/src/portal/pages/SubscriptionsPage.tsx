import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { api, call } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ConfirmButton } from "../../components/ConfirmButton";
import { formatDateTime, formatPrice } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { usePageTitle } from "../site";
import { useSubscribe } from "../subscribe";
import { ChangePlan } from "./ChangePlan";
import { PlanLimits } from "./PlanLimits";
import { CheckoutReturnNotice, FreshnessAlert } from "./SubscriptionNotices";
import {
  canCancelOrResume,
  CHECKOUT_WAIT_MS,
  checkoutReturnOf,
  checkoutWait,
  creditsPerPeriod,
  paidPlans,
  periodEndWords,
  planPrice,
  retryLaterWords,
  STATE_COLORS,
  STATE_LABELS,
  stateWords,
  usageByLabel,
  type Plan,
  type Subscription,
  type SubscriptionStatus,
} from "./subscription-status";

const STATUS_KEY = ["portal", "subscription-status"] as const;
const SUBSCRIPTIONS_KEY = ["portal", "subscriptions"] as const;
function priceText(price: { unit_amount_cents: number; currency: string; interval: string }) {
  const amount = formatPrice(price.unit_amount_cents, price.currency);
  return price.interval === "month" || price.interval === "year"
    ? `${amount} / ${price.interval}`
    : amount;
}

/** The paid plans, each with its Subscribe button; `picked` (a slug from ?plan=) comes first. */
function PlanChoices({ plans, picked }: { plans: Plan[]; picked: string | null }) {
  const subscribe = useSubscribe();
  const ordered = [...plans].sort((a, b) => Number(b.slug === picked) - Number(a.slug === picked));
  return (
    <section aria-labelledby="plans-heading">
      <Title order={2} size="h4" id="plans-heading" mb="xs">
        Paid plans
      </Title>
      {picked !== null && plans.some((plan) => plan.slug === picked) ? (
        <Text size="sm" mb="sm">
          You picked {plans.find((plan) => plan.slug === picked)?.name}: press Subscribe to go on to
          the payment.
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {ordered.map((plan) => {
          const price = planPrice(plan);
          return (
            <Card
              key={plan.id}
              withBorder
              padding="lg"
              component="article"
              aria-labelledby={`plan-${plan.slug}`}
            >
              <Stack gap="xs" h="100%">
                <Title order={3} size="h5" id={`plan-${plan.slug}`}>
                  {plan.name}
                </Title>
                {price === undefined ? null : <Text fw={700}>{priceText(price)}</Text>}
                {price === undefined ? null : (
                  <Text size="sm">{creditsPerPeriod(plan, price.interval)}</Text>
                )}
                <PlanLimits plan={plan} compact />
                <Button
                  mt="auto"
                  aria-label={`Subscribe: ${plan.name}`}
                  disabled={price === undefined || subscribe.isPending}
                  loading={subscribe.isPending && subscribe.variables === price?.id}
                  onClick={() => {
                    if (price !== undefined) subscribe.mutate(price.id);
                  }}
                >
                  Subscribe
                </Button>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

/** Stripe's Customer Portal (cards, invoices); explained instead when there is none to open. */
function ManageBilling() {
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: () => call(api.POST("/api/account/billing-portal")),
    onSuccess: ({ url }) => {
      window.location.assign(url);
    },
    onError: (error) => {
      if (
        error instanceof ApiError &&
        (error.code === "provider_not_configured" || error.code === "no_billing_customer")
      ) {
        setUnavailable("Billing details cannot be managed online for this subscription.");
      } else {
        notifyError(error, "Could not open the billing portal");
      }
    },
  });
  if (unavailable !== null) return <Text size="sm">{unavailable}</Text>;
  return (
    <Button size="xs" variant="default" loading={open.isPending} onClick={() => open.mutate()}>
      Manage billing
    </Button>
  );
}

/** The live subscription: plan, price, credits, state, period end and what can be done. */
function CurrentPlan({
  status,
  subscription,
  plan,
  plans,
}: {
  status: SubscriptionStatus;
  subscription: Subscription;
  plan: Plan | undefined;
  plans: readonly Plan[];
}) {
  const client = useQueryClient();
  const refreshAll = async () => {
    await client.invalidateQueries({ queryKey: STATUS_KEY });
    await client.invalidateQueries({ queryKey: SUBSCRIPTIONS_KEY });
  };
  const id = subscription.id;
  const cancel = async () => {
    try {
      await call(api.POST("/api/account/subscriptions/{id}/cancel", { params: { path: { id } } }));
      notifySuccess("Your subscription will end at the end of this period.");
      await refreshAll();
    } catch (error) {
      notifyError(error, "Could not cancel");
      throw error;
    }
  };
  const resume = useMutation({
    mutationFn: () =>
      call(api.POST("/api/account/subscriptions/{id}/resume", { params: { path: { id } } })),
    onSuccess: async () => {
      notifySuccess("Your subscription continues and renews as before.");
      await refreshAll();
    },
    onError: (error) => notifyError(error, "Could not resume"),
  });
  const periodEnd = periodEndWords(status);
  const until = formatDateTime(status.current_period_end);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="current-plan-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="current-plan-heading">
            {status.plan.name}
          </Title>
          <Badge color={STATE_COLORS[subscription.status]} variant="light" size="lg">
            {STATE_LABELS[subscription.status]}
          </Badge>
        </Group>
        <Text fw={700} data-testid="current-price">
          {priceText(subscription.price)}
        </Text>
        {creditsPerPeriod(plan, subscription.price.interval) === null ? null : (
          <Text size="sm">{creditsPerPeriod(plan, subscription.price.interval)}</Text>
        )}
        <Text size="sm" data-testid="current-state">
          {stateWords(subscription.status)}
        </Text>
        {periodEnd === null ? null : (
          <Text
            size="sm"
            fw={status.cancel_at_period_end ? 700 : undefined}
            data-testid="period-end"
          >
            {periodEnd}
          </Text>
        )}
        {canCancelOrResume(subscription.status) && !status.cancel_at_period_end ? (
          <ChangePlan subscription={subscription} plans={plans} onChanged={refreshAll} />
        ) : null}
        <Group gap="sm" mt="sm">
          {!canCancelOrResume(subscription.status) ? null : status.cancel_at_period_end ? (
            <Button size="xs" loading={resume.isPending} onClick={() => resume.mutate()}>
              Resume subscription
            </Button>
          ) : (
            <ConfirmButton
              title="Cancel your subscription?"
              message={`It will not renew. Your access and credits stay until ${until}, the end of this period; you can resume before then.`}
              confirmLabel="Cancel subscription"
              onConfirm={cancel}
            >
              Cancel subscription
            </ConfirmButton>
          )}
          {subscription.provider === "stripe" ? <ManageBilling /> : null}
        </Group>
      </Stack>
    </Card>
  );
}

function History() {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...SUBSCRIPTIONS_KEY, page],
    queryFn: () => call(api.GET("/api/account/subscriptions", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="xs">
        History
      </Title>
      <QueryState query={list} isEmpty={(data) => data.count === 0} empty="No subscriptions yet.">
        {(data) => (
          <>
            <ScrollTable label="Subscription history" minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Plan</Table.Th>
                    <Table.Th>Price</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Period ends</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{formatDateTime(row.created_at)}</Table.Td>
                      <Table.Td>{row.plan.name}</Table.Td>
                      <Table.Td>{priceText(row.price)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATE_COLORS[row.status]} variant="light">
                          {STATE_LABELS[row.status]}
                          {row.cancel_at_period_end ? " (ends)" : ""}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDateTime(row.current_period_end)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={page} count={data.count} onChange={setPage} />
          </>
        )}
      </QueryState>
    </section>
  );
}

/**
 * /account/subscriptions: the plan, its state and freshness, its limits, cancel/resume, the
 * billing portal (Stripe) and the history; on Free, the paid plans to subscribe to. A checkout
 * returns here with ?checkout=success|canceled (a path the server fixes): the page then polls the
 * status every second until the subscription is active and shows the credits it granted.
 */
export function SubscriptionsPage() {
  usePageTitle("Subscriptions");
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const checkout = checkoutReturnOf(params.get("checkout"));
  const [timedOut, setTimedOut] = useState(false);
  const [retryNote, setRetryNote] = useState<string | null>(null);

  useEffect(() => {
    if (checkout !== "success") return undefined;
    const timer = window.setTimeout(() => setTimedOut(true), CHECKOUT_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [checkout]);

  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => call(api.GET("/api/account/subscriptions/status")),
    staleTime: 0,
    refetchInterval: (query) =>
      checkout === "success" && checkoutWait(query.state.data, timedOut) === "waiting"
        ? 1000
        : false,
  });
  const wait = checkoutWait(status.data, timedOut);
  const waitDone = checkout === "success" && wait === "done";
  const balance = useQuery({
    queryKey: ["portal", "balance"],
    queryFn: () => call(api.GET("/api/credits/balance")),
    enabled: waitDone,
    staleTime: 0,
  });
  useEffect(() => {
    if (waitDone) void client.invalidateQueries({ queryKey: SUBSCRIPTIONS_KEY });
  }, [waitDone, client]);

  const subscriptionId = status.data?.subscription_id ?? null;
  const current = useQuery({
    queryKey: [...SUBSCRIPTIONS_KEY, "one", subscriptionId],
    queryFn: () =>
      call(
        api.GET("/api/account/subscriptions/{id}", {
          params: { path: { id: subscriptionId ?? "" } },
        }),
      ),
    enabled: subscriptionId !== null,
  });
  const catalog = useQuery({
    queryKey: ["catalog", "products"],
    queryFn: () => call(api.GET("/api/catalog/products")),
  });
  const entitlements = useQuery({
    queryKey: [...STATUS_KEY, "entitlements"],
    queryFn: () => call(api.GET("/api/account/entitlements")),
    staleTime: 0,
  });
  const plans = catalog.data?.results.filter((product) => product.kind === "subscription") ?? [];

  const refresh = useMutation({
    mutationFn: () =>
      call(api.GET("/api/account/subscriptions/status", { params: { query: { refresh: "1" } } })),
    onMutate: () => setRetryNote(null),
    onSuccess: async (fresh) => {
      client.setQueryData(STATUS_KEY, fresh);
      setRetryNote(fresh.freshness === "hard_stale" ? "Still not confirmed." : null);
      await client.invalidateQueries({ queryKey: SUBSCRIPTIONS_KEY });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 429) {
        setRetryNote(retryLaterWords(error.retryAfter));
      } else {
        notifyError(error, "Could not sync your plan");
      }
    },
  });

  return (
    <Stack gap="xl">
      <PageHeader title="Subscriptions" />
      {checkout === null ? null : (
        <CheckoutReturnNotice
          checkout={checkout}
          wait={wait}
          status={status.data}
          balance={balance.data}
          onDismiss={() => setParams({}, { replace: true })}
        />
      )}
      <QueryState query={status}>
        {(data) => {
          const plan = plans.find((p) => p.slug === data.plan.slug);
          return (
            <Stack gap="xl">
              <FreshnessAlert
                status={data}
                onRetry={() => refresh.mutate()}
                retrying={refresh.isPending}
                retryNote={retryNote}
              />
              {data.subscription_id === null ? (
                <Card withBorder padding="lg" component="section" aria-labelledby="free-heading">
                  <Title order={2} size="h3" id="free-heading">
                    You are on {data.plan.name}
                  </Title>
                  <Text size="sm" mt="xs">
                    Every account without a paid subscription is on {data.plan.name}. Subscribe to a
                    paid plan for credits every period and higher limits.
                  </Text>
                </Card>
              ) : (
                <QueryState query={current}>
                  {(subscription) => (
                    <CurrentPlan
                      status={data}
                      subscription={subscription}
                      plan={plan}
                      plans={paidPlans(plans)}
                    />
                  )}
                </QueryState>
              )}
              {plan === undefined ? null : (
                <PlanLimits
                  plan={plan}
                  usage={
                    entitlements.data === undefined
                      ? undefined
                      : usageByLabel(entitlements.data.usage_this_period)
                  }
                />
              )}
              {data.subscription_id === null ? (
                <QueryState query={catalog}>
                  {(products) => (
                    <PlanChoices plans={paidPlans(products.results)} picked={params.get("plan")} />
                  )}
                </QueryState>
              ) : null}
            </Stack>
          );
        }}
      </QueryState>
      <History />
    </Stack>
  );
}
