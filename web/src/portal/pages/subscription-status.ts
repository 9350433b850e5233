import type { OkJson } from "../../api/client";
import { formatCredits, formatDateTime } from "../../components/format";

export type SubscriptionStatus = OkJson<"getSubscriptionStatus">;
export type Subscription = OkJson<"getSubscription">;
export type Plan = OkJson<"listProducts">["results"][number];
type State = Subscription["status"];

/** What each state means to the customer, in plain words. */
const STATE_WORDS: Record<State, string> = {
  trialing: "On a free trial",
  active: "Active",
  past_due: "Payment overdue: we will try again, and your plan stays active meanwhile",
  unpaid: "Unpaid: paid features are paused until the payment goes through",
  canceled: "Canceled",
  incomplete: "Waiting for the first payment",
  incomplete_expired: "Checkout not completed: nothing was charged",
};

/** The short name of each state, for badges and tables. */
export const STATE_LABELS: Record<State, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Past due",
  unpaid: "Unpaid",
  canceled: "Canceled",
  incomplete: "Incomplete",
  incomplete_expired: "Not completed",
};

export const STATE_COLORS: Record<State, string> = {
  trialing: "blue",
  active: "green",
  past_due: "orange",
  unpaid: "red",
  canceled: "gray",
  incomplete: "yellow",
  incomplete_expired: "gray",
};

export function stateWords(state: State): string {
  return STATE_WORDS[state];
}

/** States in which the subscription can still be canceled at its period end, or resumed. */
const CHANGEABLE: readonly State[] = ["trialing", "active", "past_due"];

export function canCancelOrResume(state: State | null): boolean {
  return state !== null && CHANGEABLE.includes(state);
}

/** The sentence about the period's end: when it renews, or when it ends. */
export function periodEndWords(status: SubscriptionStatus): string | null {
  if (status.current_period_end === null || status.status === null) return null;
  const when = formatDateTime(status.current_period_end);
  if (status.cancel_at_period_end) return `Ends on ${when}`;
  if (status.status === "canceled" || status.status === "incomplete_expired") return null;
  return `Current period ends on ${when}; it renews then`;
}

export type FreshnessNotice =
  | { readonly kind: "warning"; readonly message: string }
  | { readonly kind: "blocked"; readonly message: string };

/**
 * The API's freshness as the page shows it: soft stale is a warning (the plan still applies),
 * hard stale blocks the paid plan (Free applies) until a sync succeeds. The words are the
 * server's (BILLING_SYNC_*_MESSAGE), with a fallback should a deployment set them empty.
 */
export function freshnessNotice(status: SubscriptionStatus): FreshnessNotice | null {
  if (status.freshness === "soft_stale") {
    return { kind: "warning", message: status.message ?? "Checking your plan with the provider." };
  }
  if (status.freshness === "hard_stale") {
    return {
      kind: "blocked",
      message:
        status.message ?? "Your plan could not be confirmed: paid features are paused for now.",
    };
  }
  return null;
}

/** A polite answer to a refused retry (429 with Retry-After). */
export function retryLaterWords(seconds: number | null): string {
  if (seconds === null) return "Too many retries: please wait a moment before trying again.";
  return `Please wait ${String(seconds)} second${seconds === 1 ? "" : "s"} before retrying.`;
}

/** The limits a plan lists, in a fixed order; a null limit is unlimited. */
const LIMITS = [
  { key: "tokens_per_month", label: "Tokens per month" },
  { key: "posts_per_month", label: "Posts per month" },
  { key: "workspaces", label: "Workspaces" },
  { key: "members", label: "Members" },
  { key: "requests_per_minute", label: "Requests per minute" },
] as const;

/** GET /api/account/entitlements' usage_this_period by the label of the limit it counts against. */
export function usageByLabel(usage: {
  tokens: number;
  posts: number;
  workspaces: number;
  members: number;
}): Record<string, number> {
  return {
    "Tokens per month": usage.tokens,
    "Posts per month": usage.posts,
    Workspaces: usage.workspaces,
    Members: usage.members,
  };
}

export function limitRows(limits: Plan["limits"]): { label: string; value: string }[] {
  return LIMITS.filter((limit) => limit.key in limits).map((limit) => {
    const value = limits[limit.key];
    // requests_per_minute null is the server's default rate limit rather than none at all.
    const none = limit.key === "requests_per_minute" ? "Standard" : "Unlimited";
    return {
      label: limit.label,
      value: value === null || value === undefined ? none : formatCredits(value),
    };
  });
}

/** The checkout's return (`?checkout=` of the return path the server fixes), or null. */
export type CheckoutReturn = "success" | "canceled";

export function checkoutReturnOf(value: string | null): CheckoutReturn | null {
  return value === "success" || value === "canceled" ? value : null;
}

/** How long the page waits for the payment event before saying it is late. */
export const CHECKOUT_WAIT_MS = 30_000;

export type CheckoutWait = "waiting" | "done" | "late";

/** After "Subscribe" at the provider: done once a paid subscription is live, late after a while. */
export function checkoutWait(
  status: SubscriptionStatus | undefined,
  timedOut: boolean,
): CheckoutWait {
  if (status?.status === "active" || status?.status === "trialing") return "done";
  return timedOut ? "late" : "waiting";
}

/** The plans one can subscribe to: every plan with a recurring price above zero. */
export function paidPlans(products: readonly Plan[]): Plan[] {
  return products.filter(
    (product) =>
      product.kind === "subscription" &&
      product.prices.some((price) => price.interval !== "one_time" && price.unit_amount_cents > 0),
  );
}

/** The price a plan's Subscribe button buys: its default recurring price, else the first. */
export function planPrice(plan: Plan): Plan["prices"][number] | undefined {
  const recurring = plan.prices.filter((price) => price.interval !== "one_time");
  return recurring.find((price) => price.is_default) ?? recurring[0];
}

export function creditsPerPeriod(plan: Plan | undefined, interval: string): string | null {
  if (plan?.credit_amount === null || plan?.credit_amount === undefined) return null;
  return `${formatCredits(plan.credit_amount)} credits each ${interval === "year" ? "year" : "month"}`;
}
