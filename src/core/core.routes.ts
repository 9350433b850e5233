import type { FastifyPluginAsync } from "fastify";
import { settingsRoutes } from "./settings.routes.js";
import { solveRoutes } from "./solve.routes.js";

/** Every route of the core feature; the upload routes get their own body parsers (see upload.ts). */
export const coreRoutes: FastifyPluginAsync = async (app) => {
  await app.register(solveRoutes);
  await app.register(settingsRoutes);
};
