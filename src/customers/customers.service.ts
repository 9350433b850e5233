import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { RequestAuthenticator } from "../platform/auth.js";
import type { Clock } from "../platform/clock.js";
import type { Database } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { createAccountsService, type AccountsService } from "./accounts.service.js";
import { createAuthThrottle } from "./auth-throttle.service.js";
import { prepareDummyHash } from "./password-hashing.js";
import { createPasswordResetService, type PasswordResetService } from "./password-reset.service.js";
import { createInvitesService, type InvitesService } from "./invites.service.js";
import { createJwtService, type JwtService } from "./jwt/jwt.service.js";
import { createUserStatusCache } from "./jwt/user-status-cache.js";
import { createProfileService, type ProfileService } from "./profile.service.js";
import { createRequestAuthenticator } from "./request-authenticator.js";
import { createSessionsService, type SessionsService } from "./sessions.service.js";
import { createTokensService, type TokensService } from "./tokens.service.js";
import { createUsersAdminService, type UsersAdminService } from "./users-admin.service.js";

/** The customers feature's services, as `services.customers`. */
export interface CustomersServices {
  readonly accounts: AccountsService;
  readonly passwordReset: PasswordResetService;
  readonly invites: InvitesService;
  readonly sessions: SessionsService;
  readonly tokens: TokensService;
  readonly jwt: JwtService;
  readonly profile: ProfileService;
  readonly usersAdmin: UsersAdminService;
  readonly authenticator: RequestAuthenticator;
  /** Finishes pending reset emails and stops the revocation listener. */
  close(): Promise<void>;
}

export interface CustomersDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly mailer: Mailer;
  /** Trial credits are granted at email verification, in its transaction. */
  readonly credits: Pick<CreditsService, "grantTrialCredits">;
}

export async function buildCustomers(deps: CustomersDeps): Promise<CustomersServices> {
  const { config, database, clock, log, mailer, credits } = deps;
  const db = database.db;
  const sessions = createSessionsService({ db, clock, log, secretKey: config.secretKey });
  const userStatus = createUserStatusCache({ db, clock });
  // One invalidation channel for both: deactivating a user stops API tokens and JWTs alike.
  const tokens = createTokensService({ db, database, clock, log, userCaches: [userStatus] });
  await tokens.start();
  const throttle = createAuthThrottle({ db, clock, log });
  prepareDummyHash();
  const accounts = createAccountsService({
    db,
    config,
    clock,
    log,
    mailer,
    sessions,
    throttle,
    credits,
  });
  const jwt = createJwtService({ db, config, clock, log, accounts, userStatus });
  const passwordReset = createPasswordResetService({ db, config, clock, log, mailer, throttle });
  return {
    accounts,
    passwordReset,
    invites: createInvitesService({ db, clock }),
    sessions,
    tokens,
    jwt,
    profile: createProfileService({ db }),
    usersAdmin: createUsersAdminService({ db, clock, log, sessions, tokens, throttle, jwt }),
    authenticator: createRequestAuthenticator(sessions, tokens, jwt),
    async close() {
      await passwordReset.idle();
      await tokens.close();
    },
  };
}
