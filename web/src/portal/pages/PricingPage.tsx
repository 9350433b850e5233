import { Anchor, Badge, Button, Card, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import { useProfile } from "../../api/session";
import { formatCredits, formatPrice } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { loginPath } from "../paths";
import { usePageTitle } from "../site";
import { useSubscribe } from "../subscribe";

type Product = OkJson<"listProducts">["results"][number];
type Price = Product["prices"][number];

const PER: Record<Price["interval"], string> = { one_time: "", month: " / month", year: " / year" };

/** The price a card shows: the default one, else the first (the API sends active prices only). */
function mainPrice(product: Product): Price | undefined {
  return product.prices.find((price) => price.is_default) ?? product.prices[0];
}

function limitText(name: string, value: number | null): string {
  const label = name.replaceAll("_", " ");
  return value === null ? `${label}: unlimited` : `${label}: ${formatCredits(value)}`;
}

type Cta = { to: string; label: string } | ((product: Product) => ReactNode);

function ProductCard({ product, cta }: { product: Product; cta: Cta }) {
  const price = mainPrice(product);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`product-${product.slug}`}>
      <Stack gap="xs" h="100%">
        <Title order={3} size="h4" id={`product-${product.slug}`}>
          {product.name}
        </Title>
        {price === undefined ? (
          <Text c="dimmed">Not for sale right now</Text>
        ) : (
          <Text size="xl" fw={700} data-testid={`price-${product.slug}`}>
            {formatPrice(price.unit_amount_cents, price.currency)}
            <Text span size="sm" fw={400}>
              {PER[price.interval]}
            </Text>
          </Text>
        )}
        {product.credit_amount === null ? null : (
          <Badge variant="light" size="lg">
            {formatCredits(product.credit_amount)} credits
            {product.kind === "subscription" ? " each period" : ""}
          </Badge>
        )}
        {product.description === "" ? null : <Text size="sm">{product.description}</Text>}
        {Object.keys(product.limits).length + product.feature_keys.length === 0 ? null : (
          <List size="sm" spacing={2}>
            {Object.entries(product.limits).map(([name, value]) => (
              <List.Item key={name}>{limitText(name, value)}</List.Item>
            ))}
            {product.feature_keys.map((feature) => (
              <List.Item key={feature}>{feature.replaceAll("_", " ")}</List.Item>
            ))}
          </List>
        )}
        {typeof cta === "function" ? (
          cta(product)
        ) : (
          <Button
            component={Link}
            to={cta.to}
            mt="auto"
            disabled={price === undefined}
            aria-label={`${cta.label}: ${product.name}`}
          >
            {cta.label}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function Section({
  title,
  intro,
  products,
  cta,
}: {
  title: string;
  intro: string;
  products: Product[];
  cta: Cta;
}) {
  if (products.length === 0) return null;
  const id = `section-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {intro}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        {products.map((product) => (
          <ProductCard key={product.id} product={product} cta={cta} />
        ))}
      </SimpleGrid>
    </section>
  );
}

/**
 * A plan's button: a paid plan opens its checkout (signed out: the login first, then the
 * subscriptions page with this plan picked); Free needs no checkout.
 */
function PlanAction({
  plan,
  signedIn,
  subscribe,
}: {
  plan: Product;
  signedIn: boolean;
  subscribe: ReturnType<typeof useSubscribe>;
}) {
  const price = mainPrice(plan);
  if (price === undefined || price.unit_amount_cents === 0) {
    const to = signedIn ? "/account/subscriptions" : "/register";
    const label = signedIn ? "See your plan" : "Sign up";
    return (
      <Button
        component={Link}
        to={to}
        mt="auto"
        variant="light"
        aria-label={`${label}: ${plan.name}`}
      >
        {label}
      </Button>
    );
  }
  if (!signedIn) {
    return (
      <Button
        component={Link}
        to={loginPath(`/account/subscriptions?plan=${encodeURIComponent(plan.slug)}`)}
        mt="auto"
        aria-label={`Subscribe: ${plan.name}`}
      >
        Subscribe
      </Button>
    );
  }
  return (
    <Button
      mt="auto"
      aria-label={`Subscribe: ${plan.name}`}
      loading={subscribe.isPending && subscribe.variables === price.id}
      disabled={subscribe.isPending}
      onClick={() => subscribe.mutate(price.id)}
    >
      Subscribe
    </Button>
  );
}

export function PricingPage() {
  usePageTitle("Pricing");
  const profile = useProfile();
  const signedIn = profile.data !== null && profile.data !== undefined;
  const products = useQuery({
    queryKey: ["catalog", "products"],
    queryFn: () => call(api.GET("/api/catalog/products")),
  });
  const subscribe = useSubscribe();
  const start = signedIn
    ? { to: "/app", label: "Go to your dashboard" }
    : { to: "/register", label: "Sign up" };
  return (
    <>
      <PageHeader title="Pricing" />
      <Text mb="lg">
        Pay as you go with credit packs, or subscribe to a plan that adds credits every period. Each
        service costs a set number of credits per successful call:{" "}
        <Anchor component={Link} to="/services" underline="always">
          see the services
        </Anchor>
        .
      </Text>
      <QueryState
        query={products}
        isEmpty={(data) => data.results.length === 0}
        empty="Nothing is for sale yet. Check back soon."
      >
        {(data) => {
          const of = (kind: Product["kind"]) => data.results.filter((p) => p.kind === kind);
          const other = data.results.filter(
            (p) => p.kind !== "subscription" && p.kind !== "credits",
          );
          return (
            <Stack gap="xl">
              <Section
                title="Plans"
                intro="Billed every period; the plan's credits are added at each renewal."
                products={of("subscription")}
                cta={(plan) => <PlanAction plan={plan} signedIn={signedIn} subscribe={subscribe} />}
              />
              <Section
                title="Credit packs"
                intro="Pay once; pay-as-you-go credits never expire."
                products={of("credits")}
                cta={
                  signedIn
                    ? { to: "/app/credits", label: "Buy on the Credits page" }
                    : { to: "/register", label: "Sign up to buy" }
                }
              />
              <Section
                title="Other products"
                intro="Downloads and services sold once."
                products={other}
                cta={start}
              />
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
