import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { toCredits } from "../credits/credit-amounts.js";
import { Credits } from "../credits/credits.schemas.js";
import { problems } from "../platform/problem.js";
import { AdminRequestLogItem, adminRequestLogJson } from "../usage/usage.schemas.js";
import type { WindowTotals } from "./stats.queries.js";
import { MAX_WINDOW_DAYS, type DayWindow } from "./stats.service.js";

const Day = Type.String({ format: "date", description: "YYYY-MM-DD (UTC)" });

const Totals = Type.Object({
  from: Day,
  to: { ...Day, description: "Last day, inclusive" },
  requests: Type.Integer({ description: "Logged requests, failed ones included" }),
  errors: Type.Integer(),
  error_rate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: "errors / requests; null without requests",
  }),
  revenue_cents: Type.Integer({
    description: "Collected: the paid amounts of the periods marked paid in the window",
  }),
  credits_granted: Credits("Credits granted (grants and staff adjustments that add credits)"),
  credits_consumed: Credits("Credits calls spent, net of what was released and refunded"),
  active_users: Type.Integer({ description: "Distinct users with a logged request" }),
});

function totalsJson(totals: DayWindow & WindowTotals) {
  return {
    from: totals.from,
    to: totals.to,
    requests: totals.requests,
    errors: totals.errors,
    error_rate: totals.requests === 0 ? null : totals.errors / totals.requests,
    revenue_cents: totals.revenueCents,
    credits_granted: toCredits(totals.creditsGrantedMilli),
    credits_consumed: toCredits(totals.creditsConsumedMilli),
    active_users: totals.activeUsers,
  };
}

const Stats = Type.Object({
  window: Totals,
  today: Totals,
  open_overdue_periods: Type.Integer({ description: "Periods overdue now, whatever the window" }),
  series: Type.Object(
    {
      from: Day,
      to: Day,
      days: Type.Array(
        Type.Object({
          day: Day,
          requests: Type.Integer(),
          requests_by_service: Type.Record(Type.String(), Type.Integer(), {
            description: "Requests per service that day; services without any are left out",
          }),
          revenue_cents: Type.Integer(),
        }),
      ),
    },
    { description: "Today and the 29 days before, one entry a day, whatever the window" },
  ),
  latest_errors: Type.Array(AdminRequestLogItem, {
    description: "The window's 10 latest failed requests, newest first",
  }),
});

/** Staff: the dashboard's figures in one call, aggregated by the database. */
export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { stats } = app.services;

  app.get(
    "/api/admin/stats",
    {
      config: { access: "staff" },
      schema: {
        operationId: "getAdminStats",
        tags: ["admin"],
        summary: "Dashboard figures (staff): totals for a window and today, 30 days by day",
        description:
          `\`from\` and \`to\` are UTC days, inclusive, both or neither (default: this month so ` +
          `far), at most ${String(MAX_WINDOW_DAYS)} days apart.`,
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }),
        response: { 200: Stats, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const figures = await stats.stats(request.query);
      return {
        window: totalsJson(figures.window),
        today: totalsJson(figures.today),
        open_overdue_periods: figures.openOverduePeriods,
        series: {
          from: figures.series.from,
          to: figures.series.to,
          days: figures.series.days.map((day) => ({
            day: day.day,
            requests: day.requests,
            requests_by_service: day.requestsByService,
            revenue_cents: day.revenueCents,
          })),
        },
        latest_errors: figures.latestErrors.map(adminRequestLogJson),
      };
    },
  );
};
