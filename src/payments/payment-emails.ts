import type { EmailMessage } from "../platform/email.js";
import type { Order, Receipt } from "./orders.table.js";
import type { Refund } from "./refunds.table.js";

/** An amount in cents as the receipt prints it: `USD 40.00`. */
export function formatMoney(cents: number, currency: string): string {
  return `${currency.toUpperCase()} ${(cents / 100).toFixed(2)}`;
}

export function receiptEmail(receipt: Receipt, input: { publicBaseUrl: string }): EmailMessage {
  return {
    to: receipt.email,
    subject: `Your Tollgate receipt ${receipt.number}`,
    text: [
      "Hello,",
      "",
      "Thank you for your payment. Your receipt:",
      "",
      `  Receipt:  ${receipt.number}`,
      `  Date:     ${receipt.issuedAt.toISOString().slice(0, 10)}`,
      `  Item:     ${receipt.description}${receipt.quantity > 1 ? ` × ${String(receipt.quantity)}` : ""}`,
      `  Paid:     ${formatMoney(receipt.amountCents, receipt.currency)}`,
      "",
      `A printable copy: ${input.publicBaseUrl}/api/account/receipts/${receipt.id}/receipt`,
      "(sign in first).",
    ].join("\n"),
  };
}

export function refundEmail(order: Order, refund: Refund, email: string): EmailMessage {
  const credits =
    refund.creditsClawedBack > 0
      ? [
          `  Credits:  ${String(refund.creditsClawedBack / 1000)} credits of the purchase were taken back`,
        ]
      : [];
  return {
    to: email,
    subject: `Your Tollgate refund of ${formatMoney(refund.amountCents, order.currency)}`,
    text: [
      "Hello,",
      "",
      "We refunded part or all of a purchase:",
      "",
      `  Item:     ${order.description}`,
      `  Refunded: ${formatMoney(refund.amountCents, order.currency)}`,
      ...credits,
      "",
      "Refunds take 5 to 10 business days to reach your account.",
    ].join("\n"),
  };
}

/** The buyer's notice of a confirmed or canceled booking. */
export function bookingEmail(booking: {
  status: string;
  description: string;
  userEmail: string;
  scheduledFor: Date | null;
}): EmailMessage {
  const when =
    booking.scheduledFor === null
      ? []
      : [`  When:     ${booking.scheduledFor.toISOString().replace("T", " ").slice(0, 16)} UTC`];
  const confirmed = booking.status === "confirmed";
  return {
    to: booking.userEmail,
    subject: `Your Tollgate booking is ${confirmed ? "confirmed" : "canceled"}`,
    text: [
      "Hello,",
      "",
      confirmed ? "Your booking is confirmed:" : "Your booking was canceled:",
      "",
      `  Service:  ${booking.description}`,
      ...when,
      "",
      confirmed
        ? "We will be in touch about the details."
        : "If you did not expect this, reply to this email.",
    ].join("\n"),
  };
}
