import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableCredits, grantCredits } from "../../test/factories/credits.js";
import { createApiToken, createVerifiedUser } from "../../test/factories/customers.js";
import { createTestApp, type TestApp } from "../../test/support/app.js";
import { scriptedService } from "../../test/support/scripted-service.js";
import { expectProblem } from "../../test/support/problems.js";
import { signIn } from "../../test/support/sessions.js";
import { pressPay } from "../../test/support/shop.js";
import { samplePng } from "../core/sample-images.js";
import { fixedClock } from "../platform/clock.js";
import { prices, products } from "../payments/catalog.table.js";
import { requestLogs } from "../usage/request-logs.table.js";
import { requireFeature } from "./entitlements.routes.js";

const redisUrl = process.env["TEST_REDIS_URL"] === "" ? undefined : process.env["TEST_REDIS_URL"];

const START = new Date("2026-03-10T12:00:00Z");
const ENV = {
  RATE_LIMIT_ENABLED: "true",
  RATE_LIMIT_SOLVE: "2/minute",
  BILLING_SYNC_SOFT_STALE_SECONDS: "3600",
  BILLING_SYNC_HARD_TTL_SECONDS: "86400",
};
/** Pro's requests_per_minute in these tests: small, and above RATE_LIMIT_SOLVE's 2. */
const PRO_PER_MINUTE = 3;

interface Entitlements {
  plan: { id: string | null; slug: string; name: string };
  feature_keys: string[];
  limits: Record<string, number | null>;
  rate_limit: { enabled: boolean; max: number; window_seconds: number };
  usage_this_period: {
    period_start: string;
    period_end: string;
    tokens: number;
    requests: number;
    posts: number;
    workspaces: number;
    members: number;
  };
}

/** An LLM-like service: each call reports 60 tokens (no built-in service reports tokens). */
const TOKEN_SERVICE = "test.tokens";

/** The default plans, Pro's requests_per_minute lowered by staff through the admin API. */
async function appWithPlans(
  clock: ReturnType<typeof fixedClock>,
  env: Record<string, string>,
  options: { redisKeyPrefix?: string } = {},
) {
  const t = await createTestApp({
    clock,
    env: { ...ENV, ...env },
    aiServices: [scriptedService({ name: TOKEN_SERVICE, creditCost: 1, tokensPerCall: 60 })],
    ...(options.redisKeyPrefix === undefined
      ? {}
      : { appOptions: { rateLimit: { redisKeyPrefix: options.redisKeyPrefix } } }),
    routes: (app) => {
      // Test-only: no route of a later feature exists yet.
      app.get(
        "/api/test/team-members",
        { config: { access: "session_or_bearer" }, preHandler: requireFeature("team_members") },
        async () => ({ ok: true }),
      );
    },
  });
  await t.services.payments.catalog.createDefaults();
  const priceOf: Record<string, string> = {};
  for (const slug of ["pro", "team"]) {
    const [row] = await t.services.db
      .select({ id: prices.id })
      .from(prices)
      .innerJoin(products, eq(products.id, prices.productId))
      .where(and(eq(products.slug, slug), eq(prices.interval, "month")));
    if (row === undefined) throw new Error(`no monthly price for ${slug}`);
    priceOf[slug] = row.id;
  }
  const [pro] = await t.services.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.slug, "pro"));
  const { user: staff } = await createVerifiedUser(t.services.db, { isStaff: true });
  const patched = await t.app.inject({
    method: "PATCH",
    url: `/api/admin/catalog/products/${pro?.id ?? ""}`,
    headers: (await signIn(t, staff.id)).headers,
    payload: {
      limits: {
        tokens_per_month: 5_000,
        posts_per_month: 100,
        workspaces: 3,
        members: 1,
        requests_per_minute: PRO_PER_MINUTE,
      },
    },
  });
  expect(patched.statusCode).toBe(200);

  /** A new account, subscribed to `slug` through the local provider's checkout when given. */
  async function account(slug?: "pro" | "team") {
    clock.set(START);
    const { user } = await createVerifiedUser(t.services.db);
    const { headers } = await signIn(t, user.id);
    if (slug !== undefined) {
      const checkout = await t.app.inject({
        method: "POST",
        url: "/api/account/subscriptions/checkout",
        headers,
        payload: { price_id: priceOf[slug] },
      });
      expect(checkout.statusCode).toBe(201);
      const url = checkout.json<{ checkout_url: string }>().checkout_url;
      expect((await pressPay(t, new URL(url).pathname)).statusCode).toBe(303);
    }
    return { userId: user.id, headers };
  }
  return { t, account };
}

