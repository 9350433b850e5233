import type { Readable } from "node:stream";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { attachmentDisposition } from "./asset-files.js";
import { DownloadSchema, downloadJson } from "./downloads.schemas.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });

/** The caller's downloads: paid digital orders' files, each counted and time-limited. */
export const downloadsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { downloads } = app.services.payments;
  const { downloadMaxCount, downloadTtlDays } = app.config.payments;

  app.get(
    "/api/account/downloads",
    {
      config: { access: "session" },
      schema: {
        operationId: "listDownloads",
        tags: ["payments"],
        summary: "The caller's downloads (one per file of a paid digital order), newest first",
        description:
          `Each file of a paid digital order may be downloaded ${String(downloadMaxCount)} ` +
          `times within ${String(downloadTtlDays)} days of the payment (DOWNLOAD_MAX_COUNT, ` +
          "DOWNLOAD_TTL_DAYS); a full refund ends them.",
        querystring: PageQuery,
        response: { 200: Paginated(DownloadSchema), ...problems(404) },
      },
    },
    async (request) =>
      toPage(
        request,
        await downloads.list(principalOf(request).userId, request.query.page),
        downloadJson,
      ),
  );

  app.get(
    "/api/account/downloads/:id/file",
    {
      // A HEAD would run the handler and count a download without delivering it.
      exposeHeadRoute: false,
      config: { access: "session" },
      schema: {
        operationId: "downloadFile",
        tags: ["payments"],
        summary: "Download a file: counts one download",
        description:
          "Streams the file as an attachment under its name and type. Expired or used-up " +
          "downloads answer 410 download_expired, a refunded order's 410 download_revoked; " +
          "another user's id is 404.",
        params: Id,
        produces: ["application/octet-stream"],
        response: {
          200: {
            description: "The file, with Content-Disposition: attachment and its own type",
            content: {
              // Typed as the stream the handler sends; documented as binary.
              "application/octet-stream": {
                schema: Type.Unsafe<Readable>({ type: "string", format: "binary" }),
              },
            },
          },
          ...problems(404, 410),
        },
      },
    },
    async (request, reply) => {
      const { asset, file } = await downloads.download(
        principalOf(request).userId,
        request.params.id.toLowerCase(),
      );
      return reply
        .header("Content-Type", asset.contentType)
        .header("Content-Length", String(asset.sizeBytes))
        .header("Content-Disposition", attachmentDisposition(asset.filename))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .send(file);
    },
  );
};
