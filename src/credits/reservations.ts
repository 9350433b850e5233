import { randomUUID } from "node:crypto";
import type { Database } from "../platform/db/database.js";
import { createGroupCommit, type Waiting } from "../platform/db/group-commit.js";
import type { Millicredits } from "./credit-amounts.js";
import { readAvailable, reserveHolds, type HoldRequest } from "./ledger.queries.js";

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

/** At most this many reservations in one statement. */
const MAX_BATCH = 500;

/**
 * Reserves credits before a provider is called, with group commit: the reservations that arrive
 * while a batch is being written go together in the next one (one lock of each account, one
 * statement, one commit), so one busy account does not queue every request on its row lock.
 * A batch admits the longest affordable prefix per account; a request it refuses is tried again
 * alone, so each caller gets the answer it would have got by itself.
 */
export function createReserver(deps: {
  database: Pick<Database, "db">;
  now: () => Date;
  /** How long a hold lives before the sweep may release it (its request is then dead). */
  holdTtlMs: number;
}): (request: ReservationRequest) => Promise<Reservation> {
  const { database, now } = deps;

  /** One statement (it locks the accounts itself), so one round trip and one transaction. */
  async function reserve(requests: readonly HoldRequest[]): Promise<Map<string, Millicredits>> {
    return reserveHolds(database.db, requests, now());
  }

  async function reserveAlone(waiting: Waiting<HoldRequest, Reservation>): Promise<void> {
    const request = waiting.input;
    try {
      const availableAfter = (await reserve([request])).get(request.requestId);
      if (availableAfter !== undefined) {
        waiting.resolve({ ok: true, holdId: request.holdId, availableAfter });
        return;
      }
      const available = await readAvailable(database.db, [request.accountId], now());
      waiting.resolve({ ok: false, available: available.get(request.accountId) ?? 0 });
    } catch (error) {
      waiting.reject(error);
    }
  }

  const submit = createGroupCommit<HoldRequest, Reservation>(async (batch) => {
    let admitted: Map<string, Millicredits> | undefined;
    if (batch.length > 1) {
      try {
        admitted = await reserve(batch.map((w) => w.input));
      } catch {
        // e.g. a replayed request id: each is tried alone and gets its own answer.
      }
    }
    const refused: Waiting<HoldRequest, Reservation>[] = [];
    for (const waiting of batch) {
      const availableAfter = admitted?.get(waiting.input.requestId);
      if (availableAfter !== undefined) {
        waiting.resolve({ ok: true, holdId: waiting.input.holdId, availableAfter });
      } else {
        refused.push(waiting);
      }
    }
    // One after the other, in arrival order, so the answers are those of serial requests.
    for (const waiting of refused) await reserveAlone(waiting);
  }, MAX_BATCH);

  return (request) =>
    submit({
      ...request,
      holdId: randomUUID(),
      expiresAt: new Date(now().getTime() + deps.holdTtlMs),
    });
}
