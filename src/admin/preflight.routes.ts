import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { principalOf } from "../platform/auth.js";
import { problems } from "../platform/problem.js";

const Status = Type.Union([Type.Literal("ok"), Type.Literal("warn"), Type.Literal("fail")]);

const Check = Type.Object({
  name: Type.String({
    description:
      "e.g. database, migrations, email, ai_provider, redis, job.credit_expiry, deployment",
  }),
  status: Status,
  detail: Type.String({ description: "One line: what the check found" }),
  fix: Type.Union([Type.String(), Type.Null()], {
    description: "One line: what to do about it; null when ok",
  }),
});

const Report = Type.Object({
  status: { ...Status, description: "The worst status of any check" },
  checked_at: Type.String({ format: "date-time" }),
  checks: Type.Array(Check),
});

const TestEmail = Type.Object({
  sent: Type.Literal(true),
  to: Type.String({ description: "The calling staff member's email" }),
  transport: Type.Union([Type.Literal("smtp"), Type.Literal("outbox")], {
    description: "outbox: no EMAIL_HOST, so the message was written to DATA_DIR/outbox/",
  }),
});

/** Staff: is this deployment ready to serve? One call runs every check. */
export const preflightRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { preflight } = app.services;

  app.get(
    "/api/admin/preflight",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getAdminPreflight",
        tags: ["admin"],
        summary: "Readiness checks (staff): database, migrations, email, AI provider, Redis, jobs",
        description:
          "Each check is ok, warn or fail with a one-line detail and fix; `status` is the worst. " +
          "Sends nothing: `POST /api/admin/preflight/test-email` sends a test message.",
        response: { 200: Report, ...problems(401, 403) },
      },
    },
    async () => {
      const report = await preflight.run();
      return {
        status: report.status,
        checked_at: report.checkedAt.toISOString(),
        checks: report.checks.map((check) => ({
          name: check.name,
          status: check.status,
          detail: check.detail,
          fix: check.fix,
        })),
      };
    },
  );

  app.post(
    "/api/admin/preflight/test-email",
    {
      config: { access: "staff" },
      schema: {
        operationId: "sendAdminTestEmail",
        tags: ["admin"],
        summary: "Send a test email to the calling staff member (staff)",
        description:
          "Through the server's own mailer. `502 email_send_failed` when the mail server " +
          "refuses the message or cannot be reached; the detail says what it answered.",
        response: { 200: TestEmail, ...problems(401, 403, 502) },
      },
    },
    async (request) => {
      const result = await preflight.sendTestEmail(principalOf(request).email);
      return { sent: true as const, to: result.to, transport: result.transport };
    },
  );
};
