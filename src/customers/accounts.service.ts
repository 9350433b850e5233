import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Principal } from "../platform/auth.js";
import type { Clock } from "../platform/clock.js";
import type { Db, DbOrTx } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { validationError } from "../platform/errors.js";
import { accountLockedEmail, passwordChangedEmail, sendAccountEmail } from "./account-emails.js";
import type { AuthThrottle } from "./auth-throttle.service.js";
import { customersError, passwordChangeError } from "./customers.errors.js";
import { claimInvite, findInviteByCode, findInviteById } from "./invites.queries.js";
import { hashSecret, verifyAgainstDummy, verifySecret } from "./password-hashing.js";
import { deleteResetTokensOfUser } from "./password-reset.queries.js";
import { validatePassword } from "./password-validators.js";
import { revokeRefreshTokensOfUser } from "./refresh-tokens.queries.js";
import { NO_CLIENT, recordSecurityEvent, type ClientMeta } from "./security-log.js";
import type { NewSession, SessionsService } from "./sessions.service.js";
import {
  acceptLogin,
  findUserByEmail,
  findUserById,
  findUserByIdForUpdate,
  insertUser,
  lockUser,
  markEmailVerified,
  reserveLoginAttempt,
  restartRegistration,
  setUserPassword,
} from "./users.queries.js";
import type { User } from "./users.table.js";
import {
  parseVerificationToken,
  signVerificationToken,
  VERIFICATION_TOKEN_TTL_MS,
  verificationTokenIsValid,
} from "./verification-tokens.js";

export interface AccountView {
  readonly id: string;
  readonly email: string;
  readonly emailVerifiedAt: Date | null;
  readonly isStaff: boolean;
}

export interface AccountsService {
  /**
   * Creates an unverified account and emails the verification link; a failed send is logged only.
   * The invite code is required in invite mode and optional (checked when given) in open mode.
   */
  register(input: {
    email: string;
    password: string;
    inviteCode: string | undefined;
  }): Promise<void>;
  /** Verifies the email and claims the invite in one transaction; idempotent once verified. */
  verifyEmail(token: string, client?: ClientMeta): Promise<void>;
  /** Sends a fresh link to an unverified account; silent (no error) for unknown or verified ones. */
  resendVerification(email: string): Promise<void>;
  /**
   * The login rules shared by every way of signing in (session cookie, JWT): throttling, the
   * lockout, the password, an active and verified account. Returns the user, or throws the
   * refusal. A wrong password for a known account is counted (and logged as login_failed); the
   * failure that reaches LOCKOUT_THRESHOLD locks the account and emails its owner. A success
   * starts the count again. The caller records the successful login (with its `via`).
   */
  checkCredentials(input: { email: string; password: string; client: ClientMeta }): Promise<User>;
  login(input: {
    email: string;
    password: string;
    client: ClientMeta;
    previousSessionKey: string | undefined;
  }): Promise<{ account: AccountView; session: NewSession }>;
  logout(
    principal: Principal,
    input: { sessionKey: string | undefined; client: ClientMeta },
  ): Promise<void>;
  /**
   * Checks the old password, stores the new one, voids outstanding reset links, ends every other
   * session of the user and emails the owner.
   */
  changePassword(
    principal: Principal,
    input: { oldPassword: string; newPassword: string; client: ClientMeta },
  ): Promise<void>;
  /** A verified, active user (staff when told), e.g. for createsuperuser; validates the password. */
  createVerifiedAccount(input: {
    email: string;
    password: string;
    isStaff: boolean;
  }): Promise<User>;
}

