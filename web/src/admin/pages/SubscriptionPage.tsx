import { Anchor, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import { formatCredits, formatDateTime, formatMoney } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { userPath } from "../paths";
import { usePageTitle } from "../usePageTitle";
import { Facts, List, Section } from "./detail-parts";
import { SubscriptionStatusBadge } from "./SubscriptionsPage";

type Detail = OkJson<"getSubscriptionDetail">;

const dateOrDash = (value: string | null) => (value === null ? "—" : formatDateTime(value));

function DetailView({ data }: { data: Detail }) {
  const { subscription } = data;
  return (
    <Stack gap="lg">
      <Facts
        rows={[
          [
            "Subscriber",
            <Anchor key="user" component={Link} to={userPath(subscription.user_id)}>
              {subscription.user_email}
            </Anchor>,
          ],
          ["Plan", subscription.plan.name],
          [
            "Price",
            `${formatMoney(subscription.price.unit_amount_cents, subscription.price.currency)} / ${subscription.price.interval}`,
          ],
          ["Status", <SubscriptionStatusBadge key="status" subscription={subscription} />],
          [
            "Current period",
            `${dateOrDash(subscription.current_period_start)} → ${dateOrDash(subscription.current_period_end)}`,
          ],
          ["Cancels at period end", subscription.cancel_at_period_end ? "yes" : "no"],
          ["Provider", `${subscription.provider} · ${subscription.provider_subscription_id}`],
          ["Last synced", formatDateTime(subscription.synced_at)],
          ["Created", formatDateTime(subscription.created_at)],
        ]}
      />
      <Section title="Invoices">
        <List
          items={data.invoices}
          none="No invoices yet."
          head={["Period", "Amount", "Status", "Credits", "Paid", "Provider id"]}
          id={(invoice) => invoice.id}
          row={(invoice) => [
            `${formatDateTime(invoice.period_start)} → ${formatDateTime(invoice.period_end)}`,
            formatMoney(invoice.amount_cents, invoice.currency),
            invoice.status,
            formatCredits(invoice.credits),
            dateOrDash(invoice.paid_at),
            invoice.provider_invoice_id,
          ]}
        />
      </Section>
      <Section title="Credit grants">
        <List
          items={data.credit_grants}
          none="No credits granted."
          head={["Granted", "Amount", "Remaining", "Expired", "Expires"]}
          id={(grant) => grant.id}
          row={(grant) => [
            formatDateTime(grant.created_at),
            formatCredits(grant.amount),
            formatCredits(grant.remaining),
            formatCredits(grant.expired),
            dateOrDash(grant.expires_at),
          ]}
        />
      </Section>
    </Stack>
  );
}

/** One subscription: its state, its invoices and the credits they granted. */
export function SubscriptionPage() {
  const { id = "" } = useParams();
  usePageTitle("Subscription");
  const detail = useQuery({
    queryKey: ["admin", "subscriptions", id],
    queryFn: () => call(api.GET("/api/admin/subscriptions/{id}", { params: { path: { id } } })),
  });
  return (
    <>
      <PageHeader title="Subscription" />
      <QueryState query={detail}>{(data) => <DetailView data={data} />}</QueryState>
    </>
  );
}
