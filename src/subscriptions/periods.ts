/** The end of a billing period that starts at `start`: the same day and time a month or a year
 * later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29), as Stripe does. */
export function periodEndOf(start: Date, interval: "month" | "year"): Date {
  const months = interval === "month" ? 1 : 12;
  const end = new Date(start.getTime());
  const day = start.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}
