import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { validationError } from "../platform/errors.js";
import { passwordChangedEmail, passwordResetEmail, sendAccountEmail } from "./account-emails.js";
import type { AuthThrottle } from "./auth-throttle.service.js";
import { customersError } from "./customers.errors.js";
import { hashSecret } from "./password-hashing.js";
import {
  consumeResetToken,
  deleteResetTokensOfUser,
  findLiveResetToken,
  insertResetToken,
} from "./password-reset.queries.js";
import { validatePassword } from "./password-validators.js";
import { revokeRefreshTokensOfUser } from "./refresh-tokens.queries.js";
import { randomSecret, sha256Hex } from "./secrets.js";
import { recordSecurityEvent, type ClientMeta } from "./security-log.js";
import { deleteOtherSessionsOfUser } from "./sessions.queries.js";
import {
  findUserByEmail,
  findUserById,
  findUserByIdForUpdate,
  setUserPassword,
  unlockUser,
} from "./users.queries.js";
import type { User } from "./users.table.js";

export interface PasswordResetService {
  /**
   * Emails a single-use reset link to an active, verified account. Answers the same, equally
   * fast, for every address: only the per-address limit is counted before it returns; the lookup,
   * the token and the email follow in the background (see idle).
   */
  requestReset(input: { email: string; client: ClientMeta }): Promise<void>;
  /**
   * Sets the new password with a live token and uses the token up, atomically. Ends every session
   * and JWT refresh family of the user, lifts a lockout and emails the owner. API tokens stay
   * valid: they are separate credentials the owner (or staff) revokes on their own.
   */
  confirmReset(input: { token: string; newPassword: string; client: ClientMeta }): Promise<void>;
  /** Resolves when the background work of earlier requests is done (shutdown, tests). */
  idle(): Promise<void>;
}

export interface PasswordResetDeps {
  readonly db: Db;
  readonly config: Config;
  readonly clock: Clock;
  readonly log: Logger;
  readonly mailer: Mailer;
  readonly throttle: AuthThrottle;
}

const canReset = (user: User | undefined): user is User =>
  user !== undefined && user.isActive && user.emailVerifiedAt !== null;

export function createPasswordResetService(deps: PasswordResetDeps): PasswordResetService {
  const { db, config, clock, log, mailer, throttle } = deps;
  const pending = new Set<Promise<void>>();

  function inBackground(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => {
        const { name, code } = error as { name?: unknown; code?: unknown };
        log.error({ error_name: name, error_code: code }, "password reset request failed");
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  async function issueToken(email: string, client: ClientMeta): Promise<void> {
    const user = await findUserByEmail(db, email);
    if (user === undefined) return;
    const now = clock.now();
    const token = randomSecret();
    const send = canReset(user);
    await db.transaction(async (tx) => {
      if (send) {
        // One live link per user: a newer request voids the older ones. The user's lock keeps
        // two parallel requests from each deleting nothing and both inserting.
        await findUserByIdForUpdate(tx, user.id);
        await deleteResetTokensOfUser(tx, user.id);
        await insertResetToken(tx, {
          userId: user.id,
          tokenHash: sha256Hex(token),
          createdAt: now,
          expiresAt: new Date(
            now.getTime() + config.accountSecurity.passwordResetTtlMinutes * 60_000,
          ),
        });
      }
      await recordSecurityEvent(tx, {
        userId: user.id,
        type: "password_reset_requested",
        client,
        at: now,
        details: { link_sent: send },
      });
    });
    if (!send) return;
    await sendAccountEmail(
      { mailer, log },
      passwordResetEmail(user.email, {
        publicBaseUrl: config.publicBaseUrl,
        token,
        ttlMinutes: config.accountSecurity.passwordResetTtlMinutes,
      }),
      { userId: user.id, kind: "password_reset" },
    );
  }

  const invalid = () =>
    customersError(
      "invalid_reset_token",
      "The password reset link is invalid, was used already or has expired; request a new one.",
    );

  return {
    async requestReset(input) {
      const email = input.email.trim().toLowerCase();
      const ip = input.client.ip ?? "";
      if (!(await throttle.allowPasswordResetEmail(email, ip)).allowed) return;
      inBackground(issueToken(email, input.client));
    },

    async confirmReset(input) {
      const tokenHash = sha256Hex(input.token);
      // Read first, without using the token up: a weak new password leaves the link usable, and
      // the slow hashing happens outside the transaction.
      const live = await findLiveResetToken(db, tokenHash, clock.now());
      const user = live === undefined ? undefined : await findUserById(db, live.userId);
      if (!canReset(user)) throw invalid();
      const errors = validatePassword(input.newPassword, user.email, "new_password");
      if (errors.length > 0) throw validationError(errors);
      const passwordHash = await hashSecret(input.newPassword);
      const now = clock.now();
      const done = await db.transaction(async (tx) => {
        const consumed = await consumeResetToken(tx, tokenHash, now);
        if (consumed?.userId !== user.id) return false;
        // Deactivated meanwhile: the token is gone either way, and nothing else changes.
        if (!canReset(await findUserByIdForUpdate(tx, user.id))) return false;
        await setUserPassword(tx, user.id, passwordHash);
        await deleteResetTokensOfUser(tx, user.id);
        await unlockUser(tx, user.id);
        // In the transaction: no session or refresh token outlives the old password.
        await deleteOtherSessionsOfUser(tx, user.id, undefined);
        await revokeRefreshTokensOfUser(tx, user.id, now);
        await recordSecurityEvent(tx, {
          userId: user.id,
          type: "password_reset",
          client: input.client,
          at: now,
        });
        return true;
      });
      // Used by a concurrent confirmation, or expired, since it was read.
      if (!done) throw invalid();
      await throttle.clearLoginFailures(user.email);
      log.info({ user_id: user.id }, "password reset; sessions and refresh tokens ended");
      await sendAccountEmail(
        { mailer, log },
        passwordChangedEmail(user.email, {
          publicBaseUrl: config.publicBaseUrl,
          at: now,
          how: "reset",
        }),
        { userId: user.id, kind: "password_changed" },
      );
    },

    async idle() {
      await Promise.all([...pending]);
    },
  };
}
