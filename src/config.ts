import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { pino } from "pino";

/** Every setting Tollgate reads, parsed once from the environment. Nothing else reads process.env. */
export interface Config {
  readonly secretKey: string;
  /** Where the secret key came from; "generated" means it was made and stored in DATA_DIR. */
  readonly secretKeySource: "env" | "generated" | "default";
  readonly debug: boolean;
  readonly logLevel: string;
  readonly databaseUrl: string | undefined;
  /**
   * Seconds to wait for a PostgreSQL connection (a new one, or a free one from the pool) before
   * the request is answered 503 database_unavailable; bounds how long requests hang in an outage.
   */
  readonly databaseConnectTimeoutS: number;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /**
   * Which X-Forwarded-For hops to believe for the client IP (per-IP rate limits and throttles):
   * false (none), true (all), a hop count, or a list of proxy addresses/CIDRs.
   */
  readonly trustProxy: boolean | number | readonly string[];
  readonly publicBaseUrl: string;
  /** Lower-cased host names (no port); ["*"] allows any. */
  readonly allowedHosts: readonly string[];
  readonly corsAllowedOrigins: readonly string[];
  /**
   * Origins besides this site's own whose unsafe session requests pass the CSRF origin check:
   * `scheme://host[:port]`, or `scheme://*.domain[:port]` for the domain and its subdomains.
   */
  readonly csrfTrustedOrigins: readonly string[];
  /**
   * Strict-Transport-Security max-age in seconds; 0 sends none. Always 0 unless PUBLIC_BASE_URL
   * is https.
   */
  readonly hstsSeconds: number;
  readonly email: {
    readonly from: string;
    readonly host: string | undefined;
    readonly port: number;
    readonly user: string | undefined;
    readonly password: string | undefined;
    readonly useTls: boolean;
  };
  readonly openai: {
    readonly apiKey: string | undefined;
    readonly baseUrl: string;
    readonly model: string;
    readonly timeoutS: number;
    readonly prompt: string;
  };
  /** Price of one successful metered request, in cents; seeds core_settings on first use. */
  readonly costPerRequestCents: number;
  /** Largest accepted upload on /api/core/solve, in bytes. */
  readonly solveMaxBytes: number;
  readonly redisUrl: string | undefined;
  readonly rateLimit: {
    readonly enabled: boolean;
    readonly solve: RateLimitRule;
    readonly auth: RateLimitRule;
  };
  /** Days after a period ends before mark-overdue-periods marks it overdue. */
  readonly paymentGraceDays: number;
  readonly credits: {
    /** Granted once at email verification, in millicredits; 0 turns trial credits off. */
    readonly trialMilli: number;
    /** Trial credits expire this many days after they were granted; undefined: never. */
    readonly trialDays: number | undefined;
    /**
     * Seconds a reservation (and an Idempotency-Key's in-flight claim) lives: longer than any
     * request runs, so only a request that died leaves one behind for the sweep.
     */
    readonly reservationTtlS: number;
    /**
     * A call may run before its credits are held when the account's recent balance covers it
     * this many times over (optimistic-admission.ts); 0: every call is reserved for first.
     */
    readonly optimisticMarginCalls: number;
  };
  readonly accountSecurity: {
    /** "invite" (the contract: an invite code is required) or "open" (anyone may register). */
    readonly registrationMode: "invite" | "open";
    readonly passwordResetTtlMinutes: number;
    /** Consecutive failed logins that lock an account. */
    readonly lockoutThreshold: number;
    readonly lockoutMinutes: number;
  };
  readonly jwt: {
    readonly secretKey: string;
    /** "derived" means made from SECRET_KEY; check --deploy asks for a key of its own. */
    readonly secretKeySource: "env" | "derived";
    readonly issuer: string;
    readonly audience: string;
    readonly accessTokenMinutes: number;
    readonly refreshTokenMinutes: number;
  };
  readonly payments: {
    /** Set when STRIPE_SECRET_KEY is: Stripe takes the payments; unset: the local provider. */
    readonly stripe: StripeConfig | undefined;
    /** Staff may confirm a pending order by hand (local testing only; check --deploy refuses it). */
    readonly orderConfirmAllowManual: boolean;
    /** Largest digital-product asset staff may upload, in bytes. */
    readonly assetMaxBytes: number;
    /** Downloads a paid digital order allows per asset. */
    readonly downloadMaxCount: number;
    /** Days after the payment a digital order's downloads stay open. */
    readonly downloadTtlDays: number;
  };
  /** How long a subscription's projection is trusted without news from the provider. */
  readonly billingSync: {
    /** Seconds past the period end without a sync before the status carries the warning. */
    readonly softStaleSeconds: number;
    /** Seconds past the period end without a sync before paid entitlements are withheld. */
    readonly hardTtlSeconds: number;
    readonly softWarningMessage: string;
    readonly hardBlockMessage: string;
  };
  /** Password for a non-interactive `createsuperuser --email`. */
  readonly superuserPassword: string | undefined;
  /** What the customer portal calls the product and says about it (GET /api/site). */
  readonly site: {
    readonly name: string;
    readonly tagline: string;
  };
}

