import type { Tx } from "../platform/db/database.js";
import { bookings } from "./bookings.table.js";
import type { Order } from "./orders.table.js";

/**
 * A paid service order's booking, `requested`, keyed by the order so a replayed payment books
 * once. In the payment event's transaction.
 */
export async function requestBooking(tx: Tx, order: Order, now: Date): Promise<void> {
  if (order.productId === null) return;
  await tx
    .insert(bookings)
    .values({
      orderId: order.id,
      userId: order.userId,
      productId: order.productId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}
