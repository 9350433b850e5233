import cookie from "@fastify/cookie";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { aiServicesAdminRoutes } from "./ai-services/ai-services-admin.routes.js";
import { aiServicesRoutes } from "./ai-services/ai-services.routes.js";
import { preflightRoutes } from "./admin/preflight.routes.js";
import { statsRoutes } from "./admin/stats.routes.js";
import { auditRoutes } from "./audit/audit.routes.js";
import type { Config } from "./config.js";
import { creditsAdminRoutes } from "./credits/credits-admin.routes.js";
import { creditsRoutes } from "./credits/credits.routes.js";
import { coreRoutes } from "./core/core.routes.js";
import { customersRoutes } from "./customers/customers.routes.js";
import { adminInvitesRoutes } from "./customers/invites.routes.js";
import { jwtAuthRoutes } from "./customers/jwt/jwt-auth.routes.js";
import { securityLogRoutes } from "./customers/security-log.routes.js";
import { tokensAdminRoutes } from "./customers/tokens-admin.routes.js";
import { usersAdminRoutes } from "./customers/users-admin.routes.js";
import { registerAccessControl } from "./platform/auth.js";
import { registerCors } from "./platform/cors.js";
import { registerDocs } from "./platform/docs.js";
import {
  clientErrorHandlerFor,
  frameworkErrors,
  httpServerOptions,
  REQUEST_TIMEOUT_MS,
} from "./platform/client-errors.js";
import { platformError, validationError } from "./platform/errors.js";
import { registerErrorHandling } from "./platform/error-handler.js";
import { healthRoutes } from "./platform/health.routes.js";
import { registerLingeringClose } from "./platform/lingering-close.js";
import { hostAllowed, hostHeaderProblem, hostnameOf } from "./platform/hosts.js";
import { readsBody } from "./platform/platform-responses.js";
import { registerRateLimit, type RateLimitOptions } from "./platform/rate-limit.js";
import { REQUEST_ID_LOG_KEY, requestChildLogger } from "./platform/logging.js";
import { runWithRequestId } from "./platform/request-context.js";
import { requestIdFor } from "./platform/request-id.js";
import { registerSecurityHeaders } from "./platform/security-headers.js";
import { siteRoutes } from "./platform/site.routes.js";
import { defaultWebDistDir, registerWebApp, type WebShellFallback } from "./platform/web-app.js";
import { fieldWithInvalidText, validatorCompiler } from "./platform/validation.js";
import type { Services } from "./services.js";
import { billingAdminRoutes } from "./usage/billing-admin.routes.js";
import { billingRoutes } from "./usage/billing.routes.js";
import { catalogAdminRoutes } from "./payments/catalog-admin.routes.js";
import { catalogRoutes } from "./payments/catalog.routes.js";
import { checkoutReturnRoutes, localCheckoutRoutes } from "./payments/local-checkout.routes.js";
import { ordersRoutes } from "./payments/orders.routes.js";
import { ordersAdminRoutes } from "./payments/orders-admin.routes.js";
import { stripeWebhookRoutes } from "./payments/stripe-webhook.routes.js";
import { assetsAdminRoutes } from "./payments/assets-admin.routes.js";
import { bookingsRoutes } from "./payments/bookings.routes.js";
import { downloadsRoutes } from "./payments/downloads.routes.js";
import { localSubscriptionCheckoutRoutes } from "./subscriptions/local-subscription-checkout.routes.js";
import { entitlementsRoutes } from "./subscriptions/entitlements.routes.js";
import { solveRuleOf } from "./subscriptions/entitlements.service.js";
import { subscriptionsRoutes } from "./subscriptions/subscriptions.routes.js";
import { subscriptionsAdminRoutes } from "./subscriptions/subscriptions-admin.routes.js";
import { requestLogsAdminRoutes } from "./usage/request-logs-admin.routes.js";
import { usageRoutes } from "./usage/usage.routes.js";

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    services: Services;
  }
}

export type App = FastifyInstance;

/** Knobs that are not configuration: tests isolate their Redis keys with them. */
export interface AppOptions {
  readonly rateLimit?: RateLimitOptions;
  /** The slow-request cut (default REQUEST_TIMEOUT_MS); tests shorten it to watch a 408. */
  readonly requestTimeoutMs?: number;
  /** The built web app (default web/dist); tests serve a folder of their own. */
  readonly webDistDir?: string;
}

/** A hop count means: believe that many proxies nearest to us (as proxy-addr counts hops). */
function trustProxyOption(value: Config["trustProxy"]) {
  if (typeof value === "number") return (_address: string, hop: number) => hop < value;
  return typeof value === "boolean" ? value : [...value];
}

