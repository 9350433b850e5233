import type { FastifyPluginAsync } from "fastify";
import { accountsRoutes } from "./accounts.routes.js";
import { tokensRoutes } from "./tokens.routes.js";

/** Every /api/customers route of this feature. */
export const customersRoutes: FastifyPluginAsync = async (app) => {
  await app.register(accountsRoutes);
  await app.register(tokensRoutes);
};
