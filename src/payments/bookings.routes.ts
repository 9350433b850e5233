import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { validationError } from "../platform/errors.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import {
  AdminBookingSchema,
  adminBookingJson,
  BookingSchema,
  bookingJson,
  BookingStatusSchema,
} from "./bookings.schemas.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });

const BookingPatch = Type.Object(
  {
    status: Type.Optional(BookingStatusSchema),
    scheduled_for: Type.Optional(
      Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
        description: "The appointment, ISO 8601 with a zone; null clears it",
      }),
    ),
    note: Type.Optional(
      Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
        description: "Staff's own note; never shown to the buyer",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

function scheduledForOf(value: string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw validationError([
      { field: "scheduled_for", code: "invalid", message: "Expected an ISO 8601 date-time." },
    ]);
  }
  return at;
}

/** Bookings of paid service orders: the buyer's own, and staff's list and changes. */
export const bookingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { bookings } = app.services.payments;

  app.get(
    "/api/account/bookings",
    {
      config: { access: "session" },
      schema: {
        operationId: "listBookings",
        tags: ["payments"],
        summary: "The caller's bookings (one per paid service order), newest first",
        querystring: PageQuery,
        response: { 200: Paginated(BookingSchema), ...problems(404) },
      },
    },
    async (request) =>
      toPage(
        request,
        await bookings.listForUser(principalOf(request).userId, request.query.page),
        bookingJson,
      ),
  );

  app.get(
    "/api/admin/bookings",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllBookings",
        tags: ["admin", "payments"],
        summary: "Every booking (staff), newest first",
        querystring: Type.Object({
          status: Type.Optional(BookingStatusSchema),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminBookingSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      toPage(
        request,
        await bookings.list({
          ...(request.query.status === undefined ? {} : { status: request.query.status }),
          ...(request.query.page === undefined ? {} : { page: request.query.page }),
        }),
        adminBookingJson,
      ),
  );

  app.patch(
    "/api/admin/bookings/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "updateBooking",
        tags: ["admin", "payments"],
        summary: "Confirm, complete or cancel a booking, set its time or note (staff; audited)",
        description:
          "Status moves: requested → confirmed | canceled, confirmed → completed | canceled " +
          "(any other: 409 invalid_transition). The buyer is emailed when it is confirmed or " +
          "canceled.",
        params: Id,
        body: BookingPatch,
        response: { 200: AdminBookingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const body = request.body;
      const scheduledFor = scheduledForOf(body.scheduled_for);
      const row = await bookings.update(
        actorOf(principalOf(request)),
        request.params.id.toLowerCase(),
        {
          ...(body.status === undefined ? {} : { status: body.status }),
          ...(scheduledFor === undefined ? {} : { scheduledFor }),
          ...(body.note === undefined ? {} : { staffNote: body.note }),
        },
      );
      return adminBookingJson(row);
    },
  );
};
