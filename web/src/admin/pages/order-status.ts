import type { OkJson } from "../../api/client";

export type AdminOrder = OkJson<"listAllOrders">["results"][number];
export type OrderStatus = AdminOrder["status"];

export const ORDER_STATUSES: readonly OrderStatus[] = [
  "pending",
  "paid",
  "fulfilled",
  "partially_refunded",
  "refunded",
  "canceled",
  "expired",
  "failed",
];

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  pending: "yellow",
  paid: "blue",
  fulfilled: "green",
  partially_refunded: "orange",
  refunded: "gray",
  canceled: "gray",
  expired: "gray",
  failed: "red",
};

export const ORDER_KINDS = ["credits", "digital", "service", "subscription", "billing_period"];
