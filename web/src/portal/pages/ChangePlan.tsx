import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api, call } from "../../api/client";
import { formatDateTime, formatPrice } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import type { Plan, Subscription } from "./subscription-status";

/** Every other paid plan's recurring prices, as the choices of a plan change. */
function choices(plans: readonly Plan[], currentPriceId: string) {
  return plans.flatMap((plan) =>
    plan.prices
      .filter(
        (price) =>
          price.interval !== "one_time" &&
          price.unit_amount_cents > 0 &&
          price.id !== currentPriceId,
      )
      .map((price) => ({
        value: price.id,
        label: `${plan.name}: ${formatPrice(price.unit_amount_cents, price.currency)} / ${price.interval}`,
      })),
  );
}

/**
 * "Change plan": an upgrade applies now (the provider prorates it, and the extra credits of the
 * new plan come for the rest of the period); a downgrade waits for the period's end, shown as
 * pending until then, and choosing the current price again drops it.
 */
export function ChangePlan({
  subscription,
  plans,
  onChanged,
}: {
  subscription: Subscription;
  plans: readonly Plan[];
  onChanged: () => Promise<void>;
}) {
  const options = choices(plans, subscription.price.id);
  const [priceId, setPriceId] = useState<string>(options[0]?.value ?? "");
  const change = useMutation({
    mutationFn: (target: string) =>
      call(
        api.POST("/api/account/subscriptions/{id}/change-plan", {
          params: { path: { id: subscription.id } },
          body: { price_id: target },
        }),
      ),
    onSuccess: async (changed) => {
      notifySuccess(
        changed.pending_plan === null
          ? `You are now on ${changed.plan.name}.`
          : `You move to ${changed.pending_plan.name} when this period ends.`,
      );
      await onChanged();
    },
    onError: (error) => notifyError(error, "Could not change the plan"),
  });
  const until = formatDateTime(subscription.current_period_end);
  return (
    <section aria-labelledby="change-plan-heading">
      <Text fw={700} id="change-plan-heading" mb={4}>
        Change plan
      </Text>
      {subscription.pending_plan === null ? null : (
        <Group gap="xs" mb="xs">
          <Text size="sm" data-testid="pending-plan">
            Changes to {subscription.pending_plan.name} on {until}.
          </Text>
          <Button
            size="xs"
            variant="subtle"
            loading={change.isPending && change.variables === subscription.price.id}
            onClick={() => change.mutate(subscription.price.id)}
          >
            Keep {subscription.plan.name}
          </Button>
        </Group>
      )}
      {options.length === 0 ? (
        <Text size="sm">There is no other paid plan to change to.</Text>
      ) : (
        <Group gap="sm" align="end" wrap="wrap">
          <NativeSelect
            label="New plan"
            data={options}
            value={priceId}
            onChange={(event) => setPriceId(event.currentTarget.value)}
          />
          <Button
            size="sm"
            loading={change.isPending && change.variables === priceId}
            onClick={() => change.mutate(priceId)}
          >
            Change plan
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        A more expensive plan applies now, prorated, with its extra credits for this period; a
        cheaper one applies when this period ends.
      </Text>
    </section>
  );
}
