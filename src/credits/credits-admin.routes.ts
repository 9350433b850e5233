import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../audit/audit.queries.js";
import { principalOf } from "../platform/auth.js";
import { validationError } from "../platform/errors.js";
import { PageQuery, Paginated, toPage } from "../platform/pagination.js";
import { problems } from "../platform/problem.js";
import { parseCredits, toCredits } from "./credit-amounts.js";
import { Balance, balanceJson, transactionJson } from "./credits.routes.js";
import { CreditEntryTypeSchema, CreditTransaction, Credits } from "./credits.schemas.js";
import type { EntryWithEmail } from "./entries.queries.js";

const AdminTransaction = Type.Object({
  ...CreditTransaction.properties,
  user: Type.Object({ id: Type.String({ format: "uuid" }), email: Type.String() }),
  actor_id: Type.Union([Type.String({ format: "uuid" }), Type.Null()]),
});

function adminTransactionJson(entry: EntryWithEmail) {
  return {
    ...transactionJson(entry),
    user: { id: entry.userId, email: entry.userEmail },
    actor_id: entry.actorId,
  };
}

const Adjustment = Type.Object(
  {
    amount: Type.Number({
      description:
        "Credits (at most 3 decimals): positive grants, negative takes available credits away",
    }),
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: "\\S" }),
    kind: Type.Optional(
      Type.Union([Type.Literal("payg"), Type.Literal("adjustment")], {
        description: "Kind of the credits a positive amount grants (default adjustment)",
      }),
    ),
    expires_at: Type.Optional(
      Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
        description: "When a positive amount's credits expire; null or absent: never",
      }),
    ),
  },
  { additionalProperties: false },
);

/** Staff: credit adjustments and every account's journal. */
export const creditsAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { credits, clock } = app.services;

  app.post(
    "/api/admin/users/:id/credits",
    {
      config: { access: "staff" },
      schema: {
        operationId: "adjustCredits",
        tags: ["admin"],
        summary: "Grant or take away a user's credits, with a reason (staff)",
        description:
          "A positive amount adds a grant (kind adjustment unless told payg); a negative one " +
          "takes live credits away in spend order and is refused with 409 insufficient_credits " +
          "past them. Recorded in the credit journal and the audit log.",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        body: Adjustment,
        response: {
          201: Type.Object({
            user_id: Type.String({ format: "uuid" }),
            amount: Credits(),
            balance: Balance,
          }),
          ...problems(404, 409),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const parsed = parseCredits("amount", body.amount, { allowNegative: true });
      const errors = parsed.ok ? [] : [parsed.error];
      const expiresAt =
        body.expires_at === undefined || body.expires_at === null
          ? null
          : new Date(body.expires_at);
      if (expiresAt !== null && expiresAt <= clock.now()) {
        errors.push({
          field: "expires_at",
          code: "out_of_range",
          message: "Must be in the future.",
        });
      }
      if (parsed.ok && parsed.milli < 0 && (body.kind !== undefined || expiresAt !== null)) {
        errors.push({
          field: body.kind === undefined ? "expires_at" : "kind",
          code: "not_applicable",
          message: "Only a positive amount (a grant) takes a kind and an expiry.",
        });
      }
      if (!parsed.ok || errors.length > 0) throw validationError(errors);
      const userId = request.params.id.toLowerCase();
      await credits.adjust({
        userId,
        amount: parsed.milli,
        reason: body.reason.trim(),
        ...(body.kind === undefined ? {} : { kind: body.kind }),
        expiresAt,
        actor: actorOf(principalOf(request)),
      });
      return reply.status(201).send({
        user_id: userId,
        amount: toCredits(parsed.milli),
        balance: balanceJson(await credits.balance(userId)),
      });
    },
  );

  app.get(
    "/api/admin/users/:id/credits",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getUserCreditBalance",
        tags: ["admin"],
        summary:
          "A user's credits by kind, what calls in progress hold, and the next expiry (staff)",
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: Balance, ...problems(404) },
      },
    },
    async (request) => balanceJson(await credits.balance(request.params.id.toLowerCase())),
  );

  app.get(
    "/api/admin/credits/transactions",
    {
      config: { access: "staff" },
      schema: {
        operationId: "listAllCreditTransactions",
        tags: ["admin"],
        summary: "Every account's credit journal, newest first (staff)",
        querystring: Type.Object({
          user: Type.Optional(Type.String({ format: "uuid", description: "Only this user's" })),
          type: Type.Optional(CreditEntryTypeSchema),
          ...PageQuery.properties,
        }),
        response: { 200: Paginated(AdminTransaction), ...problems(404) },
      },
    },
    async (request) => {
      const listed = await credits.listAllTransactions({
        userId: request.query.user?.toLowerCase(),
        type: request.query.type,
        page: request.query.page,
      });
      return toPage(request, listed, adminTransactionJson);
    },
  );
};
