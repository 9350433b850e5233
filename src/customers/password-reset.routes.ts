import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { problems } from "../platform/problem.js";
import { clientMetaOf } from "./security-log.js";

const tags = ["customers"];

/** Forgotten passwords: an emailed single-use link, then a new password with its token. */
export const passwordResetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { passwordReset } = app.services.customers;

  app.post(
    "/api/customers/password/reset",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "requestPasswordReset",
        tags,
        summary: "Email a password reset link (always 202, whether or not the account exists)",
        description:
          "An active, verified account gets a link to PUBLIC_BASE_URL/reset-password?token=… that " +
          "works once, until PASSWORD_RESET_TTL_MINUTES; a newer request voids older links. At " +
          "most 3 emails per address an hour: beyond that the answer is the same and nothing is sent.",
        body: Type.Object(
          { email: Type.String({ format: "email", maxLength: 254 }) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ detail: Type.String() }), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await passwordReset.requestReset({
        email: request.body.email,
        client: clientMetaOf(request),
      });
      return reply
        .status(202)
        .send({ detail: "If an account with this email exists, a reset link was sent to it." });
    },
  );

  app.post(
    "/api/customers/password/reset/confirm",
    {
      config: { access: "public", rateLimitGroup: "auth" },
      schema: {
        operationId: "confirmPasswordReset",
        tags,
        summary: "Set a new password with the emailed token; every session of the user ends",
        description:
          "Ends every session and JWT refresh token of the user and lifts a lockout. API tokens " +
          "stay valid.",
        body: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 200 }),
            new_password: Type.String({ minLength: 1, maxLength: 1024 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null({ description: "No content" }), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await passwordReset.confirmReset({
        token: request.body.token,
        newPassword: request.body.new_password,
        client: clientMetaOf(request),
      });
      return reply.status(204).send(null);
    },
  );
};
