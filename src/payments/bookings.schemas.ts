import { Type } from "typebox";
import { Nullable, Timestamp } from "../platform/schema-types.js";
import { bookingStatus, type BookingStatus } from "./bookings.table.js";
import type { BookingRow } from "./bookings.service.js";

export const BookingStatusSchema = Type.Unsafe<BookingStatus>({
  type: "string",
  enum: [...bookingStatus.enumValues],
  description: "requested → confirmed | canceled; confirmed → completed | canceled",
});

export const BookingSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  order_id: Type.String({ format: "uuid" }),
  product_id: Type.String({ format: "uuid" }),
  description: Type.String({ description: "What was bought (the order's description)" }),
  status: BookingStatusSchema,
  scheduled_for: Nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export function bookingJson(row: BookingRow) {
  return {
    id: row.id,
    order_id: row.orderId,
    product_id: row.productId,
    description: row.description,
    status: row.status,
    scheduled_for: row.scheduledFor?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const AdminBookingSchema = Type.Object({
  ...BookingSchema.properties,
  user_id: Type.String({ format: "uuid" }),
  user_email: Type.String(),
  staff_note: Nullable(Type.String({ description: "Staff's own note; never shown to the buyer" })),
});

export function adminBookingJson(row: BookingRow) {
  return {
    ...bookingJson(row),
    user_id: row.userId,
    user_email: row.userEmail,
    staff_note: row.staffNote,
  };
}
