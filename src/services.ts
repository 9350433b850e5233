import type { Logger } from "pino";
import {
  createAiServicesService,
  type AiServicesService,
} from "./ai-services/ai-services.service.js";
import { createMeteredRunner } from "./ai-services/metered-run.js";
import { registeredServices } from "./ai-services/registry.js";
import type { AiServiceDefinition } from "./ai-services/service-definition.js";
import { createPreflightService, type PreflightService } from "./admin/preflight.service.js";
import { createStatsService, type StatsService } from "./admin/stats.service.js";
import { createAuditService, type AuditService } from "./audit/audit.service.js";
import type { Config } from "./config.js";
import { buildCoreServices, IMAGE_SOLVE_SERVICE, type CoreServices } from "./core/solve.service.js";
import type { ImageSolver } from "./core/services/image-solver.js";
import { createCreditsService, type CreditsService } from "./credits/credits.service.js";
import { isChargeRefused } from "./credits/ledger.queries.js";
import { createOptimisticAdmission } from "./credits/optimistic-admission.js";
import { buildCustomers, type CustomersServices } from "./customers/customers.service.js";
import type { RequestAuthenticator } from "./platform/auth.js";
import { systemClock, type Clock } from "./platform/clock.js";
import type { Database, Db } from "./platform/db/database.js";
import { isDatabaseUnavailable } from "./platform/db/errors.js";
import { createDatabaseOutageMonitor, type DatabaseOutageMonitor } from "./platform/db/outage.js";
import { createMailer, type Mailer } from "./platform/email.js";
import {
  createIdempotencyService,
  type IdempotencyService,
} from "./platform/idempotency/idempotency.js";
import { throttledWarn } from "./platform/logging.js";
import { buildPayments, type PaymentsServices } from "./payments/payments.service.js";
import { createStripeClient } from "./payments/stripe-provider.js";
import {
  createEntitlementsService,
  type EntitlementsService,
} from "./subscriptions/entitlements.service.js";
import { createSubscriptionEvents } from "./subscriptions/subscription-events.js";
import { createStripeSubscriptions } from "./subscriptions/stripe-subscriptions.js";
import {
  createSubscriptionsService,
  type SubscriptionsServices,
} from "./subscriptions/subscriptions.service.js";
import { createRequestMeter } from "./usage/batched-metering.js";
import { buildUsageService, type UsageService } from "./usage/usage.service.js";

/** Everything the routes and commands use, wired once. Fastify is decorated with this object. */
export interface Services {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly mailer: Mailer;
  readonly auth: RequestAuthenticator;
  readonly customers: CustomersServices;
  readonly usage: UsageService;
  readonly core: CoreServices;
  readonly credits: CreditsService;
  readonly aiServices: AiServicesService;
  readonly idempotency: IdempotencyService;
  readonly audit: AuditService;
  /** Catalog, orders, payment events and the payment provider. */
  readonly payments: PaymentsServices;
  readonly subscriptions: SubscriptionsServices;
  /** Plans' features and limits as they apply to each account. */
  readonly entitlements: EntitlementsService;
  /** The staff dashboard's aggregates. */
  readonly stats: StatsService;
  /** The deployment's readiness checks (staff API and `preflight` command). */
  readonly preflight: PreflightService;
  /** Logs database outages once per interval; the error handler and /healthz report to it. */
  readonly databaseOutage: DatabaseOutageMonitor;
  /** Stops background work (listeners, timers); the database is closed by its owner. */
  close(): Promise<void>;
}

export interface ServiceOverrides {
  readonly clock?: Clock;
  readonly mailer?: Mailer;
  /** The image provider (tests: a fake); default: from the configuration. */
  readonly solver?: ImageSolver;
  /** Extra AI service modules beside the registered ones (tests: a provider that fails). */
  readonly extraAiServices?: readonly AiServiceDefinition[];
}

/** At most one "batch refused" warning per this many ms. */
const BATCH_WARNING_INTERVAL_MS = 30_000;

