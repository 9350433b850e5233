const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const number = new Intl.NumberFormat("en-US");
const money = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Times are shown in UTC, as the API and its billing periods count them. */
export function formatDateTime(iso: string | null): string {
  return iso === null ? "—" : `${dateTime.format(new Date(iso))} UTC`;
}

export function formatNumber(value: number): string {
  return number.format(value);
}

/** Integer cents as an amount with two decimals (the server has no currency of its own). */
export function formatCents(cents: number): string {
  return money.format(cents / 100);
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)} %`;
}

/** Integer cents of an ISO 4217 currency (as the catalog gives it, lower-case), e.g. "€19.00". */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: currency.toUpperCase(),
    }).format(cents / 100);
  } catch {
    // An unknown code still shows the amount.
    return `${formatCents(cents)} ${currency.toUpperCase()}`;
  }
}

/** Credits have up to 3 decimals (millicredits); show what is there, no more. */
export function formatCredits(credits: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 }).format(credits);
}
