import type { BookingStatus } from "./bookings.table.js";

/** The moves staff may make; completed and canceled are final. */
export const BOOKING_TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  requested: ["confirmed", "canceled"],
  confirmed: ["completed", "canceled"],
  completed: [],
  canceled: [],
};

export function canMoveBooking(from: BookingStatus, to: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[from].includes(to);
}
