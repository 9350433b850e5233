import { count, desc, eq, type SQL } from "drizzle-orm";
import type { Logger } from "pino";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import { users } from "../customers/users.table.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { BOOKING_TRANSITIONS, canMoveBooking } from "./booking-states.js";
import { bookings, type Booking, type BookingStatus } from "./bookings.table.js";
import { orders } from "./orders.table.js";
import { bookingEmail } from "./payment-emails.js";
import { paymentsError } from "./payments.errors.js";

export type BookingRow = Booking & { readonly description: string; readonly userEmail: string };

export interface BookingChange {
  readonly status?: BookingStatus;
  /** null clears the appointment. */
  readonly scheduledFor?: Date | null;
  readonly staffNote?: string | null;
}

export interface BookingsService {
  /** The user's bookings, newest first. */
  listForUser(userId: string, page: number | undefined): Promise<Listed<BookingRow>>;
  /** Every booking (staff), newest first. */
  list(filter: { status?: BookingStatus; page?: number }): Promise<Listed<BookingRow>>;
  /**
   * Staff's change (audited): a status move from BOOKING_TRANSITIONS (else 409
   * invalid_transition), the appointment, the note. The buyer is emailed when the booking is
   * confirmed or canceled.
   */
  update(actor: Actor, bookingId: string, change: BookingChange): Promise<BookingRow>;
}

/** Moves the buyer hears about. */
const NOTIFIED: readonly BookingStatus[] = ["confirmed", "canceled"];

export function createBookingsService(deps: {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  log: Logger;
}): BookingsService {
  const { db, clock, log } = deps;

  async function listWhere(where: SQL | undefined, page: number | undefined) {
    const window = pageWindow(page);
    const [total] = await db.select({ n: count() }).from(bookings).where(where);
    const rows = await db
      .select({ booking: bookings, description: orders.description, userEmail: users.email })
      .from(bookings)
      .innerJoin(orders, eq(orders.id, bookings.orderId))
      .innerJoin(users, eq(users.id, bookings.userId))
      .where(where)
      .orderBy(desc(bookings.createdAt), desc(bookings.id))
      .limit(window.limit)
      .offset(window.offset);
    return {
      page: window.page,
      count: total?.n ?? 0,
      rows: rows.map((r) => ({ ...r.booking, description: r.description, userEmail: r.userEmail })),
    };
  }

  async function notify(row: BookingRow) {
    try {
      await deps.mailer.send(bookingEmail(row));
    } catch (error) {
      // The change stands; the buyer sees it in the account.
      log.warn({ err: error, booking: row.id }, "could not email a booking change");
    }
  }

  return {
    listForUser: (userId, page) => listWhere(eq(bookings.userId, userId), page),

    list: (filter) =>
      listWhere(
        filter.status === undefined ? undefined : eq(bookings.status, filter.status),
        filter.page,
      ),

    async update(actor, bookingId, change) {
      const { row, moved } = await db.transaction(async (tx) => {
        const [found] = await tx
          .select({ booking: bookings, description: orders.description, userEmail: users.email })
          .from(bookings)
          .innerJoin(orders, eq(orders.id, bookings.orderId))
          .innerJoin(users, eq(users.id, bookings.userId))
          .where(eq(bookings.id, bookingId))
          .for("update", { of: bookings });
        if (found === undefined) throw paymentsError("booking_not_found");
        const before = found.booking;
        const target = change.status ?? before.status;
        const moved = target !== before.status;
        if (moved && !canMoveBooking(before.status, target)) {
          const allowed = BOOKING_TRANSITIONS[before.status];
          throw paymentsError(
            "invalid_transition",
            `A ${before.status} booking cannot become ${target}` +
              (allowed.length === 0 ? "; it is final." : `; only ${allowed.join(" or ")}.`),
          );
        }
        const now = clock.now();
        const [after] = await tx
          .update(bookings)
          .set({
            status: target,
            ...(change.scheduledFor === undefined ? {} : { scheduledFor: change.scheduledFor }),
            ...(change.staffNote === undefined ? {} : { staffNote: change.staffNote }),
            updatedAt: now,
          })
          .where(eq(bookings.id, bookingId))
          .returning();
        if (after === undefined) throw new Error("booking vanished");
        await recordAudit(tx, {
          actor,
          action: "bookings.update",
          targetType: "booking",
          targetId: bookingId,
          details: {
            order_id: before.orderId,
            ...(moved ? { from: before.status, to: target } : {}),
            ...(change.scheduledFor === undefined
              ? {}
              : { scheduled_for: change.scheduledFor?.toISOString() ?? null }),
            ...(change.staffNote === undefined ? {} : { note_changed: true }),
          },
        });
        return {
          row: { ...after, description: found.description, userEmail: found.userEmail },
          moved,
        };
      });
      if (moved && NOTIFIED.includes(row.status)) await notify(row);
      return row;
    },
  };
}