export interface StripeConfig {
  readonly secretKey: string;
  /** The signing secret of the webhook endpoint (`whsec_…`); without it every event is refused. */
  readonly webhookSecret: string | undefined;
  readonly publishableKey: string | undefined;
  /** Another host for the SDK (a fake Stripe in tests); undefined: api.stripe.com. */
  readonly apiBase: string | undefined;
}

export interface RateLimitRule {
  readonly max: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** As written, e.g. "60/minute". */
  readonly text: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Secret keys that are known to the world (our docs and the seed's) and must never reach production. */
export const KNOWN_DEFAULT_SECRET_KEYS: readonly string[] = ["change-me", "changeme", "secret"];

const TRUE_WORDS = new Set(["1", "true", "yes", "on"]);
const FALSE_WORDS = new Set(["0", "false", "no", "off", ""]);
const WINDOW_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === "" ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.env[name]?.trim().toLowerCase();
    if (value === undefined) return fallback;
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    this.problems.push(`${name}: expected a boolean (true/false, 1/0, yes/no), got "${value}"`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return Number(value);
  }

  /** One line of text for people to read: no control characters, at most `maxLength`. */
  text(name: string, fallback: string, maxLength: number): string {
    const value = this.string(name, fallback);
    // eslint-disable-next-line no-control-regex
    if (value.length > maxLength || /[\u0000-\u001f\u007f]/.test(value)) {
      this.problems.push(
        `${name}: expected one line of at most ${maxLength} characters, got "${value.slice(0, 40)}…"`,
      );
      return fallback;
    }
    return value;
  }

  /** Credits with at most 3 decimals, as whole millicredits. */
  millicredits(name: string, fallbackCredits: number, maxCredits: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallbackCredits * 1000;
    if (!/^\d+(\.\d{1,3})?$/.test(value) || Number(value) > maxCredits) {
      this.problems.push(
        `${name}: expected credits from 0 to ${maxCredits} with at most 3 decimals, got "${value}"`,
      );
      return fallbackCredits * 1000;
    }
    return Math.round(Number(value) * 1000);
  }

  list(name: string, fallback: readonly string[]): string[] {
    const value = this.raw(name);
    if (value === undefined) return [...fallback];
    return value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }

  url(name: string, fallback: string, protocols: readonly string[]): string {
    const value = this.raw(name) ?? fallback;
    try {
      const url = new URL(value);
      if (protocols.includes(url.protocol)) return value.replace(/\/+$/, "");
    } catch {
      // reported below
    }
    this.problems.push(
      `${name}: expected a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}, got "${value}"`,
    );
    return fallback;
  }

  choice<T extends string>(name: string, fallback: T, choices: readonly T[]): T {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    const found = choices.find((choice) => choice === value);
    if (found !== undefined) return found;
    this.problems.push(`${name}: expected one of ${choices.join(", ")}, got "${value}"`);
    return fallback;
  }

  optionalUrl(name: string, protocols: readonly string[]): string | undefined {
    return this.raw(name) === undefined ? undefined : this.url(name, "", protocols);
  }

  trustProxy(name: string): boolean | number | string[] {
    const value = this.raw(name);
    if (value === undefined) return false;
    const lower = value.toLowerCase();
    if (TRUE_WORDS.has(lower)) return true;
    if (FALSE_WORDS.has(lower)) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const list = this.list(name, []);
    if (list.every((item) => /^[0-9a-f:.]+(\/\d{1,3})?$/i.test(item))) return list;
    this.problems.push(
      `${name}: expected true/false, a number of proxy hops, or comma-separated proxy IPs/CIDRs, got "${value}"`,
    );
    return false;
  }

  rate(name: string, fallback: string): RateLimitRule {
    const text = this.string(name, fallback);
    const match = /^(\d+)\s*\/\s*(second|minute|hour|day)$/.exec(text);
    const window = match?.[2] === undefined ? undefined : WINDOW_MS[match[2]];
    if (match?.[1] === undefined || window === undefined || Number(match[1]) < 1) {
      this.problems.push(`${name}: expected "<count>/<second|minute|hour|day>", got "${text}"`);
      return this.rateRule(fallback);
    }
    return { max: Number(match[1]), windowMs: window, text };
  }

  private rateRule(text: string): RateLimitRule {
    const [count, unit] = text.split("/");
    return { max: Number(count), windowMs: WINDOW_MS[unit ?? "minute"] ?? 60_000, text };
  }
}

function hostOf(origin: string): string {
  return new URL(origin).hostname.toLowerCase();
}

// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens; underscores
// too, since Docker and Compose service names may have them and they resolve.
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;
// The address part only; quoted local parts and IP literals are not worth their complexity here.
const EMAIL_ADDRESS = /^[^\s@<>()",;:[\]\\]+@([^\s@<>]+)$/;

function isHostname(value: string): boolean {
  return HOSTNAME.test(value);
}

/**
 * `addr@host`, `Name <addr@host>` or `"Name, Inc." <addr@host>` (a quoted name may hold commas and
 * angle brackets), the forms nodemailer and Django's DEFAULT_FROM_EMAIL take. No line breaks
 * anywhere: the value is written into a mail header.
 */
function isFromAddress(value: string): boolean {
  const named = /^(?:"[^"\r\n]*"[ \t]*|[^<>"\r\n]*)<([^<>]+)>$/.exec(value);
  const domain = EMAIL_ADDRESS.exec(named?.[1] ?? value)?.[1];
  return domain !== undefined && isHostname(domain);
}

