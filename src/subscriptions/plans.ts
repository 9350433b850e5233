/**
 * Plans are catalog products of kind `subscription`: credits per period (`credit_amount`),
 * `limits` (null = unlimited), `feature_keys` and `rollover_credits`.
 */

/** The limits a plan may set; any other key is refused (a typo would silently mean "unlimited"). */
export const PLAN_LIMIT_KEYS = [
  "tokens_per_month",
  "posts_per_month",
  "workspaces",
  "members",
  "requests_per_minute",
] as const;
export type PlanLimitKey = (typeof PLAN_LIMIT_KEYS)[number];
export type PlanLimits = Record<PlanLimitKey, number | null>;

export interface DefaultPlan {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** Whole credits per period; null for Free, which gives none. */
  readonly credits: number | null;
  readonly monthlyCents: number;
  readonly limits: PlanLimits;
  readonly featureKeys: readonly string[];
  readonly order: number;
}

/** The slug of the plan every account without a paid subscription is on. */
export const FREE_PLAN_SLUG = "free";

/**
 * The seed's plans (CaaS): Free $0 / Pro $29 / Team $99 a month with its monthly limits;
 * Pro and Team give 5,000 and 20,000 credits a month. Free's `requests_per_minute` is null:
 * `RATE_LIMIT_SOLVE` applies, as it did before plans; paid plans allow more.
 */
export const DEFAULT_PLANS: readonly DefaultPlan[] = [
  {
    slug: FREE_PLAN_SLUG,
    name: "Free",
    description: "Try every service within small monthly limits.",
    credits: null,
    monthlyCents: 0,
    limits: {
      tokens_per_month: 100,
      posts_per_month: 5,
      workspaces: 1,
      members: 1,
      requests_per_minute: null,
    },
    featureKeys: [],
    order: 100,
  },
  {
    slug: "pro",
    name: "Pro",
    description: "5,000 credits a month; they expire at the end of each period.",
    credits: 5_000,
    monthlyCents: 2_900,
    limits: {
      tokens_per_month: 5_000,
      posts_per_month: 100,
      workspaces: 3,
      members: 1,
      requests_per_minute: 120,
    },
    featureKeys: ["priority_support"],
    order: 110,
  },
  {
    slug: "team",
    name: "Team",
    description: "20,000 credits a month for a team of up to ten.",
    credits: 20_000,
    monthlyCents: 9_900,
    limits: {
      tokens_per_month: 20_000,
      posts_per_month: null,
      workspaces: 10,
      members: 10,
      requests_per_minute: 600,
    },
    featureKeys: ["priority_support", "team_members"],
    order: 120,
  },
];
