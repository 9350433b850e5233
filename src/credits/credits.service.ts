import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Config } from "../config.js";
import { recordAudit, type Actor } from "../audit/audit.queries.js";
import type { Clock } from "../platform/clock.js";
import type { Database, DbOrTx } from "../platform/db/database.js";
import { platformError } from "../platform/errors.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import { currentRequestId } from "../platform/request-context.js";
import { toCredits, type Millicredits } from "./credit-amounts.js";
import type { CreditEntry, CreditEntryType } from "./credit-entries.table.js";
import { creditGrants, type CreditKind } from "./credit-grants.table.js";
import { creditsAdminError } from "./credits.errors.js";
import {
  accountsWithExpiredCredits,
  clawBackGrant,
  debitAccount,
  expireGrantsOf,
  findAccountIdOfUser,
  findHoldAccount,
  findOpenHold,
  findStaleHolds,
  insertGrant,
  lockAccounts,
  readBalance,
  refundHold,
  resolveHolds,
  type AccountBalance,
} from "./ledger.queries.js";
import { listEntries, unspentOfAccount, type EntryWithEmail } from "./entries.queries.js";
import { reconcileLedger, type LedgerReport } from "./reconcile.queries.js";
import type { Reservation, ReservationRequest } from "./reservations.js";

const DAY_MS = 86_400_000;

/** How many accounts (or holds) one maintenance transaction handles. */
const MAINTENANCE_CHUNK = 200;

export interface CreditAdjustment {
  readonly userId: string;
  /** Millicredits: positive grants, negative debits live credits in spend order. */
  readonly amount: Millicredits;
  readonly reason: string;
  /** The kind of a positive adjustment's grant (default `adjustment`). */
  readonly kind?: Extract<CreditKind, "payg" | "adjustment">;
  readonly expiresAt?: Date | null;
  readonly actor: Actor;
}

export interface SourceGrant {
  readonly userId: string;
  readonly kind: CreditKind;
  readonly amount: Millicredits;
  readonly expiresAt: Date | null;
  readonly sourceType: string;
  readonly sourceId: string;
  readonly reason: string;
}

export interface SourceClawBack {
  readonly sourceType: string;
  readonly sourceId: string;
  readonly amount: Millicredits;
  readonly reason: string;
  readonly actorId: string | null;
}

export interface CreditsService {
  /** The user's billing account (cached: the pair never changes). */
  accountIdOf(userId: string): Promise<string>;
  balance(userId: string): Promise<AccountBalance>;
  /** The user's journal, newest first; `type` filters by entry type. */
  listTransactions(
    userId: string,
    query: { type?: CreditEntryType | undefined; page?: number | undefined },
  ): Promise<Listed<CreditEntry>>;
  /** Staff: every account's journal (or one user's), newest first. */
  listAllTransactions(query: {
    userId?: string | undefined;
    type?: CreditEntryType | undefined;
    page?: number | undefined;
  }): Promise<Listed<EntryWithEmail>>;
  /** Holds credits for a request before its provider is called (batched with metering). */
  reserve(request: ReservationRequest): Promise<Reservation>;
  /** Releases a hold whose request ended without a log (e.g. its log was refused). */
  release(accountId: string, holdId: string): Promise<void>;
  /** Gives a settled request's credits back to the grants they came from, once; 0 if nothing. */
  refund(requestId: string, reason: string): Promise<Millicredits>;
  /** TRIAL_CREDITS once per user, in the caller's transaction (email verification, the demo). */
  grantTrialCredits(tx: DbOrTx, userId: string): Promise<void>;
  /**
   * A grant from a business source (an order, an invoice), in the caller's transaction; the
   * source key makes it once-only. Call balanceChanged(accountId) after the commit.
   */
  grantForSource(tx: DbOrTx, grant: SourceGrant): Promise<{ accountId: string; granted: boolean }>;
  /**
   * Takes up to `amount` back from the grant a source made (a refunded order): never more than
   * is left unspent, so a balance never goes below zero. Nothing when the source granted nothing.
   */
  clawBackSource(
    tx: DbOrTx,
    claw: SourceClawBack,
  ): Promise<{ accountId: string | null; taken: Millicredits }>;
  /**
   * Expires now what is left of the grants these sources made (a subscription's ended
   * periods), in the caller's transaction. Returns the account whose credits changed, if any;
   * call balanceChanged after the commit.
   */
  expireSourceGrants(
    tx: DbOrTx,
    sources: { sourceType: string; sourceIds: readonly string[] },
  ): Promise<string | null>;
  /** Tells this instance an account's credits changed outside the metering batches. */
  balanceChanged(accountId: string): void;
  /** Staff credit adjustment with its audit entry, in one transaction. */
  adjust(adjustment: CreditAdjustment): Promise<{ balanceAfter: Millicredits }>;
  /** Expires what is left of every grant past its expiry, once; returns the grants expired. */
  expireCredits(): Promise<number>;
  /** Releases holds whose requests died (older than CREDIT_RESERVATION_TTL_S); returns how many. */
  releaseStaleHolds(): Promise<number>;
  /**
   * Releases the open hold of a request known to be dead (its Idempotency-Key claim lapsed and
   * a retry took it over) now, rather than at the sweep; nothing when it has none.
   */
  releaseHoldOf(requestId: string): Promise<void>;
  reconcile(): Promise<LedgerReport>;
}

