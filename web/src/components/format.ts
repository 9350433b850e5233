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

const credits = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** Credits have up to 3 decimals; `signed` shows a change (+5, −2.5). */
export function formatCredits(value: number, signed = false): string {
  const text = credits.format(value);
  return signed && value > 0 ? `+${text}` : text;
}

/** Integer cents with their ISO currency, e.g. "12.50 USD". */
export function formatMoney(cents: number, currency: string): string {
  return `${formatCents(cents)} ${currency.toUpperCase()}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A price: integer cents of an ISO 4217 currency (as the catalog gives it, lower-case), e.g. "€19.00". */
export function formatPrice(cents: number, currency: string): string {
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