export interface AccountsDeps {
  readonly db: Db;
  readonly config: Config;
  readonly clock: Clock;
  readonly log: Logger;
  readonly mailer: Mailer;
  readonly sessions: SessionsService;
  readonly throttle: AuthThrottle;
  readonly credits: Pick<CreditsService, "grantTrialCredits">;
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function assertPasswordValid(password: string, email: string, field: string): void {
  const errors = validatePassword(password, email, field);
  if (errors.length > 0) throw validationError(errors);
}

export function toAccountView(user: User): AccountView {
  return {
    id: user.id,
    email: user.email,
    emailVerifiedAt: user.emailVerifiedAt,
    isStaff: user.isStaff,
  };
}

export function createAccountsService(deps: AccountsDeps): AccountsService {
  const { db, config, clock, log, mailer, sessions, throttle, credits } = deps;
  const openRegistration = config.accountSecurity.registrationMode === "open";

  /** Never throws: the account exists either way and resend-verification recovers. */
  async function sendVerificationEmail(user: User): Promise<void> {
    const token = signVerificationToken(config.secretKey, user, clock.now());
    const link = `${config.publicBaseUrl}/api/customers/verify-email?token=${encodeURIComponent(token)}`;
    try {
      await mailer.send({
        to: user.email,
        subject: "Verify your email address",
        text: [
          "Welcome to Tollgate.",
          "",
          "Confirm your email address by opening this link within 24 hours:",
          "",
          link,
          "",
          "If you did not sign up, you can ignore this message.",
        ].join("\n"),
      });
    } catch (error) {
      // Only the error's kind: an SMTP error message may quote the message, which holds the link.
      const { name, code } = error as { name?: unknown; code?: unknown };
      log.error(
        { user_id: user.id, error_name: name, error_code: code },
        "verification email could not be sent",
      );
    }
  }

  /**
   * A registration nobody verified can be made again once it cannot be verified any more: its
   * invite was claimed by another account or withdrawn, or its first link expired. Not sooner, or
   * anyone holding an invite could replace a pending registration's password and have the owner
   * verify the account with it from the new email.
   */
  async function canRegisterAgain(pending: User): Promise<boolean> {
    if (clock.now().getTime() - pending.dateJoined.getTime() > VERIFICATION_TOKEN_TTL_MS) {
      return true;
    }
    // Open mode: no invite to lose, so the registration stays verifiable until its link expires.
    if (pending.registeredInviteId === null && openRegistration) return false;
    // No invite any more: its row was deleted, so this registration cannot be verified.
    if (pending.registeredInviteId === null) return true;
    const invite = await findInviteById(db, pending.registeredInviteId);
    return invite === undefined || !invite.isActive || invite.usedBy !== null;
  }

  /**
   * Claims the invite the pending user registered with, or says why not: taken by another account
   * (409 invite_used), or withdrawn by staff or deleted (400 invalid_invite). A pending user always
   * registered with an invite, so none means its row was deleted (ON DELETE SET NULL). Expiry is
   * not checked here: the user registered in time.
   */
  async function claimRegisteredInvite(tx: DbOrTx, user: User): Promise<void> {
    const withdrawn = () =>
      customersError(
        "invalid_invite",
        "The invite code this account registered with was withdrawn; register again with another.",
      );
    if (user.registeredInviteId === null) throw withdrawn();
    if ((await claimInvite(tx, user.registeredInviteId, user.id, clock.now())) !== undefined)
      return;
    // Read after the failed UPDATE: it waited for any concurrent claim, which is visible now.
    const invite = await findInviteById(tx, user.registeredInviteId);
    if (invite?.usedBy != null && invite.usedBy !== user.id) {
      throw customersError("invite_used", "The invite code was used by another account first.");
    }
    throw withdrawn();
  }

  /** The invite a registration uses, checked; undefined in open mode without a code. */
  async function usableInvite(code: string) {
    if (code === "") return undefined;
    const invite = await findInviteByCode(db, code);
    if (invite === undefined) throw customersError("invalid_invite", "No such invite code.");
    if (invite.usedBy !== null)
      throw customersError("invite_used", "This invite code has already been used.");
    if (!invite.isActive)
      throw customersError("invalid_invite", "This invite code is no longer active.");
    if (invite.expiresAt !== null && invite.expiresAt.getTime() <= clock.now().getTime()) {
      throw customersError("invalid_invite", "This invite code has expired.");
    }
    return invite;
  }

  function lockedError(lockedUntil: Date): Error {
    const seconds = String(
      Math.max(1, Math.ceil((lockedUntil.getTime() - clock.now().getTime()) / 1000)),
    );
    return customersError(
      "account_locked",
      `Too many failed logins: this account is locked for ${seconds} seconds. ` +
        "A password reset lifts the lock at once.",
      { headers: { "Retry-After": seconds } },
    );
  }

  /**
   * Why an attempt could not be counted: the account is locked (403 account_locked), or as many
   * attempts as the threshold are being checked right now (429, retry in a moment).
   */
  async function refusedWhileCounting(userId: string): Promise<Error> {
    const current = await findUserById(db, userId);
    if (current?.lockedUntil != null && current.lockedUntil > clock.now()) {
      return lockedError(current.lockedUntil);
    }
    return customersError(
      "too_many_attempts",
      "Too many logins for this account are being checked at once; try again in a moment.",
      { headers: { "Retry-After": "1" } },
    );
  }

  /**
   * Records a wrong password for a known account whose attempt was counted as number `counted`;
   * the attempt that counted the threshold locks the account. Always throws the refusal.
   */
  async function refuseWrongPassword(
    user: User,
    counted: number,
    client: ClientMeta,
  ): Promise<never> {
    const now = clock.now();
    const { lockoutThreshold, lockoutMinutes } = config.accountSecurity;
    const lockUntil = new Date(now.getTime() + lockoutMinutes * 60_000);
    const locks = counted >= lockoutThreshold;
    await db.transaction(async (tx) => {
      await recordSecurityEvent(tx, {
        userId: user.id,
        type: "login_failed",
        client,
        at: now,
        details: { reason: "wrong_password" },
      });
      if (locks) {
        await lockUser(tx, user.id, lockUntil);
        await recordSecurityEvent(tx, {
          userId: user.id,
          type: "account_locked",
          client,
          at: now,
          details: { failed_logins: lockoutThreshold, locked_until: lockUntil.toISOString() },
        });
      }
    });
    if (locks) {
      log.warn({ user_id: user.id }, "account locked after repeated failed logins");
      // Only an owner who can act on it (log in, reset) is told, and at most once in six hours,
      // so that locking an account again and again does not become a way to flood its mailbox.
      const canAct = user.isActive && user.emailVerifiedAt !== null;
      if (canAct && (await throttle.allowLockoutEmail(user.email)).allowed) {
        await sendAccountEmail(
          { mailer, log },
          accountLockedEmail(user.email, {
            publicBaseUrl: config.publicBaseUrl,
            lockedUntil: lockUntil,
            failures: lockoutThreshold,
          }),
          { userId: user.id, kind: "account_locked" },
        );
      }
      throw lockedError(lockUntil);
    }
    throw customersError("invalid_credentials", "Email or password is wrong.");
  }

  const service: AccountsService = {
    async register(input) {
      const email = normalizeEmail(input.email);
      const inviteCode = input.inviteCode?.trim() ?? "";
      // Invite mode: a missing code is refused like any missing required field.
      if (inviteCode === "" && !openRegistration) {
        throw validationError([
          { field: "invite_code", code: "required", message: "This field is required." },
        ]);
      }
      assertPasswordValid(input.password, email, "password");
      const invite = await usableInvite(inviteCode);
      const exists = () =>
        customersError("email_exists", "An account with this email already exists.");
      const pending = await findUserByEmail(db, email);
      if (pending !== undefined && (pending.emailVerifiedAt !== null || !pending.isActive)) {
        throw exists();
      }
      if (pending !== undefined && !(await canRegisterAgain(pending))) {
        throw customersError(
          "email_exists",
          "An account with this email is waiting for verification: use the emailed link, or " +
            "resend-verification for a new one.",
        );
      }
      if (pending !== undefined) {
        const allowance = await throttle.allowVerificationEmail(email);
        if (!allowance.allowed) {
          const seconds = String(allowance.retryAfterSeconds);
          throw customersError(
            "too_many_attempts",
            `Too many verification emails for this address; try again in ${seconds} seconds.`,
            { headers: { "Retry-After": seconds } },
          );
        }
      }
      const registration = {
        password: await hashSecret(input.password),
        dateJoined: clock.now(),
        registeredInviteId: invite?.id ?? null,
      };
      const user =
        pending === undefined
          ? await insertUser(db, { email, ...registration })
          : await restartRegistration(db, pending.id, registration);
      if (user === undefined) throw exists();
      log.info({ user_id: user.id }, "account registered; verification pending");
      await sendVerificationEmail(user);
    },

    async verifyEmail(token, client = NO_CLIENT) {
      const invalid = () =>
        customersError(
          "invalid_verification_token",
          "The verification link is invalid or has expired.",
        );
      const parsed = parseVerificationToken(token);
      if (parsed === undefined) throw invalid();
      const user = await findUserById(db, parsed.userId);
      if (
        user === undefined ||
        !verificationTokenIsValid(config.secretKey, token, user, clock.now())
      ) {
        throw invalid();
      }
      if (user.emailVerifiedAt !== null) return;
      await db.transaction(async (tx) => {
        const locked = await findUserByIdForUpdate(tx, user.id);
        // Checked again under the lock: a registration made again meanwhile voids this link.
        if (
          locked === undefined ||
          !verificationTokenIsValid(config.secretKey, token, locked, clock.now())
        ) {
          throw invalid();
        }
        if (locked.emailVerifiedAt !== null) return;
        // Open mode: a registration without an invite has none to claim.
        if (locked.registeredInviteId !== null || !openRegistration) {
          await claimRegisteredInvite(tx, locked);
        }
        await markEmailVerified(tx, locked.id, clock.now());
        await credits.grantTrialCredits(tx, locked.id);
        await recordSecurityEvent(tx, {
          userId: locked.id,
          type: "email_verified",
          client,
          at: clock.now(),
        });
      });
      log.info({ user_id: user.id }, "email verified");
    },

    async resendVerification(rawEmail) {
      const email = normalizeEmail(rawEmail);
      if (!(await throttle.allowVerificationEmail(email)).allowed) return;
      const user = await findUserByEmail(db, email);
      if (user?.emailVerifiedAt !== null || !user.isActive) return;
      await sendVerificationEmail(user);
    },

    async checkCredentials(input) {
      const email = normalizeEmail(input.email);
      // Counted before the (slow) password check, so parallel guesses cannot all pass the limit.
      const attempt = await throttle.beginLoginAttempt(email, input.client.ip ?? "");
      const user = await findUserByEmail(db, email);
      if (user === undefined) {
        await verifyAgainstDummy(input.password);
        throw customersError("invalid_credentials", "Email or password is wrong.");
      }
      // Before the password: while locked, even the right one is refused; and of attempts in
      // parallel, at most the threshold's worth are verified before a lock can come.
      const { lockoutThreshold } = config.accountSecurity;
      const counted = await reserveLoginAttempt(db, user.id, {
        now: clock.now(),
        threshold: lockoutThreshold,
      });
      if (counted === undefined) throw await refusedWhileCounting(user.id);
      if (!(await verifySecret(user.password, input.password))) {
        await refuseWrongPassword(user, counted, input.client);
      }
      await throttle.passwordAccepted(attempt);
      // A parallel attempt may have locked the account while this password was checked.
      if (!(await acceptLogin(db, user.id, clock.now()))) throw await refusedWhileCounting(user.id);
      if (!user.isActive) throw customersError("account_inactive", "This account is deactivated.");
      if (user.emailVerifiedAt === null) {
        throw customersError("email_not_verified", "Verify your email address before logging in.");
      }
      await throttle.clearLoginFailures(email, input.client.ip ?? "");
      return user;
    },

    async login(input) {
      const user = await service.checkCredentials(input);
      const session = await db.transaction(async (tx) => {
        // A new session id at every login (no session fixation); the previous one ends.
        await sessions.end(input.previousSessionKey, tx);
        const created = await sessions.create(user.id, input.client, tx);
        await recordSecurityEvent(tx, {
          userId: user.id,
          type: "login_succeeded",
          client: input.client,
          at: clock.now(),
          details: { via: "session" },
        });
        return created;
      });
      log.info({ user_id: user.id }, "logged in");
      return { account: toAccountView(user), session };
    },

    async logout(principal, input) {
      await db.transaction(async (tx) => {
        await sessions.end(input.sessionKey, tx);
        await recordSecurityEvent(tx, {
          userId: principal.userId,
          type: "logout",
          client: input.client,
          at: clock.now(),
        });
      });
    },

    async changePassword(principal, input) {
      const user = await findUserById(db, principal.userId);
      if (user === undefined) throw passwordChangeError("invalid_credentials");
      // A wrong old password counts as a failed login: a stolen session must not become a
      // password oracle.
      const attempt = await throttle.beginLoginAttempt(user.email, input.client.ip ?? "");
      if (!(await verifySecret(user.password, input.oldPassword))) {
        throw passwordChangeError("invalid_credentials", "The old password is wrong.");
      }
      await throttle.passwordAccepted(attempt);
      assertPasswordValid(input.newPassword, user.email, "new_password");
      const passwordHash = await hashSecret(input.newPassword);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await setUserPassword(tx, user.id, passwordHash);
        await deleteResetTokensOfUser(tx, user.id);
        await recordSecurityEvent(tx, {
          userId: user.id,
          type: "password_changed",
          client: input.client,
          at: now,
        });
        // Other devices signed in with the old password: their sessions and JWT refresh
        // families end with it, in the same commit.
        await sessions.endOthers(user.id, principal.sessionId, tx);
        await revokeRefreshTokensOfUser(tx, user.id, now);
      });
      log.info({ user_id: user.id }, "password changed; other sessions and refresh tokens ended");
      await sendAccountEmail(
        { mailer, log },
        passwordChangedEmail(user.email, {
          publicBaseUrl: config.publicBaseUrl,
          at: now,
          how: "change",
        }),
        { userId: user.id, kind: "password_changed" },
      );
    },

    async createVerifiedAccount(input) {
      const email = normalizeEmail(input.email);
      assertPasswordValid(input.password, email, "password");
      const now = clock.now();
      const user = await insertUser(db, {
        email,
        password: await hashSecret(input.password),
        isStaff: input.isStaff,
        emailVerifiedAt: now,
        dateJoined: now,
      });
      if (user === undefined)
        throw customersError("email_exists", "An account with this email already exists.");
      return user;
    },
  };
  return service;
}
