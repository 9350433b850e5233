import type { EmailMessage } from "../platform/email.js";
import type { Receipt } from "./orders.table.js";

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