/**
 * An ALLOWED_HOSTS entry is compared with the request's host name, which never has a scheme,
 * path or port: such an entry could never match, and every request would be refused.
 */
function isAllowedHostPattern(entry: string): boolean {
  if (entry === "*") return true;
  if (entry.startsWith("[") && entry.endsWith("]")) return isIP(entry.slice(1, -1)) === 6;
  const name = entry.startsWith(".") ? entry.slice(1) : entry;
  return isIP(name) === 4 || isHostname(name);
}

/**
 * A CSRF_TRUSTED_ORIGINS entry as a browser serializes an Origin header (lower case, no default
 * port), or undefined when it is not `scheme://host[:port]`: an entry without a scheme, or with a
 * path, could never match. `*.` may lead the host (Django's form for a domain and its subdomains).
 */
function trustedOriginOf(entry: string): string | undefined {
  const match = /^(https?):\/\/(\*\.)?([^/?#@*\\]+)$/i.exec(entry);
  if (match === null) return undefined;
  const [, scheme = "", wildcard = "", host = ""] = match;
  try {
    const url = new URL(`${scheme}://${host}`);
    return `${url.protocol}//${wildcard}${url.host}`;
  } catch {
    return undefined;
  }
}

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export const DEFAULT_SITE_NAME = "Tollgate";
export const DEFAULT_SITE_TAGLINE =
  "AI services behind one API: pay per call with credits or a plan.";

const LOG_LEVELS = [...Object.keys(pino.levels.values), "silent"];

/** Freezes a plain object and everything it holds, so no part of the Config can be changed. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * Parses the environment into a frozen Config. Throws ConfigError listing every bad variable.
 * When SECRET_KEY is unset, a random key is generated once and kept in DATA_DIR/secret_key so
 * sessions and verification links survive restarts (`persistSecretKey: false` keeps it in memory).
 */
export function loadConfig(env: Env, options: { persistSecretKey?: boolean } = {}): Config {
  const read = new EnvReader(env);
  const dataDir = resolve(read.string("DATA_DIR", "./.data"));
  const port = read.int("PORT", 8000, 0, 65535);
  const host = read.string("HOST", "0.0.0.0");
  if (isIP(host) === 0 && !isHostname(host)) {
    read.problems.push(
      `HOST: expected an IP address (0.0.0.0, ::, 127.0.0.1) or a host name, got "${host}"`,
    );
  }
  const publicBaseUrl = read.url("PUBLIC_BASE_URL", `http://localhost:${port}`, [
    "http:",
    "https:",
  ]);
  const databaseUrl = read.optionalUrl("DATABASE_URL", ["postgres:", "postgresql:"]);
  const redisUrl = read.optionalUrl("REDIS_URL", ["redis:", "rediss:"]);
  const corsAllowedOrigins = read.list("CORS_ALLOWED_ORIGINS", []);
  for (const origin of corsAllowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      read.problems.push(
        `CORS_ALLOWED_ORIGINS: expected comma-separated origins like http://localhost:5173, got "${origin}"`,
      );
    }
  }
  const csrfTrustedOrigins: string[] = [];
  for (const entry of read.list("CSRF_TRUSTED_ORIGINS", [])) {
    const origin = trustedOriginOf(entry);
    if (origin === undefined) {
      read.problems.push(
        `CSRF_TRUSTED_ORIGINS: expected comma-separated origins with a scheme and no path, like ` +
          `https://app.example.com or https://*.example.com, got "${entry}"`,
      );
    } else {
      csrfTrustedOrigins.push(origin);
    }
  }
  // Browsers ignore HSTS on plain http, and a site reached over http must never ask for it.
  const hstsSeconds = read.int("SECURE_HSTS_SECONDS", ONE_YEAR_S, 0, 10 * ONE_YEAR_S);
  const defaultHosts = ["localhost", "127.0.0.1", "[::1]"];
  if (read.problems.length === 0) defaultHosts.push(hostOf(publicBaseUrl));
  const allowedHosts = read.list("ALLOWED_HOSTS", defaultHosts).map((h) => h.toLowerCase());
  for (const entry of allowedHosts) {
    if (!isAllowedHostPattern(entry)) {
      read.problems.push(
        `ALLOWED_HOSTS: expected comma-separated host names without scheme, port or path ` +
          `(api.example.com, .example.com, 127.0.0.1, [::1] or *), got "${entry}"`,
      );
    }
  }
  const debug = read.bool("DEBUG", false);
  const logLevel = read.string("LOG_LEVEL", debug ? "debug" : "info").toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    read.problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  const from = read.string("DEFAULT_FROM_EMAIL", "no-reply@localhost");
  if (!isFromAddress(from)) {
    read.problems.push(
      `DEFAULT_FROM_EMAIL: expected an email address, no-reply@example.com or ` +
        `Example <no-reply@example.com>, got "${from}"`,
    );
  }

  const secret = resolveSecretKey(read, dataDir, options.persistSecretKey ?? true);
  const jwtSecretKey = read.raw("JWT_SECRET_KEY");
  if (jwtSecretKey !== undefined && jwtSecretKey.length < 32) {
    read.problems.push("JWT_SECRET_KEY: expected at least 32 characters (HS256 needs 256 bits)");
  }
  const config: Config = {
    ...secret,
    debug,
    logLevel,
    databaseUrl,
    databaseConnectTimeoutS: read.int("DATABASE_CONNECT_TIMEOUT_S", 5, 1, 60),
    dataDir,
    host,
    port,
    trustProxy: read.trustProxy("TRUST_PROXY"),
    publicBaseUrl,
    allowedHosts: [...new Set(allowedHosts)],
    corsAllowedOrigins,
    csrfTrustedOrigins: [...new Set(csrfTrustedOrigins)],
    hstsSeconds: publicBaseUrl.startsWith("https:") ? hstsSeconds : 0,
    email: {
      from,
      host: read.raw("EMAIL_HOST"),
      port: read.int("EMAIL_PORT", 587, 1, 65535),
      user: read.raw("EMAIL_HOST_USER"),
      password: read.raw("EMAIL_HOST_PASSWORD"),
      useTls: read.bool("EMAIL_USE_TLS", false),
    },
    openai: {
      apiKey: read.raw("OPENAI_API_KEY"),
      baseUrl: read.url("OPENAI_BASE_URL", "https://api.openai.com/v1", ["http:", "https:"]),
      model: read.string("OPENAI_MODEL", "gpt-4o-mini"),
      timeoutS: read.int("OPENAI_TIMEOUT_S", 30, 1, 300),
      prompt: read.string(
        "OPENAI_PROMPT",
        "Solve the task shown in this image. Reply with the answer only.",
      ),
    },
    costPerRequestCents: read.int("COST_PER_REQUEST_CENTS", 100, 0, 1_000_000_000),
    solveMaxBytes: read.int("SOLVE_MAX_BYTES", 10 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    redisUrl,
    rateLimit: {
      enabled: read.bool("RATE_LIMIT_ENABLED", false),
      solve: read.rate("RATE_LIMIT_SOLVE", "60/minute"),
      auth: read.rate("RATE_LIMIT_AUTH", "20/minute"),
    },
    paymentGraceDays: read.int("PAYMENT_GRACE_DAYS", 0, 0, 3650),
    credits: {
      trialMilli: read.millicredits("TRIAL_CREDITS", 10, 1_000_000_000),
      trialDays:
        read.raw("TRIAL_CREDITS_DAYS") === undefined
          ? undefined
          : read.int("TRIAL_CREDITS_DAYS", 0, 1, 36_500),
      reservationTtlS: read.int("CREDIT_RESERVATION_TTL_S", 600, 360, 86_400),
      optimisticMarginCalls: read.int("CREDIT_OPTIMISTIC_MARGIN_CALLS", 100, 0, 1_000_000),
    },
    accountSecurity: {
      registrationMode: read.choice("REGISTRATION_MODE", "invite", ["invite", "open"]),
      passwordResetTtlMinutes: read.int("PASSWORD_RESET_TTL_MINUTES", 60, 5, 1440),
      lockoutThreshold: read.int("LOCKOUT_THRESHOLD", 10, 1, 1000),
      lockoutMinutes: read.int("LOCKOUT_MINUTES", 15, 1, 10_080),
    },
    jwt: {
      // A key of its own, so a leaked JWT key does not also forge sessions' CSRF tokens and
      // verification links (and the other way round).
      secretKey:
        jwtSecretKey ??
        createHmac("sha256", secret.secretKey)
          .update("tollgate:jwt-signing-key")
          .digest("base64url"),
      secretKeySource: jwtSecretKey === undefined ? "derived" : "env",
      issuer: read.string("JWT_ISSUER", publicBaseUrl),
      audience: read.string("JWT_AUDIENCE", "tollgate-api"),
      accessTokenMinutes: read.int("JWT_ACCESS_TOKEN_LIFETIME", 15, 1, 1440),
      refreshTokenMinutes: read.int("JWT_REFRESH_TOKEN_LIFETIME", 10_080, 5, 525_600),
    },
    payments: {
      stripe: readStripe(read),
      orderConfirmAllowManual: read.bool("ORDER_CONFIRM_ALLOW_MANUAL", false),
      assetMaxBytes: read.int("ASSET_MAX_BYTES", 100 * 1024 * 1024, 1, 10 * 1024 * 1024 * 1024),
      downloadMaxCount: read.int("DOWNLOAD_MAX_COUNT", 5, 1, 1_000_000),
      downloadTtlDays: read.int("DOWNLOAD_TTL_DAYS", 30, 1, 36_500),
    },
    billingSync: readBillingSync(read),
    superuserPassword: read.raw("TOLLGATE_SUPERUSER_PASSWORD"),
    site: {
      name: read.text("SITE_NAME", DEFAULT_SITE_NAME, 60),
      tagline: read.text("SITE_TAGLINE", DEFAULT_SITE_TAGLINE, 200),
    },
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return deepFreeze(config);
}

function readBillingSync(read: EnvReader): Config["billingSync"] {
  const softStaleSeconds = read.int("BILLING_SYNC_SOFT_STALE_SECONDS", 3_600, 0, 31_536_000);
  const hardTtlSeconds = read.int("BILLING_SYNC_HARD_TTL_SECONDS", 259_200, 1, 31_536_000);
  if (hardTtlSeconds <= softStaleSeconds) {
    read.problems.push(
      "BILLING_SYNC_HARD_TTL_SECONDS: expected more seconds than BILLING_SYNC_SOFT_STALE_SECONDS",
    );
  }
  const message = (name: string, fallback: string) => {
    const text = read.string(name, fallback);
    if (text.length > 500) read.problems.push(`${name}: expected at most 500 characters`);
    return text;
  };
  return {
    softStaleSeconds,
    hardTtlSeconds,
    softWarningMessage: message(
      "BILLING_SYNC_SOFT_WARNING_MESSAGE",
      "We could not confirm your subscription with the payment provider recently; " +
        "it is being checked.",
    ),
    hardBlockMessage: message(
      "BILLING_SYNC_HARD_BLOCK_MESSAGE",
      "We could not confirm your subscription with the payment provider; paid features " +
        "are paused until it is confirmed.",
    ),
  };
}

function readStripe(read: EnvReader): StripeConfig | undefined {
  const secretKey = read.raw("STRIPE_SECRET_KEY");
  if (secretKey === undefined) return undefined;
  if (!/^(sk|rk)_(test|live)_\S+$/.test(secretKey)) {
    read.problems.push(
      "STRIPE_SECRET_KEY: expected a secret or restricted key starting sk_test_, sk_live_, rk_test_ or rk_live_",
    );
  }
  const webhookSecret = read.raw("STRIPE_WEBHOOK_SECRET");
  if (webhookSecret !== undefined && !webhookSecret.startsWith("whsec_")) {
    read.problems.push("STRIPE_WEBHOOK_SECRET: expected the endpoint's signing secret, whsec_…");
  }
  return {
    secretKey,
    webhookSecret,
    publishableKey: read.raw("STRIPE_PUBLISHABLE_KEY"),
    apiBase: read.optionalUrl("STRIPE_API_BASE", ["http:", "https:"]),
  };
}

function resolveSecretKey(
  read: EnvReader,
  dataDir: string,
  persist: boolean,
): Pick<Config, "secretKey" | "secretKeySource"> {
  const fromEnv = read.raw("SECRET_KEY");
  if (fromEnv !== undefined) {
    return {
      secretKey: fromEnv,
      secretKeySource: KNOWN_DEFAULT_SECRET_KEYS.includes(fromEnv) ? "default" : "env",
    };
  }
  if (!persist)
    return { secretKey: randomBytes(32).toString("base64url"), secretKeySource: "generated" };
  const file = join(dataDir, "secret_key");
  try {
    return { secretKey: readFileSync(file, "utf8").trim(), secretKeySource: "generated" };
  } catch {
    const secretKey = randomBytes(48).toString("base64url");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${secretKey}\n`, { mode: 0o600, flag: "wx" });
    return { secretKey, secretKeySource: "generated" };
  }
}

/** The problems `tollgate check --deploy` reports; an empty list means fit for production. */
export function deploymentProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.debug) problems.push("DEBUG is on; set DEBUG=false in production.");
  if (config.secretKeySource === "generated") {
    problems.push("SECRET_KEY is not set; set a random value of at least 50 characters.");
  } else if (config.secretKeySource === "default") {
    problems.push(
      "SECRET_KEY is a published default; set a random value of at least 50 characters.",
    );
  } else if (config.secretKey.length < 50 || new Set(config.secretKey).size < 5) {
    problems.push("SECRET_KEY is too short or too simple; use at least 50 random characters.");
  }
  if (config.allowedHosts.includes("*")) {
    problems.push("ALLOWED_HOSTS is '*'; list the host names this server answers to.");
  }
  if (config.databaseUrl === undefined) {
    problems.push("DATABASE_URL is not set; the embedded database is for local use only.");
  }
  if (config.email.host === undefined) {
    problems.push("EMAIL_HOST is not set; verification emails would only reach the local outbox.");
  }
  if (config.jwt.secretKeySource === "derived") {
    problems.push(
      "JWT_SECRET_KEY is not set; set a random value of at least 32 characters, apart from SECRET_KEY.",
    );
  } else if (config.jwt.secretKey === config.secretKey) {
    problems.push("JWT_SECRET_KEY equals SECRET_KEY; give JWTs a key of their own.");
  }
  const stripe = config.payments.stripe;
  if (stripe === undefined) {
    problems.push(
      "STRIPE_SECRET_KEY is not set; the local payment provider lets anyone with a checkout link pay.",
    );
  } else {
    if (stripe.webhookSecret === undefined) {
      problems.push(
        "STRIPE_WEBHOOK_SECRET is not set; no payment event could be verified, so no order would be fulfilled.",
      );
    }
    if (stripe.apiBase !== undefined) {
      problems.push("STRIPE_API_BASE is set; production talks to api.stripe.com.");
    }
  }
  if (config.payments.orderConfirmAllowManual) {
    problems.push(
      "ORDER_CONFIRM_ALLOW_MANUAL is on; orders must be fulfilled by verified payments.",
    );
  }
  return problems;
}
