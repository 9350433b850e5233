import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import type { Mailer } from "../platform/email.js";
import { createCatalogService, type CatalogService } from "./catalog.service.js";
import { createPaymentEventsService, type PaymentEventsService } from "./fulfilment.js";
import { createLocalProvider } from "./local-provider.js";
import { createStripeCatalog } from "./stripe-catalog.js";
import { createStripeClient, createStripeProvider } from "./stripe-provider.js";
import { createOrdersService, type OrdersService } from "./orders.service.js";
import { createOrdersAdminService, type OrdersAdminService } from "./orders-admin.service.js";
import type { PaymentProvider } from "./payment-provider.js";
import { createLocalAssetStorage } from "./asset-storage.js";
import { createAssetsService, type AssetsService } from "./assets.service.js";
import { createBookingsService, type BookingsService } from "./bookings.service.js";
import { createDownloadsService, type DownloadsService } from "./downloads.service.js";

export interface PaymentsServices {
  readonly ordersAdmin: OrdersAdminService;
  readonly provider: PaymentProvider;
  readonly catalog: CatalogService;
  readonly orders: OrdersService;
  readonly events: PaymentEventsService;
  readonly assets: AssetsService;
  readonly downloads: DownloadsService;
  readonly bookings: BookingsService;
}

export function buildPayments(deps: {
  db: Db;
  clock: Clock;
  config: Pick<Config, "publicBaseUrl" | "payments" | "dataDir">;
  credits: CreditsService;
  mailer: Mailer;
  log: Logger;
}): PaymentsServices {
  const { db, clock, log } = deps;
  const publicBaseUrl = deps.config.publicBaseUrl;
  const stripeConfig = deps.config.payments.stripe;
  const stripe = stripeConfig === undefined ? undefined : createStripeClient(stripeConfig);
  const provider =
    stripe === undefined ? createLocalProvider(publicBaseUrl) : createStripeProvider(stripe);
  const catalog = createCatalogService({
    db,
    clock,
    provider: stripe === undefined ? undefined : createStripeCatalog(stripe),
    log,
  });
  const events = createPaymentEventsService({
    db,
    clock,
    credits: deps.credits,
    mailer: deps.mailer,
    log,
    publicBaseUrl,
    provider,
    downloads: {
      maxCount: deps.config.payments.downloadMaxCount,
      ttlDays: deps.config.payments.downloadTtlDays,
    },
  });
  const orders = createOrdersService({ db, clock, catalog, provider, events, publicBaseUrl, log });
  const ordersAdmin = createOrdersAdminService({
    db,
    clock,
    provider,
    events,
    credits: deps.credits,
    mailer: deps.mailer,
    log,
    allowManualConfirm: deps.config.payments.orderConfirmAllowManual,
  });
  const storage = createLocalAssetStorage(join(deps.config.dataDir, "assets"));
  const assets = createAssetsService({ db, clock, storage });
  const downloads = createDownloadsService({ db, clock, storage });
  const bookings = createBookingsService({ db, clock, mailer: deps.mailer, log });
  return { provider, catalog, orders, events, ordersAdmin, assets, downloads, bookings };
}
