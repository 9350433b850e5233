import type { OrderStatus } from "./orders.table.js";

/**
 * The only moves an order makes. Events that arrive late or out of order ask for a move that is
 * not here (e.g. `expired` after `fulfilled`) and are recorded without effect.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ["paid", "canceled", "expired", "failed"],
  paid: ["fulfilled", "refunded", "partially_refunded"],
  fulfilled: ["refunded", "partially_refunded"],
  partially_refunded: ["partially_refunded", "refunded"],
  canceled: [],
  expired: [],
  failed: [],
  refunded: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}
