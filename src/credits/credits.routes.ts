import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { toCredits } from "./credit-amounts.js";
import type { CreditEntry } from "./credit-entries.table.js";
import { CreditEntryTypeSchema, CreditTransaction, Credits } from "./credits.schemas.js";
import type { AccountBalance } from "./ledger.queries.js";

export const Balance = Type.Object({
  total_available: Credits("Credits that can be spent now (reservations excluded)"),
  trial_credits: Credits(),
  subscription_credits: Credits(),
  payg_credits: Credits("Pay-as-you-go credits; they never expire"),
  adjustment_credits: Credits(),
  reserved: Credits("Credits held by calls in progress"),
  next_expiry: Type.Union([
    Type.Object({ credits: Credits(), expires_at: Type.String({ format: "date-time" }) }),
    Type.Null(),
  ]),
});

export function balanceJson(balance: AccountBalance) {
  const { trial, subscription, payg, adjustment } = balance.byKind;
  return {
    total_available: toCredits(trial + subscription + payg + adjustment),
    trial_credits: toCredits(trial),
    subscription_credits: toCredits(subscription),
    payg_credits: toCredits(payg),
    adjustment_credits: toCredits(adjustment),
    reserved: toCredits(balance.reserved),
    next_expiry:
      balance.nextExpiry === null
        ? null
        : {
            credits: toCredits(balance.nextExpiry.amount),
            expires_at: balance.nextExpiry.expiresAt.toISOString(),
          },
  };
}

export function transactionJson(entry: CreditEntry) {
  return {
    id: entry.id,
    created_at: entry.createdAt.toISOString(),
    type: entry.type,
    amount: toCredits(entry.amount),
    balance_after: toCredits(entry.balanceAfter),
    service: entry.service,
    request_id: entry.requestId,
    reason: entry.reason,
  };
}

/** The caller's credits: balance and journal (session or API token). */
export const creditsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { credits } = app.services;

  app.get(
    "/api/credits/balance",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "getCreditBalance",
        tags: ["credits"],
        summary: "The caller's credits by kind, what calls in progress hold, and the next expiry",
        response: { 200: Balance },
      },
    },
    async (request) => balanceJson(await credits.balance(principalOf(request).userId)),
  );

  app.get(
    "/api/credits/transactions",
    {
      config: { access: "session_or_bearer" },
      schema: {
        operationId: "listCreditTransactions",
        tags: ["credits"],
        summary: "The caller's credit journal, newest first",
        description:
          "`amount` is each entry's change to the unspent credits: a call shows as `reserve` " +
          "(−cost) then `settle` (+ what was not charged, 0 usually) or `release` (+cost, when " +
          "the call failed); a call that ran on an ample balance without a reservation, as one " +
          "`charge` (−cost) once it succeeded.",
        querystring: Type.Object({
          type: Type.Optional(CreditEntryTypeSchema),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(CreditTransaction) },
      },
    },
    async (request) => {
      const listed = await credits.listTransactions(principalOf(request).userId, {
        type: request.query.type,
        page: request.query.page,
      });
      return toPage(request, listed, transactionJson);
    },
  );
};
