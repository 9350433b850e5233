import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../clock.js";
import type { Db } from "../db/database.js";
import { defineErrors, validationError } from "../errors.js";
import {
  claimIdempotencyKey,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
  renewIdempotencyClaims,
  type HeldClaim,
  type StoredReply,
} from "./idempotency.queries.js";

/** How long a key's reply is kept (and replayed); a key reused after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long an in-flight claim is honoured after its process last renewed it. The process renews
 * its running claims every third of this, so a claim outlives its process by at most this: a
 * retry after a crash runs normally within half a minute instead of waiting out the request's
 * longest possible run.
 */
export const IDEMPOTENCY_LEASE_MS = 30_000;

export const IDEMPOTENCY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

export const idempotencyError = defineErrors({
  idempotency_key_in_use: [409, "Idempotency key in use"],
  idempotency_key_mismatch: [422, "Idempotency key reused"],
});

/** 1–255 printable ASCII characters, as Stripe takes them. */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The request's Idempotency-Key, undefined when it sent none; 400 validation_error when malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !KEY_PATTERN.test(value)) {
    throw validationError([
      {
        field: "Idempotency-Key",
        code: "invalid_format",
        message: "Expected 1 to 255 printable ASCII characters (a UUID is a good key).",
      },
    ]);
  }
  return value;
}

/**
 * What makes two requests "the same request" for a key: method, path and the body (for uploads,
 * the file's bytes, since a multipart envelope differs from one retry to the next).
 */
export function requestFingerprint(method: string, path: string, body: Buffer | string): string {
  return createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
}

/** What a request holding a key does next. */
export type KeyClaim =
  | {
      readonly kind: "run";
      /** The request whose process died holding this key: its open credit hold is orphaned. */
      readonly lapsedRequestId?: string;
    }
  | { readonly kind: "replay"; readonly reply: StoredReply };

export interface IdempotencyService {
  /**
   * Claims `key` for this request or says what to do instead: replay the stored reply of a
   * completed request with the same fingerprint. Throws 422 for the same key with another
   * request and 409 while the first is still running.
   */
  claim(params: {
    userId: string;
    key: string;
    fingerprint: string;
    requestId: string;
  }): Promise<KeyClaim>;
  /** Gives the key back: the request ended before anything was charged or logged. */
  release(params: HeldClaim): Promise<void>;
  /** The request that claimed the key ended (its reply is stored): stop renewing its claim. */
  settled(params: HeldClaim): void;
  /**
   * Extends the lease of every claim this process holds for a running request; done by a timer
   * while any runs. Returns how many claims were renewed.
   */
  renewHeld(): Promise<number>;
  /** Deletes keys older than IDEMPOTENCY_TTL_MS; returns how many. */
  purgeExpired(): Promise<number>;
}

export function createIdempotencyService(deps: {
  db: Db;
  clock: Clock;
  /** IDEMPOTENCY_LEASE_MS; shorter in tests. */
  leaseMs?: number;
  /** Told when a renewal fails (the database is down): the claims may then lapse. */
  onRenewalFailed?: (error: unknown) => void;
}): IdempotencyService {
  const { db, clock } = deps;
  const leaseMs = deps.leaseMs ?? IDEMPOTENCY_LEASE_MS;
  // The claims of requests running in this process, by user and key.
  const held = new Map<string, HeldClaim>();
  let timer: NodeJS.Timeout | undefined;
  const idOf = (claim: Pick<HeldClaim, "userId" | "key">) => `${claim.userId}\u0000${claim.key}`;
  const leaseEnd = () => new Date(clock.now().getTime() + leaseMs);

  function hold(claim: HeldClaim): void {
    held.set(idOf(claim), claim);
    // Unref'd: a running request, not its renewals, is what keeps the process busy.
    timer ??= setInterval(() => {
      service.renewHeld().catch((error: unknown) => deps.onRenewalFailed?.(error));
    }, leaseMs / 3).unref();
  }

  function drop(claim: HeldClaim): void {
    const id = idOf(claim);
    if (held.get(id)?.requestId === claim.requestId) held.delete(id);
    if (held.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  const service: IdempotencyService = {
    async claim(params) {
      const now = clock.now();
      const result = await claimIdempotencyKey(db, {
        ...params,
        now,
        lockedUntil: leaseEnd(),
        expiredBefore: new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
      });
      if (result.claimed) {
        hold(params);
        return result.lapsedRequestId === undefined
          ? { kind: "run" }
          : { kind: "run", lapsedRequestId: result.lapsedRequestId };
      }
      const existing = result.existing;
      if (existing.fingerprint !== params.fingerprint) {
        throw idempotencyError(
          "idempotency_key_mismatch",
          "This Idempotency-Key was used for a different request; send a new key for a new request.",
        );
      }
      if (
        existing.status === "in_flight" ||
        existing.responseStatus === null ||
        existing.responseBody === null
      ) {
        throw idempotencyError(
          "idempotency_key_in_use",
          "A request with this Idempotency-Key is still running; retry shortly for its reply.",
          { headers: { "Retry-After": "1" } },
        );
      }
      const { "content-type": contentType, ...headers } = existing.responseHeaders ?? {};
      return {
        kind: "replay",
        reply: {
          status: existing.responseStatus,
          contentType: contentType ?? "application/json; charset=utf-8",
          headers,
          body: existing.responseBody,
        },
      };
    },
    async release(params) {
      drop(params);
      await releaseIdempotencyKey(db, params);
    },
    settled(params) {
      drop(params);
    },
    async renewHeld() {
      if (held.size === 0) return 0;
      return renewIdempotencyClaims(db, [...held.values()], leaseEnd());
    },
    async purgeExpired() {
      return purgeIdempotencyKeys(db, new Date(clock.now().getTime() - IDEMPOTENCY_TTL_MS));
    },
  };
  return service;
}

/** Sends a reply exactly as it was metered (or stored), marked when it is a replay. */
export function sendStoredReply(
  reply: FastifyReply,
  stored: StoredReply,
  options: { replayed: boolean },
): FastifyReply {
  if (options.replayed) reply.header(REPLAYED_HEADER, "true");
  return reply
    .status(stored.status)
    .headers(stored.headers)
    .type(stored.contentType)
    .serializer((payload) => payload as string)
    .send(stored.body);
}
