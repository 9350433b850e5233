import type { Millicredits } from "./credit-amounts.js";

/** Credits to hold for a call before its provider is asked. */
export interface ReservationRequest {
  readonly accountId: string;
  readonly requestId: string;
  readonly service: string;
  readonly amount: Millicredits;
}

export type Reservation =
  | {
      readonly ok: true;
      readonly holdId: string;
      /** The account's live credits right after this reservation. */
      readonly availableAfter: Millicredits;
    }
  | { readonly ok: false; readonly available: Millicredits };
