import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import type { Access } from "./auth.js";
import { markOptionalBodies } from "./openapi-document.js";
import { declarePlatformResponses, isUnsafeMethod } from "./platform-responses.js";

// CSRF is checked on unsafe methods only, so only they require the header.
function sessionSecurity(method: string): Record<string, string[]> {
  return isUnsafeMethod(method) ? { sessionCookie: [], csrfHeader: [] } : { sessionCookie: [] };
}

// A JWT access token is taken wherever a session is, and beside API tokens; API tokens are
// taken on bearer routes only.
function securityOf(access: Access, method: string): Record<string, string[]>[] | undefined {
  switch (access) {
    case "public":
      return undefined;
    case "bearer":
      return [{ bearerAuth: [] }, { jwtAuth: [] }];
    case "session":
    case "staff":
      return [sessionSecurity(method), { jwtAuth: [] }];
    case "session_or_bearer":
      return [{ bearerAuth: [] }, { jwtAuth: [] }, sessionSecurity(method)];
  }
}

/**
 * The Swagger UI page's Content-Security-Policy, tighter than @fastify/swagger-ui's own (which
 * allows any https stylesheet and font, the validator badge's host, framing by the same origin,
 * and upgrades every load to https, breaking the page on a plain-http local run). The page is
 * three external scripts and two stylesheets of its own origin, with no inline script or style
 * (security-headers.test.ts loads each). "Try it out" calls PUBLIC_BASE_URL, the document's
 * server, which may be another origin than the one the page was opened on.
 */
export function docsContentSecurityPolicy(config: Pick<Config, "publicBaseUrl">): string {
  const publicOrigin = new URL(config.publicBaseUrl).origin;
  const directives = [
    "default-src 'none'",
    "base-uri 'none'",
    `connect-src 'self' ${publicOrigin}`,
    "font-src 'self' data:",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self'",
  ];
  if (publicOrigin.startsWith("https:")) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** OpenAPI 3 generated from the route schemas: JSON at /api/schema/, Swagger UI at /api/docs/. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  app.addHook("onRoute", declarePlatformResponses);
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Tollgate API",
        version: "0.1.0",
        description:
          "Invite-only accounts, API tokens and metered AI services. Errors are RFC 9457 " +
          "application/problem+json with a machine-readable `code`.",
      },
      servers: [{ url: app.config.publicBaseUrl }],
      components: {
        securitySchemes: {
          sessionCookie: { type: "apiKey", in: "cookie", name: "sessionid" },
          csrfHeader: { type: "apiKey", in: "header", name: "X-CSRFToken" },
          bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "tok_…" },
          jwtAuth: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description: "An access token from POST /api/v1/auth/login or /token/refresh",
          },
        },
      },
      tags: [
        { name: "health", description: "Service health" },
        { name: "site", description: "What the web portal shows about this deployment (public)" },
        { name: "customers", description: "Accounts, sessions and email verification" },
        { name: "auth", description: "JWT login, refresh and logout, and the caller's profile" },
        { name: "tokens", description: "API tokens" },
        { name: "usage", description: "Request logs and usage summaries" },
        { name: "billing", description: "Monthly billing periods" },
        { name: "core", description: "The image-solving endpoint of the contract" },
        { name: "services", description: "The AI services catalog, and running a service" },
        { name: "credits", description: "Prepaid credits: balance and journal" },
        { name: "catalog", description: "Products and prices for sale (public)" },
        { name: "payments", description: "Orders, checkout and receipts of the caller" },
        {
          name: "subscriptions",
          description: "The caller's plan subscription: checkout, status, cancel and resume",
        },
        { name: "admin", description: "Staff operations" },
      ],
    },
    transformObject: (document) =>
      "openapiObject" in document
        ? markOptionalBodies(document.openapiObject)
        : document.swaggerObject,
    transform: ({ schema, url, route }) => {
      const method = Array.isArray(route.method) ? String(route.method[0]) : route.method;
      const security = securityOf(route.config?.access ?? "public", method);
      return { schema: security === undefined ? schema : { ...schema, security }, url };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: docsContentSecurityPolicy(app.config),
    // The validator badge would send the document's URL to validator.swagger.io.
    uiConfig: { validatorUrl: null },
  });
  app.get("/api/schema", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