export function createCreditsService(deps: {
  database: Pick<Database, "db">;
  clock: Clock;
  config: Pick<Config, "credits">;
  /** Reservations go through the metering batches (see batched-metering.ts). */
  reserve: (request: ReservationRequest) => Promise<Reservation>;
  /** Told when an account's credits changed outside the metering batches (they must be re-read). */
  onBalanceChanged?: (accountId: string) => void;
}): CreditsService {
  const { clock, config } = deps;
  const db = deps.database.db;
  const accounts = new Map<string, string>();
  const reserve = deps.reserve;

  async function accountIdOf(userId: string): Promise<string> {
    const known = accounts.get(userId);
    if (known !== undefined) return known;
    const found = await findAccountIdOfUser(db, userId);
    if (found === undefined) throw platformError("not_found", "No such user.");
    accounts.set(userId, found);
    return found;
  }

  return {
    accountIdOf,
    reserve,

    async balance(userId) {
      return readBalance(db, await accountIdOf(userId), clock.now());
    },

    async listTransactions(userId, query) {
      const { limit, offset, page } = pageWindow(query.page);
      const accountId = await accountIdOf(userId);
      const { count, rows } = await listEntries(db, { accountId, type: query.type, limit, offset });
      return { page, count, rows };
    },

    async listAllTransactions(query) {
      const { limit, offset, page } = pageWindow(query.page);
      const accountId = query.userId === undefined ? undefined : await accountIdOf(query.userId);
      const { count, rows } = await listEntries(db, { accountId, type: query.type, limit, offset });
      return { page, count, rows };
    },

    async releaseHoldOf(requestId) {
      const hold = await findOpenHold(db, requestId);
      if (hold !== undefined) await this.release(hold.accountId, hold.holdId);
    },

    async release(accountId, holdId) {
      await db.transaction(async (tx) => {
        await lockAccounts(tx, [accountId]);
        await resolveHolds(tx, [{ holdId, charge: null }], clock.now());
      });
      deps.onBalanceChanged?.(accountId);
    },

    async refund(requestId, reason) {
      const accountId = await findHoldAccount(db, requestId);
      if (accountId === undefined) return 0;
      const refunded = await db.transaction(async (tx) => {
        await lockAccounts(tx, [accountId]);
        return (await refundHold(tx, requestId, clock.now(), reason)) ?? 0;
      });
      deps.onBalanceChanged?.(accountId);
      return refunded;
    },

    async grantForSource(tx, grant) {
      const accountId = await findAccountIdOfUser(tx, grant.userId);
      if (accountId === undefined) throw new Error(`user ${grant.userId} has no billing account`);
      await lockAccounts(tx, [accountId]);
      const granted = await insertGrant(tx, {
        accountId,
        kind: grant.kind,
        amount: grant.amount,
        expiresAt: grant.expiresAt,
        sourceType: grant.sourceType,
        sourceId: grant.sourceId,
        entryType: "grant",
        reason: grant.reason,
        requestId: currentRequestId() ?? null,
      });
      return { accountId, granted: granted !== undefined };
    },

    async clawBackSource(tx, claw) {
      const [grant] = await tx
        .select({ id: creditGrants.id, accountId: creditGrants.accountId })
        .from(creditGrants)
        .where(
          and(
            eq(creditGrants.sourceType, claw.sourceType),
            eq(creditGrants.sourceId, claw.sourceId),
          ),
        );
      if (grant === undefined || claw.amount <= 0) return { accountId: null, taken: 0 };
      await lockAccounts(tx, [grant.accountId]);
      const taken = await clawBackGrant(tx, {
        accountId: grant.accountId,
        grantId: grant.id,
        amount: claw.amount,
        reason: claw.reason,
        actorId: claw.actorId,
        requestId: currentRequestId() ?? null,
      });
      return { accountId: grant.accountId, taken };
    },

    async expireSourceGrants(tx, sources) {
      if (sources.sourceIds.length === 0) return null;
      const now = clock.now();
      const unspent = and(
        eq(creditGrants.sourceType, sources.sourceType),
        inArray(creditGrants.sourceId, [...sources.sourceIds]),
        gt(creditGrants.remaining, 0),
      );
      const [grant] = await tx
        .select({ accountId: creditGrants.accountId })
        .from(creditGrants)
        .where(unspent)
        .limit(1);
      if (grant === undefined) return null;
      await lockAccounts(tx, [grant.accountId]);
      // Already past their expiry but not swept yet, or still running: both end now.
      await tx
        .update(creditGrants)
        .set({ expiresAt: now })
        .where(and(unspent, or(isNull(creditGrants.expiresAt), gt(creditGrants.expiresAt, now))));
      await expireGrantsOf(tx, [grant.accountId], now);
      return grant.accountId;
    },

    balanceChanged(accountId) {
      deps.onBalanceChanged?.(accountId);
    },

    async grantTrialCredits(tx, userId) {
      const amount = config.credits.trialMilli;
      if (amount === 0) return;
      const now = clock.now();
      const accountId = await findAccountIdOfUser(tx, userId);
      if (accountId === undefined) throw new Error(`user ${userId} has no billing account`);
      await lockAccounts(tx, [accountId]);
      await insertGrant(tx, {
        accountId,
        kind: "trial",
        amount,
        expiresAt:
          config.credits.trialDays === undefined
            ? null
            : new Date(now.getTime() + config.credits.trialDays * DAY_MS),
        // One trial per user, ever: a second verification or demo run grants nothing.
        sourceType: "trial",
        sourceId: userId,
        entryType: "grant",
        reason: "trial credits",
      });
      deps.onBalanceChanged?.(accountId);
    },

    async adjust(adjustment) {
      const accountId = await accountIdOf(adjustment.userId);
      const now = clock.now();
      const requestId = currentRequestId() ?? null;
      const adjusted = await db.transaction(async (tx) => {
        await lockAccounts(tx, [accountId]);
        let balanceAfter: Millicredits;
        if (adjustment.amount > 0) {
          const granted = await insertGrant(tx, {
            accountId,
            kind: adjustment.kind ?? "adjustment",
            amount: adjustment.amount,
            expiresAt: adjustment.expiresAt ?? null,
            sourceType: adjustment.actor === null ? "cli" : "staff",
            sourceId: randomUUID(),
            entryType: "adjust",
            reason: adjustment.reason,
            actorId: adjustment.actor?.id ?? null,
            requestId,
          });
          if (granted === undefined) throw new Error("a fresh adjustment source already existed");
          balanceAfter = granted.balanceAfter;
        } else {
          const debited = await debitAccount(tx, {
            accountId,
            amount: -adjustment.amount,
            reason: adjustment.reason,
            actorId: adjustment.actor?.id ?? null,
            requestId,
            now,
          });
          if (!debited) {
            const available = await readBalance(tx, accountId, now);
            const total = Object.values(available.byKind).reduce((sum, n) => sum + n, 0);
            throw creditsAdminError(
              "insufficient_credits",
              `The account has ${toCredits(total)} credits available; a debit cannot exceed them.`,
              {
                extensions: {
                  required: toCredits(-adjustment.amount),
                  available: toCredits(total),
                },
              },
            );
          }
          balanceAfter = await unspentOfAccount(tx, accountId);
        }
        await recordAudit(tx, {
          actor: adjustment.actor,
          action: "credits.adjust",
          targetType: "user",
          targetId: adjustment.userId,
          details: {
            amount: toCredits(adjustment.amount),
            reason: adjustment.reason,
            ...(adjustment.amount > 0 ? { kind: adjustment.kind ?? "adjustment" } : {}),
            ...(adjustment.expiresAt ? { expires_at: adjustment.expiresAt.toISOString() } : {}),
          },
        });
        return { balanceAfter };
      });
      deps.onBalanceChanged?.(accountId);
      return adjusted;
    },

    async expireCredits() {
      let expired = 0;
      const now = clock.now();
      for (;;) {
        const due = await accountsWithExpiredCredits(db, now, MAINTENANCE_CHUNK);
        if (due.length === 0) return expired;
        expired += await db.transaction(async (tx) => {
          await lockAccounts(tx, due);
          return expireGrantsOf(tx, due, now);
        });
      }
    },

    async releaseStaleHolds() {
      let released = 0;
      const now = clock.now();
      for (;;) {
        const stale = await findStaleHolds(db, now, MAINTENANCE_CHUNK);
        if (stale.length === 0) return released;
        released += await db.transaction(async (tx) => {
          await lockAccounts(
            tx,
            stale.map((h) => h.accountId),
          );
          const resolved = await resolveHolds(
            tx,
            stale.map((h) => ({ holdId: h.holdId, charge: null })),
            now,
          );
          return resolved.size;
        });
      }
    },

    async reconcile() {
      return reconcileLedger(db);
    },
  };
}
