import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../customers/users.table.js";
import { products } from "./catalog.table.js";
import { orders } from "./orders.table.js";

/** See BOOKING_TRANSITIONS in booking-states.ts for the moves between them. */
export const bookingStatus = pgEnum("booking_status", [
  "requested",
  "confirmed",
  "completed",
  "canceled",
]);
export type BookingStatus = (typeof bookingStatus.enumValues)[number];

/** A paid `service` order waiting for (or given) an appointment; one per order. */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    status: bookingStatus("status").notNull().default("requested"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    /** Staff's own note; never shown to the buyer. */
    staffNote: text("staff_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("bookings_order_key").on(t.orderId),
    index("bookings_user_created_idx").on(t.userId, t.createdAt),
    index("bookings_status_created_idx").on(t.status, t.createdAt),
  ],
);

export type Booking = typeof bookings.$inferSelect;
