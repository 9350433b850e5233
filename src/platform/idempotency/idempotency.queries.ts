import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/database.js";
import { hasSqlState } from "../db/errors.js";
import { rowsOf } from "../db/rows.js";

/** A reply as it was sent: what a replay sends again. */
export interface StoredReply {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The holder of a key, as a later request with the same key sees it. */
export interface ExistingKey {
  readonly fingerprint: string;
  readonly status: "in_flight" | "completed";
  readonly responseStatus: number | null;
  /** The reply's headers, its content type included. */
  readonly responseHeaders: Record<string, string> | null;
  readonly responseBody: string | null;
}

export type ClaimResult =
  | {
      readonly claimed: true;
      /** The request whose lapsed in-flight claim this one took over (its process died). */
      readonly lapsedRequestId?: string;
    }
  | { readonly claimed: false; readonly existing: ExistingKey };

/**
 * Claims the key for this request, in one statement: a new key; an expired one (older than
 * `expiredBefore`, it counts as new); or a claim in flight whose lock ran out (its request
 * died) for the same request. Otherwise returns the row that holds it.
 */
export async function claimIdempotencyKey(
  db: DbOrTx,
  params: {
    userId: string;
    key: string;
    fingerprint: string;
    requestId: string;
    now: Date;
    lockedUntil: Date;
    expiredBefore: Date;
  },
): Promise<ClaimResult> {
  const now = params.now.toISOString();
  // `prior` reads the row as it was before this statement: whose claim, if any, was taken over.
  const claimed = await rowsOf<{ lapsedRequestId: string | null }>(
    db,
    sql`with prior as (
          select request_id, status from idempotency_keys
          where user_id = ${params.userId}::uuid and key = ${params.key}
        )
        insert into idempotency_keys (user_id, key, fingerprint, request_id, locked_until, created_at)
        values (${params.userId}::uuid, ${params.key}, ${params.fingerprint},
          ${params.requestId}::uuid, ${params.lockedUntil.toISOString()}::timestamptz, ${now}::timestamptz)
        on conflict (user_id, key) do update
          set fingerprint = excluded.fingerprint, request_id = excluded.request_id,
            locked_until = excluded.locked_until, created_at = excluded.created_at,
            status = 'in_flight', response_status = null, response_headers = null,
            response_body = null
          where idempotency_keys.created_at <= ${params.expiredBefore.toISOString()}::timestamptz
            or (idempotency_keys.status = 'in_flight'
              and idempotency_keys.locked_until <= ${now}::timestamptz
              and idempotency_keys.fingerprint = excluded.fingerprint)
        returning (select request_id::text from prior where status = 'in_flight')
          as "lapsedRequestId"`,
  );
  const [won] = claimed;
  if (won !== undefined) {
    return won.lapsedRequestId === null
      ? { claimed: true }
      : { claimed: true, lapsedRequestId: won.lapsedRequestId };
  }
  const [existing] = await rowsOf<ExistingKey>(
    db,
    sql`select fingerprint, status, response_status as "responseStatus",
          response_headers as "responseHeaders", response_body as "responseBody"
        from idempotency_keys where user_id = ${params.userId}::uuid and key = ${params.key}`,
  );
  // Purged between the two statements: claim again.
  if (existing === undefined) return claimIdempotencyKey(db, params);
  return { claimed: false, existing };
}

/** A claim as its holder knows it. */
export interface HeldClaim {
  readonly userId: string;
  readonly key: string;
  /** The request id of the run holding it: a claim taken over by a retry is no longer ours. */
  readonly requestId: string;
}

/** Extends the lease of these claims while they are still in flight and ours; returns how many. */
export async function renewIdempotencyClaims(
  db: DbOrTx,
  claims: readonly HeldClaim[],
  lockedUntil: Date,
): Promise<number> {
  const rows = JSON.stringify(
    claims.map((c) => ({ user_id: c.userId, key: c.key, request_id: c.requestId })),
  );
  const renewed = await rowsOf<{ key: string }>(
    db,
    sql`update idempotency_keys k set locked_until = ${lockedUntil.toISOString()}::timestamptz
        from jsonb_to_recordset(${rows}::jsonb) as x(user_id uuid, key text, request_id uuid)
        where k.user_id = x.user_id and k.key = x.key and k.request_id = x.request_id
          and k.status = 'in_flight'
        returning k.key`,
  );
  return renewed.length;
}

export interface KeyCompletion {
  readonly userId: string;
  readonly key: string;
  readonly requestId: string;
  readonly reply: StoredReply;
}

/**
 * Stores the replies of claims this batch's requests hold, in the caller's transaction; fails
 * (SQLSTATE CLAIM_LOST_SQLSTATE, rolling the transaction back) if one of them lost its claim.
 */
export async function completeIdempotencyKeys(
  tx: DbOrTx,
  completions: readonly KeyCompletion[],
): Promise<void> {
  const query = completeIdempotencyKeysQuery(completions);
  if (query !== undefined) await tx.execute(query);
}

/** What `idempotency_complete` (migration 0007) raises when a request lost its key's claim. */
export const CLAIM_LOST_SQLSTATE = "TGK01";

/** True when a database error (or one it wraps in `cause`) says a request lost its claim. */
export function isClaimLost(error: unknown): boolean {
  return hasSqlState(error, CLAIM_LOST_SQLSTATE);
}

/** The statement of `completeIdempotencyKeys` (none without completions), for a script. */
export function completeIdempotencyKeysQuery(
  completions: readonly KeyCompletion[],
): SQL | undefined {
  if (completions.length === 0) return undefined;
  const rows = JSON.stringify(
    completions.map((c) => ({
      user_id: c.userId,
      key: c.key,
      request_id: c.requestId,
      status: c.reply.status,
      headers: { ...c.reply.headers, "content-type": c.reply.contentType },
      body: c.reply.body,
    })),
  );
  return sql`select idempotency_complete(${rows}::jsonb)`;
}

/** Gives up this request's claim (it ended before anything was charged). */
export async function releaseIdempotencyKey(db: DbOrTx, params: HeldClaim): Promise<void> {
  await db.execute(
    sql`delete from idempotency_keys
        where user_id = ${params.userId}::uuid and key = ${params.key}
          and request_id = ${params.requestId}::uuid and status = 'in_flight'`,
  );
}

/** Deletes keys created before `before`; returns how many. */
export async function purgeIdempotencyKeys(db: DbOrTx, before: Date): Promise<number> {
  const rows = await rowsOf<{ key: string }>(
    db,
    sql`delete from idempotency_keys where created_at <= ${before.toISOString()}::timestamptz
        returning key`,
  );
  return rows.length;
}
