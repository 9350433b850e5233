import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../clock.js";
import type { Db } from "../db/database.js";
import { defineErrors, validationError } from "../errors.js";
import {
  claimIdempotencyKey,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
  type StoredReply,
} from "./idempotency.queries.js";

/** How long a key's reply is kept (and replayed); a key reused after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

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
  { readonly kind: "run" } | { readonly kind: "replay"; readonly reply: StoredReply };

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
  release(params: { userId: string; key: string; requestId: string }): Promise<void>;
  /** Deletes keys older than IDEMPOTENCY_TTL_MS; returns how many. */
  purgeExpired(): Promise<number>;
}

export function createIdempotencyService(deps: {
  db: Db;
  clock: Clock;
  /** How long an in-flight claim is honoured: longer than any request may run. */
  lockMs: number;
}): IdempotencyService {
  const { db, clock } = deps;
  return {
    async claim(params) {
      const now = clock.now();
      const result = await claimIdempotencyKey(db, {
        ...params,
        now,
        lockedUntil: new Date(now.getTime() + deps.lockMs),
        expiredBefore: new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
      });
      if (result.claimed) return { kind: "run" };
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
      await releaseIdempotencyKey(db, params);
    },
    async purgeExpired() {
      return purgeIdempotencyKeys(db, new Date(clock.now().getTime() - IDEMPOTENCY_TTL_MS));
    },
  };
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
