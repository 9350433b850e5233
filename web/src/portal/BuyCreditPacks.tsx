import { Badge, Button, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, call, type OkJson } from "../api/client";
import { formatCredits, formatPrice } from "../components/format";
import { notifyError } from "../components/notify";
import { QueryState } from "../components/QueryState";
import { goToCheckout, PAYMENT_RETURN_PATH } from "./checkout";

type Product = OkJson<"listProducts">["results"][number];

/** The one-time price a pack is bought at: its default, else its first (active ones only). */
function packPrice(product: Product) {
  const oneTime = product.prices.filter((price) => price.interval === "one_time");
  return oneTime.find((price) => price.is_default) ?? oneTime[0];
}

/** The catalog's active credit packs, each with a "Buy" that opens its checkout. */
export function BuyCreditPacks() {
  const products = useQuery({
    queryKey: ["catalog", "products"],
    queryFn: () => call(api.GET("/api/catalog/products")),
  });
  const buy = useMutation({
    mutationFn: (priceId: string) =>
      call(
        api.POST("/api/account/orders/create", {
          body: { price_id: priceId, return_path: PAYMENT_RETURN_PATH },
        }),
      ),
    // Stays pending while the browser leaves for the checkout.
    onSuccess: (created) => goToCheckout(created.checkout_url),
    onError: (error) => notifyError(error, "Could not start the checkout"),
  });
  return (
    <section aria-labelledby="buy-heading">
      <Title order={2} size="h4" id="buy-heading" mb="xs">
        Buy credits
      </Title>
      <QueryState
        query={products}
        isEmpty={(data) => !data.results.some((p) => p.kind === "credits" && packPrice(p))}
        empty="No credit packs are for sale right now."
      >
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {data.results
              .filter((product) => product.kind === "credits")
              .flatMap((product) => {
                const price = packPrice(product);
                if (price === undefined) return [];
                const busy = buy.isPending && buy.variables === price.id;
                return [
                  <Card key={product.id} withBorder padding="md">
                    <Stack gap={6}>
                      <Text fw={700}>{product.name}</Text>
                      <Badge variant="light">
                        {formatCredits(product.credit_amount ?? 0)} credits
                      </Badge>
                      <Text size="lg" fw={700} data-testid={`pack-price-${product.slug}`}>
                        {formatPrice(price.unit_amount_cents, price.currency)}
                      </Text>
                      <Button
                        onClick={() => buy.mutate(price.id)}
                        loading={busy}
                        disabled={buy.isPending && !busy}
                        aria-label={`Buy ${product.name}`}
                      >
                        Buy
                      </Button>
                    </Stack>
                  </Card>,
                ];
              })}
          </SimpleGrid>
        )}
      </QueryState>
    </section>
  );
}
