import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { problems } from "../platform/problem.js";
import { PublicProduct, publicProductJson } from "./catalog.schemas.js";
import { paymentsError } from "./payments.errors.js";

export const Slug = Type.String({ pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", maxLength: 80 });

/** The public catalog: what the pricing page shows (the frontend never hard-codes prices). */
export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { catalog } = app.services.payments;

  app.get(
    "/api/catalog/products",
    {
      config: { access: "public" },
      schema: {
        operationId: "listProducts",
        tags: ["catalog"],
        summary: "Active products with their active prices, by display order",
        response: { 200: Type.Object({ results: Type.Array(PublicProduct) }) },
      },
    },
    async () => ({ results: (await catalog.listActive()).map(publicProductJson) }),
  );

  app.get(
    "/api/catalog/products/:slug",
    {
      config: { access: "public" },
      schema: {
        operationId: "getProduct",
        tags: ["catalog"],
        summary: "One active product with its active prices",
        params: Type.Object({ slug: Type.String({ maxLength: 80 }) }),
        response: { 200: PublicProduct, ...problems(404) },
      },
    },
    async (request) => {
      const product = await catalog.findActiveBySlug(request.params.slug);
      if (product === undefined) throw paymentsError("product_not_found");
      return publicProductJson(product);
    },
  );
};
