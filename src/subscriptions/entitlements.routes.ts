import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { principalOf } from "../platform/auth.js";
import { EntitlementsSchema, entitlementsJson } from "./entitlements.schemas.js";

/**
 * A preHandler for a route of a later feature: 403 feature_not_in_plan (naming the feature and
 * the active plans that have it) unless the caller's effective plan lists `feature` in its
 * feature_keys. The route must authenticate (config.access other than public). The plan is
 * read through the entitlements cache, so a change of plan shows within PLAN_CACHE_TTL_MS.
 */
export function requireFeature(feature: string) {
  return async (request: FastifyRequest): Promise<void> => {
    await request.server.services.entitlements.requireFeature(principalOf(request).userId, feature);
  };
}

/** The caller's plan, its features and limits, and what this period used of them. */
export const entitlementsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const entitlements = app.services.entitlements;

  app.get(
    "/api/account/entitlements",
    {
      config: { access: "session" },
      schema: {
        operationId: "getEntitlements",
        tags: ["subscriptions"],
        summary:
          "The caller's effective plan, its feature keys and limits, and this period's usage",
        description:
          "The plan is the status endpoint's effective_plan: Free without a paid subscription, " +
          "or when it is unpaid or hard stale. Read now, never from a cache.",
        response: { 200: EntitlementsSchema },
      },
    },
    async (request) => {
      const userId = principalOf(request).userId;
      const plan = await entitlements.planOf(userId);
      return entitlementsJson(plan, await entitlements.usageOf(userId, plan), app.config.rateLimit);
    },
  );
};
