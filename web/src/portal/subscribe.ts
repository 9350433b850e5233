import { useMutation } from "@tanstack/react-query";
import { api, call } from "../api/client";
import { notifyError } from "../components/notify";

/**
 * "Subscribe": opens a checkout of the plan's price and goes to its page (Stripe's, or the local
 * provider's). Both send the buyer back to /account/subscriptions?checkout=success, a path the
 * server fixes, where the page waits for the subscription to become active.
 */
export function useSubscribe() {
  return useMutation({
    mutationFn: (priceId: string) =>
      call(api.POST("/api/account/subscriptions/checkout", { body: { price_id: priceId } })),
    onSuccess: ({ checkout_url }) => {
      window.location.assign(checkout_url);
    },
    onError: (error) => {
      notifyError(error, "Could not start the checkout");
    },
  });
}