export async function buildServices(
  config: Config,
  database: Database,
  log: Logger,
  overrides: ServiceOverrides = {},
): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const db = database.db;
  const mailer = overrides.mailer ?? createMailer(config, log);
  const warn = throttledWarn(log, BATCH_WARNING_INTERVAL_MS);
  const databaseOutage = createDatabaseOutageMonitor({ log, ping: () => database.ping() });
  // One meter for every metered endpoint, so their requests share batches; it also takes the
  // credit reservations, so a batch settles finished calls and reserves for starting ones at once.
  const admission = createOptimisticAdmission({
    marginCalls: config.credits.optimisticMarginCalls,
    now: () => clock.now().getTime(),
  });
  const meter = createRequestMeter(database, {
    now: () => clock.now(),
    holdTtlMs: config.credits.reservationTtlS * 1000,
    admission,
    // Each refused batch falls back to one transaction per request: slower, so say so, sparingly.
    // An unreachable database is the outage monitor's to report, once, not this warning's.
    onBatchRefused: (error) => {
      // A charge that no longer fits is an expected race (optimistic-admission.ts), said per call.
      if (isDatabaseUnavailable(error) || isChargeRefused(error)) return;
      warn(error, "metering batch refused; recording its requests one by one");
    },
  });
  const credits = createCreditsService({
    database,
    clock,
    config,
    reserve: (request) => meter.reserve(request),
    onBalanceChanged: (accountId) => {
      admission.forget(accountId);
    },
  });
  const customers = await buildCustomers({ config, database, clock, log, mailer, credits });
  const auth: RequestAuthenticator = customers.authenticator;
  const warnRenewal = throttledWarn(log, BATCH_WARNING_INTERVAL_MS);
  const idempotency = createIdempotencyService({
    db,
    clock,
    onRenewalFailed: (error) => {
      warnRenewal(error, "could not renew running requests' Idempotency-Key claims");
    },
  });
  const runMetered = createMeteredRunner({ db, clock, credits, idempotency, meter });
  // The services catalog reads core's settings and core reads the catalog's price of solve
  // (only when a request comes, so after both exist).
  const core = buildCoreServices({
    db,
    config,
    clock,
    runMetered,
    creditCostMilli: () => aiServices.creditCostOf(IMAGE_SOLVE_SERVICE),
    log,
    ...(overrides.solver === undefined ? {} : { solver: overrides.solver }),
  });
  const aiServices = createAiServicesService({
    db,
    clock,
    config,
    definitions: [...registeredServices({ core }), ...(overrides.extraAiServices ?? [])],
    coreSettings: core.settings,
    runMetered,
    // Entitlements read the subscriptions, which are made after the services catalog.
    checkTokens: (userId) => entitlements.checkTokens(userId),
  });
  const payments = buildPayments({ db, clock, config, credits, mailer, log });
  const subscriptionEvents = createSubscriptionEvents({
    db,
    clock,
    credits,
    mailer,
    log,
    publicBaseUrl: config.publicBaseUrl,
  });
  const subscriptions = {
    events: subscriptionEvents,
    service: createSubscriptionsService({
      db,
      clock,
      config,
      provider: payments.provider,
      stripe:
        config.payments.stripe === undefined
          ? undefined
          : createStripeSubscriptions(createStripeClient(config.payments.stripe)),
      events: subscriptionEvents,
      credits,
      publicBaseUrl: config.publicBaseUrl,
    }),
  };
  const entitlements = createEntitlementsService({
    db,
    clock,
    subscriptions: subscriptions.service,
  });
  return {
    config,
    database,
    db,
    clock,
    log,
    mailer,
    auth,
    customers,
    usage: buildUsageService({ db, clock, config }),
    core,
    credits,
    aiServices,
    idempotency,
    audit: createAuditService({ db }),
    payments,
    subscriptions,
    entitlements,
    stats: createStatsService({ db, clock }),
    preflight: createPreflightService({
      config,
      database,
      db,
      clock,
      mailer,
      providerHealth: core.providerHealth,
      paymentProvider: payments.provider,
      log,
    }),
    databaseOutage,
    async close() {
      databaseOutage.close();
      await customers.close();
    },
  };
}
