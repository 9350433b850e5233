import { sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/database.js";
import { rowsOf } from "../platform/db/rows.js";
import { receipts, type Order, type Receipt } from "./orders.table.js";

/** `R-2026-000042`: the year's sequence, zero-padded so numbers sort as text. */
export function receiptNumber(year: number, sequence: number): string {
  return `R-${String(year)}-${String(sequence).padStart(6, "0")}`;
}

/**
 * The order's receipt, numbered from the year's counter in the caller's transaction: a rolled
 * back payment gives its number back, so the numbers have no gaps. Once per order.
 */
export async function issueReceipt(
  tx: DbOrTx,
  order: Order,
  input: { email: string; issuedAt: Date; amountCents: number },
): Promise<Receipt> {
  const year = input.issuedAt.getUTCFullYear();
  const [counter] = await rowsOf<{ last: number }>(
    tx,
    sql`insert into receipt_counters (year, last) values (${year}, 1)
        on conflict (year) do update set last = receipt_counters.last + 1
        returning last`,
  );
  if (counter === undefined) throw new Error("receipt counter returned no row");
  const [row] = await tx
    .insert(receipts)
    .values({
      orderId: order.id,
      userId: order.userId,
      number: receiptNumber(year, counter.last),
      email: input.email,
      description: order.description,
      quantity: order.quantity,
      amountCents: input.amountCents,
      currency: order.currency,
      provider: order.provider,
      providerPaymentId: order.providerPaymentId,
      issuedAt: input.issuedAt,
    })
    .returning();
  if (row === undefined) throw new Error("insert returned no receipt");
  return row;
}
