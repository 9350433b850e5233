import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { parseCredits, type Millicredits } from "../credits/credit-amounts.js";
import { principalOf } from "../platform/auth.js";
import { validationError } from "../platform/errors.js";
import { problems } from "../platform/problem.js";
import {
  AdminPrice,
  AdminProduct,
  adminPriceJson,
  adminProductJson,
  IntervalSchema,
  ProductKindSchema,
  SyncReportSchema,
} from "./catalog.schemas.js";
import { Slug } from "./catalog.routes.js";

const Id = Type.Object({ id: Type.String({ format: "uuid" }) });

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" }),
  slug: Slug,
  description: Type.String({ maxLength: 5000 }),
  credit_amount: Type.Union([
    Type.Number({ description: "Credits, at most 3 decimals; > 0" }),
    Type.Null(),
  ]),
  feature_keys: Type.Array(Type.String({ pattern: "^[a-z0-9_.:-]{1,64}$" }), {
    maxItems: 100,
    uniqueItems: true,
  }),
  limits: Type.Record(
    Type.String({ pattern: "^[a-z0-9_]{1,64}$" }),
    Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    { maxProperties: 50 },
  ),
  rollover_credits: Type.Boolean(),
  display_order: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
  is_active: Type.Boolean(),
};

const ProductCreate = Type.Object(
  {
    name: editable.name,
    slug: editable.slug,
    kind: ProductKindSchema,
    description: Type.Optional(editable.description),
    credit_amount: Type.Optional(editable.credit_amount),
    feature_keys: Type.Optional(editable.feature_keys),
    limits: Type.Optional(editable.limits),
    rollover_credits: Type.Optional(editable.rollover_credits),
    display_order: Type.Optional(editable.display_order),
    is_active: Type.Optional(editable.is_active),
  },
  { additionalProperties: false },
);

const ProductPatchBody = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});

