import type { Logger } from "pino";
import { toCredits, type Millicredits } from "../credits/credit-amounts.js";
import { creditsError } from "../credits/credits.errors.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { isDatabaseUnavailable, isUniqueViolation } from "../platform/db/errors.js";
import { platformError, type AppError } from "../platform/errors.js";
import { idempotencyError, type IdempotencyService } from "../platform/idempotency/idempotency.js";
import { isClaimLost } from "../platform/idempotency/idempotency.queries.js";
import { problemBody } from "../platform/problem.js";
import { ChargeRefused, type MeteredReply, type RequestMeter } from "../usage/batched-metering.js";
import { requestIdIsLogged } from "../usage/request-logs.queries.js";
import { aiServicesError } from "./ai-services.errors.js";
import type { ServiceFailureCode, ServiceOutcome } from "./service-definition.js";

/** What a metered call is priced at, from the service's row (and the core settings for solve). */
export interface MeteredPrice {
  readonly service: string;
  readonly creditCostMilli: Millicredits;
  readonly priceCents: number;
}

export interface MeteredRunInput<R> {
  readonly userId: string;
  readonly tokenId: string | null;
  readonly requestId: string;
  /** The caller chose the request id (it may be a replay); generated ids are always fresh. */
  readonly requestIdFromCaller: boolean;
  readonly requestTs: Date;
  /** Milliseconds since the request arrived. */
  readonly elapsedMs: () => number;
  readonly requestBytes: number;
  readonly price: MeteredPrice;
  /** The reply speaks credits (charged, balance): the run endpoint's does, solve's does not. */
  readonly speaksCredits: boolean;
  readonly idempotency?: { readonly key: string; readonly fingerprint: string } | undefined;
  /**
   * The run's time limit, enforced here; undefined when the run enforces its own (solve's
   * provider client does), so the hot path pays no timer.
   */
  readonly timeoutMs: number | undefined;
  readonly log: Pick<Logger, "warn" | "error">;
  /**
   * A check before anything is held or run (a plan's tokens_per_month); what it throws refuses
   * the call, which gives the Idempotency-Key back and logs and charges nothing.
   */
  readonly admit?: (() => Promise<void>) | undefined;
  run(signal: AbortSignal): Promise<ServiceOutcome<R>>;
  /** The problem a provider failure is answered with (solve keeps its openai_* codes). */
  failure(outcome: Extract<ServiceOutcome<R>, { ok: false }>): AppError;
  success(
    result: R,
    settled: { credits: Millicredits; balance: Millicredits | null; durationMs: number },
  ): MeteredReply;
}

