import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories/users.js";
import { createBillingPeriod } from "../../test/factories/usage.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { AppError } from "../platform/errors.js";
import { fixedClock } from "../platform/clock.js";
import { billingPeriods, type PaymentStatus } from "./billing-periods.table.js";
import { markAsOverdue, markAsPaid, markAsWaived } from "./billing-periods.queries.js";

describe("payment status transitions", () => {
  let t: TestApp;
  const clock = fixedClock("2025-03-10T12:00:00Z");
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function periodIn(status: PaymentStatus, totalCostCents = 1234) {
    const user = await createUser(t.services.db);
    return createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-02",
      paymentStatus: status,
      totalRequests: 12,
      totalCostCents,
    });
  }

  it("marks a pending period paid with the total as the default amount", async () => {
    const period = await periodIn("pending");
    const paid = await t.services.usage.markPeriodPaid(period.id, { reference: "INV-1" }, null);
    expect(paid).toMatchObject({
      paymentStatus: "paid",
      paidAmountCents: 1234,
      paymentReference: "INV-1",
      paymentNotes: null,
    });
    expect(paid.paidAt?.toISOString()).toBe("2025-03-10T12:00:00.000Z");
  });

  it("marks an overdue period paid with an explicit amount and notes", async () => {
    const period = await periodIn("overdue");
    const paid = await t.services.usage.markPeriodPaid(
      period.id,
      { amountCents: 1000, notes: "partial, rest forgiven" },
      null,
    );
    expect(paid).toMatchObject({
      paymentStatus: "paid",
      paidAmountCents: 1000,
      paymentNotes: "partial, rest forgiven",
      paymentReference: null,
    });
  });

  const allowed: [PaymentStatus, "paid" | "overdue" | "waived"][] = [
    ["pending", "paid"],
    ["pending", "overdue"],
    ["pending", "waived"],
    ["overdue", "paid"],
    ["overdue", "waived"],
  ];
  const refused: [PaymentStatus, "paid" | "overdue" | "waived"][] = [
    ["paid", "paid"],
    ["paid", "overdue"],
    ["paid", "waived"],
    ["waived", "paid"],
    ["waived", "overdue"],
    ["waived", "waived"],
    ["overdue", "overdue"],
  ];

  async function apply(to: "paid" | "overdue" | "waived", id: string) {
    if (to === "paid") return t.services.usage.markPeriodPaid(id, {}, null);
    if (to === "overdue") return t.services.usage.markPeriodOverdue(id, null);
    return t.services.usage.markPeriodWaived(id, {}, null);
  }

  it.each(allowed)("allows %s → %s", async (from, to) => {
    const period = await periodIn(from);
    const changed = await apply(to, period.id);
    expect(changed.paymentStatus).toBe(to);
  });

  it.each(refused)(
    "refuses %s → %s with 409 invalid_transition and changes nothing",
    async (from, to) => {
      const period = await periodIn(from);
      const error = await apply(to, period.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 409, code: "invalid_transition" });
      const [after] = await t.services.db
        .select()
        .from(billingPeriods)
        .where(eq(billingPeriods.id, period.id));
      expect(after?.paymentStatus).toBe(from);
      expect(after?.paidAt).toBeNull();
    },
  );

  it.each(["paid", "overdue"] as const)(
    "refuses to mark a month that has not ended %s, and may waive it",
    async (to) => {
      const user = await createUser(t.services.db);
      const running = await createBillingPeriod(t.services.db, {
        userId: user.id,
        month: "2025-03",
      });
      const error = await apply(to, running.id).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 409, code: "invalid_transition" });
      expect((error as AppError).message).toBe(
        `The period runs until 2025-03-31; it can be marked ${to} once it has ended.`,
      );
      expect((await apply("waived", running.id)).paymentStatus).toBe("waived");
    },
  );

  it("settles a month from the day after its last day (UTC), not on it", async () => {
    const user = await createUser(t.services.db);
    const february = await createBillingPeriod(t.services.db, {
      userId: user.id,
      month: "2025-02",
    });
    clock.set("2025-02-28T23:59:59Z");
    try {
      expect(await apply("overdue", february.id).catch((e: unknown) => e)).toMatchObject({
        code: "invalid_transition",
      });
      clock.set("2025-03-01T00:00:00Z");
      expect((await apply("overdue", february.id)).paymentStatus).toBe("overdue");
    } finally {
      clock.set("2025-03-10T12:00:00Z");
    }
  });

  it("answers an unknown period with not_found", async () => {
    const error = await t.services.usage
      .markPeriodWaived("00000000-0000-4000-8000-000000000000", {}, null)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
  });

  it("lets only one of two concurrent transitions win", async () => {
    const period = await periodIn("pending");
    const results = await Promise.all([
      markAsPaid(t.services.db, period.id, clock.now()),
      markAsWaived(t.services.db, period.id),
      markAsOverdue(t.services.db, period.id, clock.now()),
    ]);
    const winners = results.filter((r) => r.ok);
    // pending → overdue may happen first and then overdue → paid|waived: at most two succeed,
    // and never both final states.
    const finals = winners.filter((r) => r.period.paymentStatus !== "overdue");
    expect(finals).toHaveLength(1);
  });
});
