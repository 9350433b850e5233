import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { handlerReadsBody } from "../core/upload.js";
import { principalOf } from "../platform/auth.js";
import { AppError } from "../platform/errors.js";
import { problems } from "../platform/problem.js";
import { receiveAssetUpload, registerAssetUploadParsers } from "./asset-upload.js";
import { AssetSchema, assetJson } from "./downloads.schemas.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });

/** An error answered before the upload was read: the connection closes instead of reading it. */
function closingConnection(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(error.status, error.code, error.title, error.message, {
    ...error.options,
    headers: { ...error.options.headers, Connection: "close" },
  });
}

/** Staff: the files of digital products. */
export const assetsAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { assets } = app.services.payments;
  const limit = app.config.payments.assetMaxBytes;
  await registerAssetUploadParsers(app, limit);

  app.post(
    "/api/admin/catalog/products/:id/assets",
    {
      config: { access: "staff" },
      validatorCompiler: handlerReadsBody,
      schema: {
        operationId: "uploadProductAsset",
        tags: ["admin"],
        summary: "Upload a file of a digital product (staff; audited)",
        description:
          "multipart/form-data with one part named `file`, at most " +
          `${String(limit)} bytes (ASSET_MAX_BYTES; 413 file_too_large). Only digital ` +
          "products have files (409 product_not_digital). A product may have several; each " +
          "buyer of the product gets a download of every file it has when the order is paid.",
        params: Id,
        body: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: {
                    type: "string",
                    format: "binary",
                    description: "The file; its name and type are what buyers get",
                  },
                },
              },
            },
          },
        },
        response: { 201: AssetSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const productId = request.params.id.toLowerCase();
      try {
        await assets.assertDigitalProduct(productId);
      } catch (error) {
        throw closingConnection(error);
      }
      const upload = await receiveAssetUpload(request, limit, assets.storage);
      if (!upload.ok) throw upload.error;
      const asset = await assets.add(actorOf(principalOf(request)), productId, upload.file);
      return reply.status(201).send(assetJson(asset));
    },
  );

  app.get(
    "/api/admin/catalog/products/:id/assets",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listProductAssets",
        tags: ["admin"],
        summary: "A product's files, oldest first (staff)",
        params: Id,
        response: { 200: Type.Object({ results: Type.Array(AssetSchema) }), ...problems(404) },
      },
    },
    async (request) => ({
      results: (await assets.list(request.params.id.toLowerCase())).map(assetJson),
    }),
  );
};