/** The whole HTTP application, without listening; the server and the tests build the same one. */
export async function buildApp(
  config: Config,
  services: Services,
  options: AppOptions = {},
): Promise<App> {
  // Typed as Fastify's logger interface so plugins see the default instance type.
  const logger: FastifyBaseLogger = services.log;
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: REQUEST_ID_LOG_KEY }),
    childLoggerFactory: requestChildLogger,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // Fastify's own 503 is neither problem+json nor carries X-Request-ID; see the onRequest hook.
    return503OnClosing: false,
    requestTimeout: requestTimeoutMs,
    http: httpServerOptions(requestTimeoutMs),
    clientErrorHandler: clientErrorHandlerFor(requestTimeoutMs),
    frameworkErrors,
    trustProxy: trustProxyOption(config.trustProxy),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("config", config);
  app.decorate("services", services);
  app.setValidatorCompiler(validatorCompiler);
  // Fastify parses text/plain by default; Tollgate takes JSON (and uploads on solve) only.
  app.removeContentTypeParser("text/plain");
  // The shell fallback is filled in once the web app's plugin is registered, below.
  const web: { shell?: WebShellFallback } = {};
  registerErrorHandling(app, services.databaseOutage, (request, reply) =>
    web.shell === undefined ? Promise.resolve(false) : web.shell(request, reply),
  );
  registerLingeringClose(app);
  // First of the onRequest hooks, so replies refused by any later one carry the headers too.
  registerSecurityHeaders(app, config);

  // Services log through the root logger; running the request inside its id lets the logger's
  // mixin tag those lines. Entered again before validation, as @fastify/request-context does: a
  // body parser (e.g. a multipart stream) may resume the request from a callback that does not
  // carry the context entered at onRequest.
  app.addHook("onRequest", (request, _reply, done) => {
    runWithRequestId(request.id, done);
  });
  app.addHook("preValidation", (request, _reply, done) => {
    runWithRequestId(request.id, done);
  });

  // Set once close begins: requests still arriving on open keep-alive (or pipelined) connections
  // are shed, so a load balancer retries them on another instance, while those in flight finish.
  let closing = false;
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });

  // Behind a proxy that TRUST_PROXY does not name, every client has the proxy's address: the
  // per-address throttles then hold back everyone at once, and the security log sees one client.
  let warnedUntrustedProxy = config.trustProxy !== false;
  app.addHook("onRequest", async (request) => {
    if (warnedUntrustedProxy || request.headers["x-forwarded-for"] === undefined) return;
    warnedUntrustedProxy = true;
    request.log.warn(
      { remote_address: request.socket.remoteAddress },
      "requests carry X-Forwarded-For but TRUST_PROXY is off: all clients look like one " +
        "address to the per-address limits and the security log; set TRUST_PROXY to the proxy",
    );
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("X-Request-ID", request.id);
    if (closing) {
      throw platformError("service_unavailable", "The server is shutting down; retry.", {
        headers: { Connection: "close" },
      });
    }
    const hostProblem = hostHeaderProblem(request.raw.httpVersion, request.raw.rawHeaders);
    if (hostProblem !== undefined) throw platformError("bad_request", hostProblem);
    // Health probes (Docker, Kubernetes, load balancers) address the container by IP; /healthz
    // reveals nothing a Host check would protect.
    if (request.routeOptions.url !== "/healthz") {
      const hostname = hostnameOf(request.host);
      if (hostname === undefined) {
        throw platformError("disallowed_host", "The Host header is not a valid host[:port].");
      }
      if (!hostAllowed(hostname, config.allowedHosts)) {
        throw platformError("disallowed_host", `Host "${hostname}" is not in ALLOWED_HOSTS.`);
      }
    }
    // Compressed bodies would reach the JSON parser or the image sniffer as noise. Methods whose
    // body is never read keep their documented statuses.
    const encoding = request.headers["content-encoding"];
    if (
      readsBody(request.method) &&
      encoding !== undefined &&
      encoding.trim().toLowerCase() !== "identity"
    ) {
      throw platformError(
        "unsupported_media_type",
        "Content-Encoding is not supported: send the body uncompressed.",
      );
    }
  });

  app.addHook("preValidation", async (request) => {
    const invalid = fieldWithInvalidText({
      params: request.params,
      querystring: request.query,
      body: request.body,
    });
    if (invalid !== undefined) {
      throw validationError([
        { field: invalid.field, code: "invalid_character", message: invalid.message },
      ]);
    }
  });

  await app.register(cookie);
  await registerCors(app, config.corsAllowedOrigins);
  registerAccessControl(app, services.auth);
  await registerRateLimit(app, config, {
    ...options.rateLimit,
    solveRuleOf: async (userId) =>
      solveRuleOf(await services.entitlements.cachedPlanOf(userId), config.rateLimit.solve),
  });
  await registerDocs(app);
  web.shell = await registerWebApp(app, options.webDistDir ?? defaultWebDistDir());

  await app.register(siteRoutes);
  await app.register(healthRoutes);
  await app.register(coreRoutes);
  await app.register(customersRoutes);
  await app.register(jwtAuthRoutes);
  await app.register(adminInvitesRoutes);
  await app.register(usersAdminRoutes);
  await app.register(tokensAdminRoutes);
  await app.register(securityLogRoutes);
  await app.register(usageRoutes);
  await app.register(billingRoutes);
  await app.register(billingAdminRoutes);
  await app.register(requestLogsAdminRoutes);
  await app.register(aiServicesRoutes);
  await app.register(aiServicesAdminRoutes);
  await app.register(creditsRoutes);
  await app.register(creditsAdminRoutes);
  await app.register(auditRoutes);
  await app.register(statsRoutes);
  await app.register(preflightRoutes);
  await app.register(catalogRoutes);
  await app.register(catalogAdminRoutes);
  await app.register(ordersRoutes);
  await app.register(ordersAdminRoutes);
  await app.register(assetsAdminRoutes);
  await app.register(downloadsRoutes);
  await app.register(bookingsRoutes);
  await app.register(subscriptionsRoutes);
  await app.register(subscriptionsAdminRoutes);
  await app.register(entitlementsRoutes);
  await app.register(checkoutReturnRoutes);
  await app.register(stripeWebhookRoutes);
  if (services.payments.provider.name === "local") {
    await app.register(localCheckoutRoutes);
    await app.register(localSubscriptionCheckoutRoutes);
  }
  return app;
}