function solve(t: TestApp, token: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/core/solve",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
    payload: samplePng(2, 2),
  });
}

function run(t: TestApp, token: string, service: string, input: Record<string, unknown>) {
  return t.app.inject({
    method: "POST",
    url: `/api/services/${service}/run`,
    headers: { authorization: `Bearer ${token}` },
    payload: { input },
  });
}

/** Free gets RATE_LIMIT_SOLVE (2/minute), Pro its plan's 3, on solve and on services run. */
function perTierRateLimits(context: () => Awaited<ReturnType<typeof appWithPlans>>) {
  it("limits solve and services run per token at the caller's plan's requests_per_minute", async () => {
    const { t, account } = context();
    for (const [slug, limit] of [
      [undefined, 2],
      ["pro", PRO_PER_MINUTE],
    ] as const) {
      const { userId } = await account(slug);
      const calls = [
        (token: string) => solve(t, token),
        (token: string) => run(t, token, "demo_free_service", { message: "hi" }),
      ];
      for (const call of calls) {
        const { token } = await createApiToken(t, userId, randomUUID());
        for (let i = 0; i < limit; i++) expect((await call(token)).statusCode).toBe(200);
        const limited = await call(token);
        expectProblem(limited, 429, "rate_limited");
        expect(limited.headers["x-ratelimit-limit"]).toBe(String(limit));
        const retryAfter = Number(limited.headers["retry-after"]);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
    }
  });
}

describe("entitlements and limits", () => {
  const clock = fixedClock(START);
  let context: Awaited<ReturnType<typeof appWithPlans>>;
  beforeAll(async () => {
    context = await appWithPlans(clock, {});
  });
  afterAll(async () => context.t.close());

  async function entitlementsOf(headers: Record<string, string>) {
    const reply = await context.t.app.inject({
      method: "GET",
      url: "/api/account/entitlements",
      headers,
    });
    expect(reply.statusCode).toBe(200);
    return reply.json<Entitlements>();
  }

  it("shows Free's features, limits and this calendar month's usage to an account without a plan", async () => {
    const { t, account } = context;
    const { userId, headers } = await account();
    const { token } = await createApiToken(t, userId);
    await grantCredits(t.services, userId, 10);
    expect((await run(t, token, TOKEN_SERVICE, { n: 1 })).statusCode).toBe(200);
    expect(await entitlementsOf(headers)).toEqual({
      plan: { id: expect.any(String) as string, slug: "free", name: "Free" },
      feature_keys: [],
      limits: {
        tokens_per_month: 100,
        posts_per_month: 5,
        workspaces: 1,
        members: 1,
        // Free's own is null: RATE_LIMIT_SOLVE (2/minute) applies.
        requests_per_minute: 2,
      },
      rate_limit: { enabled: true, max: 2, window_seconds: 60 },
      usage_this_period: {
        period_start: "2026-03-01T00:00:00.000Z",
        period_end: "2026-04-01T00:00:00.000Z",
        tokens: 60,
        requests: 1,
        posts: 0,
        workspaces: 0,
        members: 1,
      },
    });
    expect(
      (await t.app.inject({ method: "GET", url: "/api/account/entitlements" })).statusCode,
    ).toBe(401);
  });

  it("shows a paid plan's with the subscription's period, and Free's once it is hard stale", async () => {
    const { t, account } = context;
    const { userId, headers } = await account("pro");
    const pro = await entitlementsOf(headers);
    expect(pro).toMatchObject({
      plan: { slug: "pro", name: "Pro" },
      feature_keys: ["priority_support"],
      limits: {
        tokens_per_month: 5_000,
        posts_per_month: 100,
        workspaces: 3,
        members: 1,
        requests_per_minute: PRO_PER_MINUTE,
      },
      rate_limit: { enabled: true, max: PRO_PER_MINUTE, window_seconds: 60 },
      usage_this_period: {
        period_start: START.toISOString(),
        period_end: "2026-04-10T12:00:00.000Z",
        tokens: 0,
        requests: 0,
      },
    });

    // A day past the period's end with no news from the provider (BILLING_SYNC_HARD_TTL_SECONDS).
    clock.set(new Date("2026-04-11T12:00:01Z"));
    const stale = await entitlementsOf((await signIn(t, userId)).headers);
    expect(stale).toMatchObject({
      plan: { slug: "free" },
      feature_keys: [],
      limits: { tokens_per_month: 100, requests_per_minute: 2 },
      usage_this_period: {
        period_start: "2026-04-01T00:00:00.000Z",
        period_end: "2026-05-01T00:00:00.000Z",
      },
    });
  });

  it("refuses a token-reporting service with 402 plan_limit_exceeded once the period's tokens reach the plan's limit", async () => {
    const { t, account } = context;
    const { userId, headers } = await account();
    const { token } = await createApiToken(t, userId);
    await grantCredits(t.services, userId, 10);

    // Free allows 100 tokens: the check is before the call, so the second call may pass it.
    for (let i = 0; i < 2; i++) {
      expect((await run(t, token, TOKEN_SERVICE, { n: 1 })).statusCode).toBe(200);
    }
    const logs = () =>
      t.services.db
        .select({ tokens: requestLogs.tokensUsed, service: requestLogs.service })
        .from(requestLogs)
        .where(eq(requestLogs.userId, userId));
    expect(await logs()).toEqual([
      { tokens: 60, service: TOKEN_SERVICE },
      { tokens: 60, service: TOKEN_SERVICE },
    ]);
    expect(await availableCredits(t.services, userId)).toBe(8);

    // Another token: the first one has used RATE_LIMIT_SOLVE's 2 calls this minute.
    const { token: second } = await createApiToken(t, userId, "second");
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/services/${TOKEN_SERVICE}/run`,
      headers: { authorization: `Bearer ${second}`, "idempotency-key": "over-the-limit" },
      payload: { input: { n: 1 } },
    });
    const problem = expectProblem(refused, 402, "plan_limit_exceeded");
    expect(problem).toMatchObject({
      limit: 100,
      used: 120,
      plan: "free",
      period_end: "2026-04-01T00:00:00.000Z",
    });
    // Not run, logged or charged.
    expect(await logs()).toHaveLength(2);
    expect(await availableCredits(t.services, userId)).toBe(8);
    expect((await entitlementsOf(headers)).usage_this_period).toMatchObject({
      tokens: 120,
      requests: 2,
    });

    // A service that reports no tokens still runs.
    expect((await run(t, second, "demo_free_service", { message: "hi" })).statusCode).toBe(200);
    expect(await logs()).toContainEqual({ tokens: null, service: "demo_free_service" });
  });

  it("guards a route with requireFeature: 403 feature_not_in_plan naming the plans that have it", async () => {
    const { t, account } = context;
    const guarded = (headers: Record<string, string>) =>
      t.app.inject({ method: "GET", url: "/api/test/team-members", headers });

    for (const slug of [undefined, "pro"] as const) {
      const { headers } = await account(slug);
      const refused = expectProblem(await guarded(headers), 403, "feature_not_in_plan");
      expect(refused).toMatchObject({
        feature: "team_members",
        plan: slug ?? "free",
        plans: ["team"],
      });
    }
    const team = await account("team");
    const allowed = await guarded(team.headers);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toEqual({ ok: true });
    expect((await guarded({})).statusCode).toBe(401);
  });

  perTierRateLimits(() => context);
});

describe.skipIf(redisUrl === undefined)("per-tier rate limits in Redis", () => {
  const clock = fixedClock(START);
  const prefix = `tollgate:rl:test:${randomUUID()}:`;
  let context: Awaited<ReturnType<typeof appWithPlans>>;
  beforeAll(async () => {
    context = await appWithPlans(clock, { REDIS_URL: redisUrl ?? "" }, { redisKeyPrefix: prefix });
  });
  afterAll(async () => {
    await context.t.close();
    const redis = new Redis(redisUrl ?? "");
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    redis.disconnect();
  });

  perTierRateLimits(() => context);
});