export interface MeteredRunOutcome {
  readonly reply: MeteredReply;
  /** The stored reply of an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
}

export type MeteredRunner = <R>(input: MeteredRunInput<R>) => Promise<MeteredRunOutcome>;

/** What a call holds once it may run: its account (when it speaks credits) and its hold. */
interface Prepared {
  readonly accountId: string | null;
  readonly holdId: string | null;
  /** The account's live credits right after the hold was taken. */
  readonly availableAfter?: Millicredits;
  /** Runs before its credits are held; charged with its log (see optimistic-admission.ts). */
  readonly optimistic?: boolean;
}

/**
 * When a call that was not metered cannot give its hold and key back because the database is
 * unreachable, it tries again after each of these delays (ms), so a client retrying after the
 * outage with the same Idempotency-Key runs at once instead of meeting its own claim; the sweep
 * (CREDIT_RESERVATION_TTL_S) is the backstop.
 */
const GIVE_BACK_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

const DUPLICATE_REQUEST_DETAIL =
  "A request with this X-Request-ID was already processed; send a new UUID (or none) to run again.";

/** Provider failures in the generic services' words; solve maps them to its openai_* codes. */
export function serviceFailure(code: ServiceFailureCode, retryAfterS?: number): AppError {
  const details: Record<ServiceFailureCode, string> = {
    provider_error: "The service's provider returned an error; you were not charged.",
    provider_unavailable: "The service's provider could not be reached; you were not charged.",
    provider_rate_limited:
      "The service's provider is rate limiting us; retry later. You were not charged.",
    provider_timeout: "The service did not answer in time; you were not charged.",
  };
  return aiServicesError(code, details[code], {
    headers: retryAfterS === undefined ? {} : { "Retry-After": String(retryAfterS) },
  });
}

function insufficientCredits(cost: Millicredits, available: Millicredits): AppError {
  return creditsError(
    "insufficient_credits",
    `This call costs ${toCredits(cost)} credits and ${toCredits(available)} are available.`,
    { extensions: { required: toCredits(cost), available: toCredits(available) } },
  );
}

/** A problem+json reply, serialized as it is sent and metered. */
export function problemReply(requestId: string, error: AppError): MeteredReply {
  return {
    status: error.status,
    contentType: "application/problem+json; charset=utf-8",
    headers: error.options.headers ?? {},
    body: JSON.stringify(problemBody(requestId, error)),
  };
}

/**
 * Runs one metered call the same way for every service, solve included:
 * claim the Idempotency-Key (or replay its stored reply) → refuse a replayed X-Request-ID →
 * admit (a plan's limit, when the service has one to check) →
 * reserve the credit cost (402 without enough, and the provider is never called; on an ample
 * recent balance the call is admitted without a hold instead, see optimistic-admission.ts) → run, within
 * the time limit → meter: log the call, settle the hold on success or release it on failure,
 * store the key's reply, all in one commit → reply. Nothing is charged for a failure; refusals
 * before the run give the key back, so the caller may retry with it.
 */
export function createMeteredRunner(deps: {
  db: Db;
  clock: Clock;
  credits: CreditsService;
  idempotency: IdempotencyService;
  meter: RequestMeter;
}): MeteredRunner {
  const { db, credits, idempotency, meter } = deps;

  async function prepare<R>(input: MeteredRunInput<R>): Promise<Prepared> {
    if (input.requestIdFromCaller && (await requestIdIsLogged(db, input.requestId))) {
      throw aiServicesError("duplicate_request_id", DUPLICATE_REQUEST_DETAIL);
    }
    await input.admit?.();
    const cost = input.price.creditCostMilli;
    const accountId =
      input.speaksCredits || cost > 0 ? await credits.accountIdOf(input.userId) : null;
    if (cost === 0 || accountId === null) return { accountId, holdId: null };
    if (meter.admitOptimistically(accountId, cost)) {
      return { accountId, holdId: null, optimistic: true };
    }
    let reservation;
    try {
      reservation = await credits.reserve({
        accountId,
        requestId: input.requestId,
        service: input.price.service,
        amount: cost,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw aiServicesError("duplicate_request_id", DUPLICATE_REQUEST_DETAIL);
      }
      throw error;
    }
    if (!reservation.ok) throw insufficientCredits(cost, reservation.available);
    return { accountId, holdId: reservation.holdId, availableAfter: reservation.availableAfter };
  }

  async function runWithin<R>(input: MeteredRunInput<R>): Promise<ServiceOutcome<R> | "crashed"> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const limit = input.timeoutMs;
    try {
      if (limit === undefined) return await input.run(controller.signal);
      const timedOut = new Promise<ServiceOutcome<R>>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          resolve({ ok: false, code: "provider_timeout", reason: "time limit reached" });
        }, limit);
      });
      return await Promise.race([input.run(controller.signal), timedOut]);
    } catch (error) {
      input.log.error(
        { err: error, service: input.price.service },
        "AI service failed unexpectedly",
      );
      return "crashed";
    } finally {
      clearTimeout(timer);
    }
  }

  return async function runMetered<R>(input: MeteredRunInput<R>): Promise<MeteredRunOutcome> {
    const key =
      input.idempotency === undefined
        ? undefined
        : { userId: input.userId, key: input.idempotency.key, requestId: input.requestId };
    if (input.idempotency !== undefined && key !== undefined) {
      const claim = await idempotency.claim({ ...key, fingerprint: input.idempotency.fingerprint });
      if (claim.kind === "replay") return { reply: claim.reply, replayed: true };
      // The earlier attempt's process died after reserving: its credits are free again now.
      // (Left to the sweep if that fails.)
      if (claim.lapsedRequestId !== undefined) {
        await credits.releaseHoldOf(claim.lapsedRequestId).catch(() => undefined);
      }
    }
    // Each part is given back once (a resolved hold and a completed key are left alone), so
    // trying again is harmless; true when both went through.
    const giveBackOnce = async (holdOf?: Prepared): Promise<boolean> => {
      let done = true;
      const fail = () => {
        done = false;
      };
      if (holdOf?.holdId != null && holdOf.accountId !== null) {
        await credits.release(holdOf.accountId, holdOf.holdId).catch(fail);
      }
      if (key !== undefined) await idempotency.release(key).catch(fail);
      return done;
    };
    /** Gives the hold (if any) and the key back after a call that was not metered. */
    const giveBack = async (error: unknown, holdOf?: Prepared): Promise<void> => {
      // The database is away: trying now would fail too, and hold the 503 up.
      if (isDatabaseUnavailable(error)) giveBackLater(() => giveBackOnce(holdOf));
      else await giveBackOnce(holdOf);
    };

    let prepared: Prepared;
    try {
      prepared = await prepare(input);
    } catch (error) {
      await giveBack(error);
      throw error;
    }

    const outcome = await runWithin(input);
    const durationMs = Math.round(input.elapsedMs());
    let failure: AppError | undefined;
    if (outcome === "crashed") {
      failure = platformError(
        "internal_error",
        "The service failed unexpectedly; you were not charged. Quote the request_id when reporting it.",
      );
    } else if (!outcome.ok) {
      input.log.warn(
        {
          code: outcome.code,
          service: input.price.service,
          reason: outcome.reason,
          duration_ms: durationMs,
        },
        "AI provider call failed",
      );
      failure = input.failure(outcome);
    }

    try {
      const { reply } = await meter.record({
        log: {
          userId: input.userId,
          tokenId: input.tokenId,
          service: input.price.service,
          requestTs: input.requestTs,
          durationMs,
          requestBytes: input.requestBytes,
          status: failure === undefined ? "success" : "error",
          errorCode: failure?.code ?? null,
          requestId: input.requestId,
          costCents: failure === undefined ? input.price.priceCents : 0,
          tokensUsed: tokensOf(outcome),
        },
        ...(prepared.accountId === null
          ? {}
          : {
              credits: {
                accountId: prepared.accountId,
                holdId: prepared.holdId,
                held: prepared.holdId === null ? 0 : input.price.creditCostMilli,
                charge: input.price.creditCostMilli,
                ...(prepared.availableAfter === undefined
                  ? {}
                  : { availableAfterHold: prepared.availableAfter }),
                ...(prepared.optimistic === true ? { optimistic: true } : {}),
              },
            }),
        ...(key === undefined ? {} : { idempotency: { userId: key.userId, key: key.key } }),
        reply: (settled) =>
          failure === undefined && outcome !== "crashed" && outcome.ok
            ? input.success(outcome.result, { ...settled, durationMs })
            : problemReply(input.requestId, failure ?? platformError("internal_error")),
      });
      if (key !== undefined) idempotency.settled(key);
      return { reply, replayed: false };
    } catch (error) {
      // Nothing was logged or charged: give the credits and the key back rather than at the
      // sweep. One case cannot be told apart here: a batch that committed but whose reply was
      // lost with its connection. The meter takes such a log for its own when the database still
      // answers; when it does not, the call is answered 503 although it was charged, and its
      // Idempotency-Key holds the real reply for a retry (the give-back leaves a completed key
      // and a settled hold alone).
      await giveBack(error, prepared);
      // It ran without a hold and others took the credits meanwhile: answered as a reservation
      // that did not fit (nothing logged or charged, the key given back), though it did run.
      if (error instanceof ChargeRefused) {
        input.log.warn(
          { service: input.price.service, duration_ms: durationMs },
          "a call that ran without a hold was no longer covered by its credits; not charged",
        );
        throw insufficientCredits(input.price.creditCostMilli, error.available);
      }
      if (isUniqueViolation(error)) {
        throw aiServicesError("duplicate_request_id", DUPLICATE_REQUEST_DETAIL);
      }
      // This run stalled past its claim's lease and a retry took the key over: the retry's run
      // is the one logged and charged, and the one a further retry gets.
      if (isClaimLost(error)) {
        throw idempotencyError(
          "idempotency_key_in_use",
          "A retry with this Idempotency-Key took over this request; retry shortly for its reply.",
          { headers: { "Retry-After": "1" } },
        );
      }
      throw error;
    }
  };
}

/** The tokens a successful run reported, when it reported a whole number ≥ 0. */
function tokensOf(outcome: ServiceOutcome<unknown> | "crashed"): number | null {
  if (outcome === "crashed" || !outcome.ok || outcome.tokensUsed === undefined) return null;
  const tokens = outcome.tokensUsed;
  return Number.isSafeInteger(tokens) && tokens >= 0 && tokens <= 2_147_483_647 ? tokens : null;
}

/** Runs `attempt` after each delay in turn until it succeeds; never keeps the process alive. */
function giveBackLater(attempt: () => Promise<boolean>, delays = GIVE_BACK_RETRY_DELAYS_MS): void {
  const [delay, ...rest] = delays;
  if (delay === undefined) return;
  setTimeout(() => {
    void attempt().then((done) => {
      if (!done) giveBackLater(attempt, rest);
    });
  }, delay).unref();
}
