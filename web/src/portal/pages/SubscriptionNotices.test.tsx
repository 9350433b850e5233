import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import type { OkJson } from "../../api/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CheckoutReturnNotice, FreshnessAlert } from "./SubscriptionNotices";
import {
  checkoutReturnOf,
  checkoutWait,
  limitRows,
  periodEndWords,
  retryLaterWords,
  stateWords,
  type SubscriptionStatus,
} from "./subscription-status";

afterEach(cleanup);

function ui(node: ReactNode) {
  render(<MantineProvider env="test">{node}</MantineProvider>);
}

const PRO: SubscriptionStatus = {
  plan: { id: "11111111-2222-4333-8444-555555555555", slug: "pro", name: "Pro" },
  status: "active",
  subscription_id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  current_period_end: "2026-05-10T12:00:00.000Z",
  cancel_at_period_end: false,
  synced_at: "2026-04-10T12:00:00.000Z",
  freshness: "fresh",
  message: null,
  effective_plan: "pro",
};

const FREE: SubscriptionStatus = {
  ...PRO,
  plan: { id: null, slug: "free", name: "Free" },
  status: null,
  subscription_id: null,
  current_period_end: null,
  synced_at: null,
  effective_plan: "free",
};

describe("the subscription's freshness on the page", () => {
  function alert(status: SubscriptionStatus, retryNote: string | null = null) {
    const onRetry = vi.fn();
    ui(<FreshnessAlert status={status} onRetry={onRetry} retrying={false} retryNote={retryNote} />);
    return onRetry;
  }

  it("says nothing while the projection is fresh", () => {
    alert(PRO);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("warns with the server's message when soft stale, without a retry", () => {
    alert({ ...PRO, freshness: "soft_stale", message: "Checking your plan." });
    const banner = screen.getByRole("status");
    expect(banner.textContent).toContain("Checking your plan.");
    expect(screen.queryByRole("button", { name: "Retry sync" })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("blocks with the server's message when hard stale, and retries the sync on request", () => {
    const onRetry = alert({
      ...PRO,
      freshness: "hard_stale",
      message: "Paid features paused.",
      effective_plan: "free",
    });
    const blocked = screen.getByRole("alert");
    expect(blocked.textContent).toContain("Paid features paused.");
    expect(blocked.textContent).toContain("the Free plan's limits apply");
    fireEvent.click(screen.getByRole("button", { name: "Retry sync" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("shows why a retry was refused (429 with Retry-After)", () => {
    alert({ ...PRO, freshness: "hard_stale", message: "Paused." }, retryLaterWords(7));
    expect(screen.getByRole("status").textContent).toBe("Please wait 7 seconds before retrying.");
    expect(retryLaterWords(1)).toBe("Please wait 1 second before retrying.");
    expect(retryLaterWords(null)).toMatch(/^Too many retries/);
  });

  it("falls back to its own words when a deployment sets the messages empty", () => {
    alert({ ...PRO, freshness: "hard_stale", message: null });
    expect(screen.getByRole("alert").textContent).toContain("could not be confirmed");
  });
});

describe("the subscription's state in words", () => {
  it("names the period's end: a renewal, or the end after a cancellation", () => {
    expect(periodEndWords(PRO)).toBe(
      "Current period ends on 10 May 2026, 12:00 UTC; it renews then",
    );
    expect(periodEndWords({ ...PRO, cancel_at_period_end: true })).toBe(
      "Ends on 10 May 2026, 12:00 UTC",
    );
    expect(periodEndWords(FREE)).toBeNull();
  });

  it("says what an overdue or unpaid subscription means for access", () => {
    expect(stateWords("past_due")).toMatch(/plan stays active/);
    expect(stateWords("unpaid")).toMatch(/paused/);
    expect(stateWords("incomplete_expired")).toMatch(/nothing was charged/);
  });

  it("lists a plan's limits in order, unlimited for null, the standard rate for a null rate", () => {
    expect(
      limitRows({
        requests_per_minute: null,
        members: 10,
        posts_per_month: null,
        tokens_per_month: 20_000,
      }),
    ).toEqual([
      { label: "Tokens per month", value: "20,000" },
      { label: "Posts per month", value: "Unlimited" },
      { label: "Members", value: "10" },
      { label: "Requests per minute", value: "Standard" },
    ]);
  });
});

describe("back from the checkout", () => {
  it("reads only the two values the server sends back", () => {
    expect(checkoutReturnOf("success")).toBe("success");
    expect(checkoutReturnOf("canceled")).toBe("canceled");
    expect(checkoutReturnOf("https://evil.example/")).toBeNull();
    expect(checkoutReturnOf(null)).toBeNull();
  });

  it("waits until the subscription is active, then is done; late after the timeout", () => {
    expect(checkoutWait(undefined, false)).toBe("waiting");
    expect(checkoutWait(FREE, false)).toBe("waiting");
    expect(checkoutWait({ ...PRO, status: "incomplete" }, false)).toBe("waiting");
    expect(checkoutWait(FREE, true)).toBe("late");
    expect(checkoutWait(PRO, true)).toBe("done");
    expect(checkoutWait({ ...PRO, status: "trialing" }, false)).toBe("done");
  });

  function notice(props: Partial<Parameters<typeof CheckoutReturnNotice>[0]>) {
    const onDismiss = vi.fn();
    ui(
      <CheckoutReturnNotice
        checkout="success"
        wait="waiting"
        status={undefined}
        balance={undefined}
        onDismiss={onDismiss}
        {...props}
      />,
    );
    return onDismiss;
  }

  it("shows the wait, the delay, the credits granted, and a canceled checkout", () => {
    notice({});
    expect(screen.getByRole("status").textContent).toContain("Waiting for the payment…");
    cleanup();
    notice({ wait: "late" });
    expect(screen.getByRole("status").textContent).toContain("taking longer than usual");
    cleanup();
    const balance: OkJson<"getCreditBalance"> = {
      total_available: 5100,
      reserved: 0,
      trial_credits: 100,
      subscription_credits: 5000,
      payg_credits: 0,
      adjustment_credits: 0,
      next_expiry: null,
    };
    const onDismiss = notice({ wait: "done", status: PRO, balance });
    expect(screen.getByRole("status").textContent).toContain("You are subscribed to Pro");
    expect(screen.getByTestId("granted-credits").textContent).toBe(
      "Subscription credits in your balance: 5,000.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    cleanup();
    notice({ checkout: "canceled" });
    expect(screen.getByRole("status").textContent).toContain("Nothing was charged");
  });
});
