import { Type } from "typebox";
import { Problem, problemResponse } from "../platform/problem.js";

/** A credit amount in the API: credits as a number with at most 3 decimals. */
export const Credits = (description?: string) =>
  Type.Number(description === undefined ? {} : { description });

/** 402 insufficient_credits: the problem, with what the call needs and what the account has. */
export const InsufficientCredits = Type.Object(
  {
    ...Problem.properties,
    required: Credits("Credits the call costs"),
    available: Credits("Credits the account has available"),
  },
  { description: "RFC 9457 problem details with the credits needed and available" },
);

export const insufficientCreditsResponse = {
  402: problemResponse(
    InsufficientCredits,
    "Insufficient credits (application/problem+json, with the credits needed and available)",
  ),
};

export const CreditEntryTypeSchema = Type.Union([
  Type.Literal("grant"),
  Type.Literal("reserve"),
  Type.Literal("settle"),
  Type.Literal("charge"),
  Type.Literal("release"),
  Type.Literal("refund"),
  Type.Literal("expire"),
  Type.Literal("adjust"),
]);

/** One journal entry, as the account's owner sees it. */
export const CreditTransaction = Type.Object({
  id: Type.String({ format: "uuid" }),
  created_at: Type.String({ format: "date-time" }),
  type: CreditEntryTypeSchema,
  amount: Credits("Change to the account's unspent credits (negative takes away)"),
  balance_after: Credits("The account's unspent credits right after this entry"),
  service: Type.Union([Type.String(), Type.Null()]),
  request_id: Type.Union([Type.String({ format: "uuid" }), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
