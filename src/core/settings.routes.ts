import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { problems } from "../platform/problem.js";
import type { CoreSettings } from "./core-settings.table.js";

const SettingsBody = Type.Object({
  cost_per_request_cents: Type.Integer({
    minimum: 0,
    maximum: 1_000_000_000,
    description: "Price of one successful request, in cents",
  }),
  openai_model: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" }),
  openai_timeout_s: Type.Integer({ minimum: 1, maximum: 300, description: "Seconds" }),
});

const Settings = Type.Object({
  ...SettingsBody.properties,
  updated_at: Type.String({ format: "date-time" }),
});

const SettingsPatch = Type.Partial(SettingsBody, { additionalProperties: false, minProperties: 1 });

function settingsView(row: CoreSettings) {
  return {
    cost_per_request_cents: row.costPerRequestCents,
    openai_model: row.openaiModel,
    openai_timeout_s: row.openaiTimeoutS,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** GET/PATCH /api/admin/settings: the core_settings singleton, for staff. */
export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/settings",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getCoreSettings",
        tags: ["admin"],
        summary: "Price, model and timeout of the metered AI service",
        response: { 200: Settings, ...problems(401, 403) },
      },
    },
    async () => settingsView(await app.services.core.settings.get()),
  );

  app.patch(
    "/api/admin/settings",
    {
      config: { access: "staff" },
      schema: {
        operationId: "updateCoreSettings",
        tags: ["admin"],
        summary: "Change the price, model or timeout; applies to the next requests",
        body: SettingsPatch,
        response: { 200: Settings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const body = request.body;
      const row = await app.services.core.settings.update(
        {
          ...(body.cost_per_request_cents === undefined
            ? {}
            : { costPerRequestCents: body.cost_per_request_cents }),
          ...(body.openai_model === undefined ? {} : { openaiModel: body.openai_model.trim() }),
          ...(body.openai_timeout_s === undefined ? {} : { openaiTimeoutS: body.openai_timeout_s }),
        },
        actorOf(principalOf(request)),
      );
      return settingsView(row);
    },
  );
};
