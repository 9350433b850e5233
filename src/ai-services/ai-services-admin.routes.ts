import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { parseCredits, toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import { principalOf } from "../platform/auth.js";
import { validationError } from "../platform/errors.js";
import { problems } from "../platform/problem.js";
import type { ServiceView } from "./ai-services.service.js";
import { ServiceName } from "./ai-services.routes.js";

const AdminService = Type.Object({
  name: Type.String(),
  type: Type.Union([Type.String(), Type.Null()], {
    description: "From the code; null when the row's code is gone",
  }),
  description: Type.String(),
  credit_cost: Credits("Credits a successful call costs"),
  price_cents: Type.Integer(),
  is_active: Type.Boolean(),
  registered: Type.Boolean({ description: "The code is in the registry" }),
  row_present: Type.Boolean({ description: "The ai_services row exists" }),
});

function adminServiceJson(view: ServiceView) {
  return {
    name: view.name,
    type: view.type,
    description: view.description,
    credit_cost: toCredits(view.creditCostMilli),
    price_cents: view.priceCents,
    is_active: view.isActive,
    registered: view.registered,
    row_present: view.rowPresent,
  };
}

const ServicePatch = Type.Object(
  {
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" })),
    credit_cost: Type.Optional(
      Type.Number({ minimum: 0, description: "Credits, at most 3 decimals" }),
    ),
    price_cents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    is_active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Staff: every service (rows and code), and changing a service's prices or availability. */
export const aiServicesAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { aiServices } = app.services;

  app.get(
    "/api/admin/services",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllServices",
        tags: ["admin"],
        summary: "Every service, active or not, with what it lacks (code or row) (staff)",
        response: { 200: Type.Array(AdminService) },
      },
    },
    async () => (await aiServices.listAll()).map(adminServiceJson),
  );

  app.patch(
    "/api/admin/services/:name",
    {
      config: { access: "staff" },
      schema: {
        operationId: "updateService",
        tags: ["admin"],
        summary: "Change a service's credit cost, price, description or availability (staff)",
        description:
          "Applies to the next calls (other instances within 5 s). For core.image_solve, " +
          "price_cents is the core settings' cost_per_request_cents and changes it too.",
        params: Type.Object({ name: ServiceName }),
        body: ServicePatch,
        response: { 200: AdminService, ...problems(404) },
      },
    },
    async (request) => {
      const body = request.body;
      let creditCostMilli: number | undefined;
      if (body.credit_cost !== undefined) {
        const parsed = parseCredits("credit_cost", body.credit_cost, { allowZero: true });
        if (!parsed.ok) throw validationError([parsed.error]);
        creditCostMilli = parsed.milli;
      }
      const view = await aiServices.update(
        request.params.name,
        {
          description: body.description?.trim(),
          creditCostMilli,
          priceCents: body.price_cents,
          isActive: body.is_active,
        },
        actorOf(principalOf(request)),
      );
      return adminServiceJson(view);
    },
  );
};