const PriceCreate = Type.Object(
  {
    unit_amount_cents: Type.Integer({ minimum: 0, maximum: 99_999_999 }),
    currency: Type.String({ pattern: "^[a-z]{3}$", description: "ISO 4217, lower-case" }),
    interval: Type.Optional(IntervalSchema),
    is_default: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const PricePatchBody = Type.Object(
  { is_active: Type.Optional(Type.Boolean()), is_default: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

/** A credit amount from the body as millicredits (null stays null), or a 400. */
function creditAmountOf(value: number | null | undefined): Millicredits | null | undefined {
  if (value === undefined || value === null) return value;
  const parsed = parseCredits("credit_amount", value);
  if (!parsed.ok) throw validationError([parsed.error]);
  return parsed.milli;
}

/** Staff: the product catalog (products, prices). */
export const catalogAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { catalog } = app.services.payments;

  app.get(
    "/api/admin/catalog/products",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllProducts",
        tags: ["admin"],
        summary: "Every product with every price, active or not (staff)",
        description:
          "The whole catalog in one answer (it holds dozens of products, not thousands), by " +
          "display order; kind and is_active narrow it.",
        querystring: Type.Object({
          kind: Type.Optional(ProductKindSchema),
          is_active: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ results: Type.Array(AdminProduct) }), ...problems(400) },
      },
    },
    async (request) => {
      const { kind, is_active: isActive } = request.query;
      const found = await catalog.listAll({
        ...(kind === undefined ? {} : { kind }),
        ...(isActive === undefined ? {} : { isActive }),
      });
      return { results: found.map(adminProductJson) };
    },
  );

  app.post(
    "/api/admin/catalog/products",
    {
      config: { access: "staff" },
      schema: {
        operationId: "createProduct",
        tags: ["admin"],
        summary: "Create a product (staff; audited)",
        description:
          "A credit pack (kind credits) needs credit_amount. A plan (kind subscription) gives " +
          "credit_amount each period; its limits are tokens_per_month, posts_per_month, " +
          "workspaces, members and requests_per_minute (null = unlimited; other keys are 400 " +
          "unknown_limit); rollover_credits only on plans. 409 slug_taken.",
        body: ProductCreate,
        response: { 201: AdminProduct, ...problems(409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const product = await catalog.createProduct(
        {
          name: body.name.trim(),
          slug: body.slug,
          description: body.description ?? "",
          kind: body.kind,
          creditAmount: creditAmountOf(body.credit_amount) ?? null,
          featureKeys: body.feature_keys ?? [],
          limits: body.limits ?? {},
          rolloverCredits: body.rollover_credits ?? false,
          displayOrder: body.display_order ?? 0,
          isActive: body.is_active ?? true,
        },
        actorOf(principalOf(request)),
      );
      return reply.status(201).send(adminProductJson(product));
    },
  );

  app.patch(
    "/api/admin/catalog/products/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "updateProduct",
        tags: ["admin"],
        summary: "Change a product (staff; audited); its kind never changes",
        params: Id,
        body: ProductPatchBody,
        response: { 200: AdminProduct, ...problems(404, 409) },
      },
    },
    async (request) => {
      const body = request.body;
      const creditAmount = creditAmountOf(body.credit_amount);
      const product = await catalog.updateProduct(
        request.params.id.toLowerCase(),
        {
          ...(body.name === undefined ? {} : { name: body.name.trim() }),
          ...(body.slug === undefined ? {} : { slug: body.slug }),
          ...(body.description === undefined ? {} : { description: body.description }),
          ...(creditAmount === undefined ? {} : { creditAmount }),
          ...(body.feature_keys === undefined ? {} : { featureKeys: body.feature_keys }),
          ...(body.limits === undefined ? {} : { limits: body.limits }),
          ...(body.rollover_credits === undefined
            ? {}
            : { rolloverCredits: body.rollover_credits }),
          ...(body.display_order === undefined ? {} : { displayOrder: body.display_order }),
          ...(body.is_active === undefined ? {} : { isActive: body.is_active }),
        },
        actorOf(principalOf(request)),
      );
      return adminProductJson(product);
    },
  );

  app.post(
    "/api/admin/catalog/products/:id/prices",
    {
      config: { access: "staff" },
      schema: {
        operationId: "createPrice",
        tags: ["admin"],
        summary: "Add a price to a product (staff; audited)",
        description:
          "A new default price replaces the product's current default. A plan's price recurs " +
          "(month or year), any other product's is one_time (else 400 invalid_for_kind).",
        params: Id,
        body: PriceCreate,
        response: { 201: AdminPrice, ...problems(404) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const price = await catalog.addPrice(
        request.params.id.toLowerCase(),
        {
          unitAmountCents: body.unit_amount_cents,
          currency: body.currency,
          interval: body.interval ?? "one_time",
          isDefault: body.is_default ?? false,
        },
        actorOf(principalOf(request)),
      );
      return reply.status(201).send(adminPriceJson(price));
    },
  );

  app.patch(
    "/api/admin/catalog/prices/:id",
    {
      config: { access: "staff" },
      schema: {
        operationId: "updatePrice",
        tags: ["admin"],
        summary: "Activate, deactivate or make default a price (staff; audited)",
        description:
          "Amounts never change (orders point at prices): add a new price instead. A default " +
          "price that becomes active replaces the product's other default.",
        params: Id,
        body: PricePatchBody,
        response: { 200: AdminPrice, ...problems(404) },
      },
    },
    async (request) => {
      const body = request.body;
      const price = await catalog.updatePrice(
        request.params.id.toLowerCase(),
        {
          ...(body.is_active === undefined ? {} : { isActive: body.is_active }),
          ...(body.is_default === undefined ? {} : { isDefault: body.is_default }),
        },
        actorOf(principalOf(request)),
      );
      return adminPriceJson(price);
    },
  );

  app.post(
    "/api/admin/catalog/sync",
    {
      config: { access: "staff" },
      schema: {
        operationId: "syncCatalog",
        tags: ["admin"],
        summary: "Import products and prices from Stripe, the source of truth (staff; audited)",
        description:
          "Creates what is new, updates what changed and deactivates what Stripe no longer has, " +
          "in one transaction; a second run changes nothing. Tollgate's fields live in each " +
          "Stripe product's metadata (tollgate_kind, tollgate_credit_amount, tollgate_slug, " +
          "tollgate_feature_keys, tollgate_display_order). 409 provider_not_configured without Stripe.",
        response: { 200: SyncReportSchema, ...problems(409, 502) },
      },
    },
    async (request) => catalog.syncFromProvider(actorOf(principalOf(request))),
  );
};
