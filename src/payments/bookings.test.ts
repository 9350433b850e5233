import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, memoryMailer, type TestApp } from "../../test/support/app.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { buyWithLocalProvider, createProductWithPrice, pressPay } from "../../test/support/shop.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { auditLog } from "../audit/audit-log.table.js";

interface BookingJson {
  id: string;
  order_id: string;
  product_id: string;
  description: string;
  status: string;
  scheduled_for: string | null;
  staff_note?: string | null;
  user_email?: string;
}

describe("bookings of paid service orders", () => {
  const mailer = memoryMailer();
  let t: TestApp;
  let staff: Record<string, string>;
  let productId: string;
  let priceId: string;

  beforeAll(async () => {
    t = await createTestApp({ mailer });
    const { user } = await createVerifiedUser(t.services.db, { isStaff: true });
    staff = (await signIn(t, user.id)).headers;
    ({ productId, priceId } = await createProductWithPrice(t, staff, {
      kind: "service",
      name: "One hour of model tuning",
      amountCents: 12_000,
    }));
  });
  afterAll(async () => t.close());

  const myBookings = async (headers: Record<string, string>) => {
    const response = await t.app.inject({ method: "GET", url: "/api/account/bookings", headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ count: number; results: BookingJson[] }>();
  };

  const change = (id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "PATCH", url: `/api/admin/bookings/${id}`, headers: staff, payload });

  /** A buyer with a paid booking. */
  async function book() {
    const buyer = await buyWithLocalProvider(t, priceId);
    const [booking] = (await myBookings(buyer.headers)).results;
    if (booking === undefined) throw new Error("no booking was made");
    return { ...buyer, booking };
  }

  it("is for staff only", async () => {
    const { booking } = await book();
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/bookings" });
    await expectStaffOnly(t, { method: "PATCH", url: `/api/admin/bookings/${booking.id}` });
  });

  it("books a paid service order once, as requested, for its buyer only", async () => {
    const buyer = await book();
    expect(buyer.booking).toMatchObject({
      order_id: buyer.orderId,
      product_id: productId,
      description: "One hour of model tuning",
      status: "requested",
      scheduled_for: null,
    });
    expect(buyer.booking).not.toHaveProperty("staff_note");
    // Pressing Pay again is another event for the same payment: no second booking.
    expect((await pressPay(t, buyer.checkoutPath)).statusCode).toBe(303);
    expect((await myBookings(buyer.headers)).count).toBe(1);

    const { user } = await createVerifiedUser(t.services.db);
    const other = (await signIn(t, user.id)).headers;
    expect((await myBookings(other)).count).toBe(0);
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/account/bookings" }),
      401,
      "not_authenticated",
    );
  });

  it("lets staff confirm with a time and a note, audited, and emails the buyer", async () => {
    const buyer = await book();
    const confirmed = await change(buyer.booking.id, {
      status: "confirmed",
      scheduled_for: "2026-12-10T15:30:00+01:00",
      note: "Prefers mornings",
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<BookingJson>()).toMatchObject({
      status: "confirmed",
      scheduled_for: "2026-12-10T14:30:00.000Z",
      staff_note: "Prefers mornings",
      user_email: buyer.email,
    });
    const [mine] = (await myBookings(buyer.headers)).results;
    expect(mine).toMatchObject({ status: "confirmed", scheduled_for: "2026-12-10T14:30:00.000Z" });
    expect(mine).not.toHaveProperty("staff_note");

    const mail = mailer.messages.filter(
      (m) => m.to === buyer.email && m.subject.includes("booking"),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain("confirmed");
    expect(mail[0]?.text).toContain("2026-12-10 14:30 UTC");

    // A new time for a confirmed booking is no move: no second email.
    expect((await change(buyer.booking.id, { scheduled_for: null })).statusCode).toBe(200);
    const completed = await change(buyer.booking.id, { status: "completed" });
    expect(completed.json<BookingJson>().status).toBe("completed");
    expect(
      mailer.messages.filter((m) => m.to === buyer.email && m.subject.includes("booking")),
    ).toHaveLength(1);

    const audits = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "bookings.update"), eq(auditLog.targetId, buyer.booking.id)));
    expect(audits.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: "requested", to: "confirmed" }),
        expect.objectContaining({ from: "confirmed", to: "completed" }),
      ]),
    );
    expect(audits).toHaveLength(3);
  });

  it("emails the buyer when a booking is canceled, and refuses moves out of a final state", async () => {
    const buyer = await book();
    expect((await change(buyer.booking.id, { status: "canceled" })).statusCode).toBe(200);
    const mail = mailer.messages.filter(
      (m) => m.to === buyer.email && m.subject.includes("booking"),
    );
    expect(mail.map((m) => m.subject)).toEqual(["Your Tollgate booking is canceled"]);
    const refused = expectProblem(
      await change(buyer.booking.id, { status: "confirmed" }),
      409,
      "invalid_transition",
    );
    expect(refused.detail).toContain("final");
  });

  it("refuses a move the transition table does not have, and bad changes", async () => {
    const buyer = await book();
    const refused = expectProblem(
      await change(buyer.booking.id, { status: "completed" }),
      409,
      "invalid_transition",
    );
    expect(refused.detail).toContain("confirmed or canceled");
    expectProblem(await change(buyer.booking.id, {}), 400, "validation_error");
    expectProblem(await change(buyer.booking.id, { status: "lost" }), 400, "validation_error");
    expectProblem(
      await change(buyer.booking.id, { scheduled_for: "next tuesday" }),
      400,
      "validation_error",
    );
    expectProblem(
      await change(buyer.booking.id, { note: "x".repeat(2001) }),
      400,
      "validation_error",
    );
    expectProblem(
      await change("00000000-0000-4000-8000-000000000000", { status: "confirmed" }),
      404,
      "booking_not_found",
    );
  });

  it("lists every booking for staff, filtered by status", async () => {
    const first = await book();
    const second = await book();
    await change(second.booking.id, { status: "confirmed" });
    const list = async (query: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/admin/bookings${query}`,
        headers: staff,
      });
      expect(response.statusCode).toBe(200);
      return response.json<{ count: number; results: BookingJson[] }>();
    };
    const all = (await list("")).results.map((b) => b.id);
    expect(all).toEqual(expect.arrayContaining([first.booking.id, second.booking.id]));
    const requested = await list("?status=requested");
    expect(requested.results.every((b) => b.status === "requested")).toBe(true);
    expect(requested.results.map((b) => b.id)).toContain(first.booking.id);
    expect(requested.results.map((b) => b.id)).not.toContain(second.booking.id);
    expect((await list("?status=confirmed")).results[0]).toMatchObject({
      id: second.booking.id,
      user_email: second.email,
    });
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/admin/bookings?status=lost", headers: staff }),
      400,
      "validation_error",
    );
  });
});
