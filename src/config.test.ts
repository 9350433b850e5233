import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, deploymentProblems, loadConfig, type Config } from "./config.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tollgate-config-"));
}

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ DATA_DIR: tempDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("starts with no variables at all, on local defaults", () => {
    const config = loadConfig({ DATA_DIR: tempDir() });
    expect(config.port).toBe(8000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.databaseConnectTimeoutS).toBe(5);
    expect(config.debug).toBe(false);
    expect(config.openai.apiKey).toBeUndefined();
    expect(config.rateLimit.enabled).toBe(false);
    expect(config.allowedHosts).toContain("localhost");
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("generates a secret key once and keeps it in DATA_DIR across restarts", () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.secretKeySource).toBe("generated");
    expect(first.secretKey.length).toBeGreaterThanOrEqual(50);
    expect(second.secretKey).toBe(first.secretKey);
    expect(readFileSync(join(dir, "secret_key"), "utf8").trim()).toBe(first.secretKey);
    expect(statSync(join(dir, "secret_key")).mode & 0o077).toBe(0);
  });

  it.each([
    ["PORT", "eighty", /PORT: expected a whole number/],
    ["PORT", "70000", /PORT: expected a whole number from 0 to 65535/],
    ["DEBUG", "maybe", /DEBUG: expected a boolean/],
    ["DATABASE_URL", "mysql://x/y", /DATABASE_URL: expected a URL starting with postgres:/],
    ["REDIS_URL", "localhost:6379", /REDIS_URL: expected a URL starting with redis:/],
    ["PUBLIC_BASE_URL", "example.com", /PUBLIC_BASE_URL: expected a URL/],
    ["EMAIL_USE_TLS", "sometimes", /EMAIL_USE_TLS: expected a boolean/],
    ["OPENAI_TIMEOUT_S", "0", /OPENAI_TIMEOUT_S: expected a whole number from 1 to 300/],
    [
      "DATABASE_CONNECT_TIMEOUT_S",
      "0",
      /DATABASE_CONNECT_TIMEOUT_S: expected a whole number from 1 to 60/,
    ],
    ["COST_PER_REQUEST_CENTS", "1.5", /COST_PER_REQUEST_CENTS: expected a whole number/],
    [
      "RATE_LIMIT_SOLVE",
      "fast",
      /RATE_LIMIT_SOLVE: expected "<count>\/<second\|minute\|hour\|day>"/,
    ],
    [
      "CORS_ALLOWED_ORIGINS",
      "localhost:5173",
      /CORS_ALLOWED_ORIGINS: expected comma-separated origins/,
    ],
    ["CSRF_TRUSTED_ORIGINS", "app.example.com", /CSRF_TRUSTED_ORIGINS: expected .*with a scheme/],
    [
      "CSRF_TRUSTED_ORIGINS",
      "https://app.example.com/portal",
      /CSRF_TRUSTED_ORIGINS: expected .*got "https:\/\/app.example.com\/portal"/,
    ],
    ["CSRF_TRUSTED_ORIGINS", "https://*", /CSRF_TRUSTED_ORIGINS: expected/],
    ["CSRF_TRUSTED_ORIGINS", "ftp://files.example.com", /CSRF_TRUSTED_ORIGINS: expected/],
    ["SECURE_HSTS_SECONDS", "-1", /SECURE_HSTS_SECONDS: expected a whole number from 0/],
    ["SECURE_HSTS_SECONDS", "1y", /SECURE_HSTS_SECONDS: expected a whole number/],
    [
      "LOG_LEVEL",
      "verbose",
      /LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, silent/,
    ],
    ["ALLOWED_HOSTS", "http://localhost:8000", /ALLOWED_HOSTS: expected .*without scheme, port/],
    [
      "ALLOWED_HOSTS",
      "api.example.com:8000",
      /ALLOWED_HOSTS: expected .*got "api.example.com:8000"/,
    ],
    ["ALLOWED_HOSTS", "example.com/api", /ALLOWED_HOSTS: expected .*got "example.com\/api"/],
    ["ALLOWED_HOSTS", "::1", /ALLOWED_HOSTS: expected .*\[::1\]/],
    ["HOST", "no such host", /HOST: expected an IP address .* or a host name/],
    ["HOST", "http://0.0.0.0", /HOST: expected an IP address/],
    ["DEFAULT_FROM_EMAIL", "tollgate", /DEFAULT_FROM_EMAIL: expected an email address/],
    ["DEFAULT_FROM_EMAIL", "no reply@example.com", /DEFAULT_FROM_EMAIL: expected an email address/],
    ["DEFAULT_FROM_EMAIL", "Tollgate <not an address>", /DEFAULT_FROM_EMAIL: expected/],
    ["DEFAULT_FROM_EMAIL", '"Tollgate\r\nBcc: x@evil.example" <a@example.com>', /expected/],
    ["DEFAULT_FROM_EMAIL", '"Tollgate <a@example.com>', /DEFAULT_FROM_EMAIL: expected/],
    ["BILLING_SYNC_SOFT_STALE_SECONDS", "soon", /BILLING_SYNC_SOFT_STALE_SECONDS: expected/],
    ["BILLING_SYNC_HARD_TTL_SECONDS", "60", /BILLING_SYNC_HARD_TTL_SECONDS: expected more/],
    ["BILLING_SYNC_HARD_BLOCK_MESSAGE", "x".repeat(501), /at most 500 characters/],
    ["SITE_NAME", "x".repeat(61), /SITE_NAME: expected one line of at most 60 characters/],
    ["SITE_TAGLINE", "Fast.\nCheap.", /SITE_TAGLINE: expected one line of at most 200/],
  ])("names %s and the expected form when it is %j", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ["LOG_LEVEL", "warn"],
    ["LOG_LEVEL", "silent"],
    ["ALLOWED_HOSTS", "api.example.com, .example.org, 10.0.0.5, [::1], *, web_1"],
    ["HOST", "::"],
    ["HOST", "127.0.0.1"],
    ["HOST", "localhost"],
    ["HOST", "tollgate-web.internal"],
    ["DEFAULT_FROM_EMAIL", "no-reply@localhost"],
    ["DEFAULT_FROM_EMAIL", "billing+noreply@mail.example.com"],
    ["DEFAULT_FROM_EMAIL", "Tollgate Billing <billing@example.com>"],
    ["DEFAULT_FROM_EMAIL", '"Tollgate, Inc." <no-reply@example.com>'],
    ["DEFAULT_FROM_EMAIL", '"Tollgate <Billing>"<billing@example.com>'],
    ["BILLING_SYNC_HARD_TTL_SECONDS", "3601"],
    ["BILLING_SYNC_SOFT_WARNING_MESSAGE", "Checking your plan."],
    ["SITE_NAME", "Acme Vision"],
    ["SITE_TAGLINE", "Read receipts & invoices in one call — from 0.01 € each."],
  ])("accepts %s=%j", (name, value) => {
    expect(problemsOf({ [name]: value })).toEqual([]);
  });

  it("names the site Tollgate with a one-line pitch unless SITE_NAME and SITE_TAGLINE say otherwise", () => {
    const defaults = loadConfig({ DATA_DIR: tempDir() }).site;
    expect(defaults.name).toBe("Tollgate");
    expect(defaults.tagline).toMatch(/API/);
    const own = loadConfig({ DATA_DIR: tempDir(), SITE_NAME: " Acme ", SITE_TAGLINE: "Fast." });
    expect(own.site).toEqual({ name: "Acme", tagline: "Fast." });
  });

  it("reads LOG_LEVEL in any case, as pino's lower-case name", () => {
    expect(loadConfig({ DATA_DIR: tempDir(), LOG_LEVEL: "WARN" }).logLevel).toBe("warn");
  });

  it("freezes the nested settings too, not just the top level", () => {
    const config = loadConfig({ DATA_DIR: tempDir(), ALLOWED_HOSTS: "api.example.com" });
    // Test files are ES modules, so strict mode: a write to a frozen object throws.
    expect(() => {
      (config.email as { from: string }).from = "attacker@example.com";
    }).toThrow(TypeError);
    expect(() => {
      (config.rateLimit.solve as { max: number }).max = 1_000_000;
    }).toThrow(TypeError);
    expect(() => {
      (config.openai as { baseUrl: string }).baseUrl = "http://evil.example";
    }).toThrow(TypeError);
    expect(() => {
      (config.allowedHosts as string[]).push("*");
    }).toThrow(TypeError);
    expect(config.email.from).toBe("no-reply@localhost");
    expect(config.allowedHosts).toEqual(["api.example.com"]);
  });

  it.each([
    ["", false],
    ["true", true],
    ["2", 2],
    ["10.0.0.1, 192.168.0.0/16", ["10.0.0.1", "192.168.0.0/16"]],
  ])("reads TRUST_PROXY=%j", (value, expected) => {
    expect(loadConfig({ DATA_DIR: tempDir(), TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it("names TRUST_PROXY when it is neither a flag, a count nor addresses", () => {
    expect(problemsOf({ TRUST_PROXY: "the load balancer" })[0]).toMatch(/TRUST_PROXY: expected/);
  });

  it("reports every bad variable at once", () => {
    expect(problemsOf({ PORT: "x", DEBUG: "x", EMAIL_PORT: "x" })).toHaveLength(3);
  });

  it("parses lists, booleans and rates", () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      ALLOWED_HOSTS: "API.example.com, .example.org",
      CORS_ALLOWED_ORIGINS: "http://localhost:5173,https://app.example.com",
      DEBUG: "yes",
      RATE_LIMIT_SOLVE: "120/minute",
    });
    expect(config.allowedHosts).toEqual(["api.example.com", ".example.org"]);
    expect(config.corsAllowedOrigins).toEqual(["http://localhost:5173", "https://app.example.com"]);
    expect(config.debug).toBe(true);
    expect(config.rateLimit.solve).toEqual({ max: 120, windowMs: 60_000, text: "120/minute" });
  });

  it("reads CSRF_TRUSTED_ORIGINS as browsers serialize origins; none by default, none from CORS", () => {
    const defaults = loadConfig({
      DATA_DIR: tempDir(),
      CORS_ALLOWED_ORIGINS: "https://app.example.com",
    });
    expect(defaults.csrfTrustedOrigins).toEqual([]);
    const set = loadConfig({
      DATA_DIR: tempDir(),
      CSRF_TRUSTED_ORIGINS:
        "https://App.Example.com:443, http://localhost:5173, https://*.Example.org, https://app.example.com",
    });
    expect(set.csrfTrustedOrigins).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
      "https://*.example.org",
    ]);
  });

  it("sends HSTS for a year only when PUBLIC_BASE_URL is https, SECURE_HSTS_SECONDS=0 for none", () => {
    const https = { DATA_DIR: tempDir(), PUBLIC_BASE_URL: "https://api.example.com" };
    expect(loadConfig({ DATA_DIR: tempDir() }).hstsSeconds).toBe(0);
    expect(loadConfig({ DATA_DIR: tempDir(), SECURE_HSTS_SECONDS: "3600" }).hstsSeconds).toBe(0);
    expect(loadConfig(https).hstsSeconds).toBe(31_536_000);
    expect(loadConfig({ ...https, SECURE_HSTS_SECONDS: "3600" }).hstsSeconds).toBe(3600);
    expect(loadConfig({ ...https, SECURE_HSTS_SECONDS: "0" }).hstsSeconds).toBe(0);
  });

  it("reads the account-security and JWT settings, with the issue's defaults", () => {
    const defaults = loadConfig({ DATA_DIR: tempDir() });
    expect(defaults.accountSecurity).toEqual({
      registrationMode: "invite",
      passwordResetTtlMinutes: 60,
      lockoutThreshold: 10,
      lockoutMinutes: 15,
    });
    expect(defaults.jwt).toMatchObject({
      accessTokenMinutes: 15,
      refreshTokenMinutes: 10_080,
      audience: "tollgate-api",
      issuer: "http://localhost:8000",
    });
    const set = loadConfig({
      DATA_DIR: tempDir(),
      REGISTRATION_MODE: "Open",
      LOCKOUT_THRESHOLD: "3",
      JWT_ACCESS_TOKEN_LIFETIME: "5",
    });
    expect(set.accountSecurity.registrationMode).toBe("open");
    expect(set.accountSecurity.lockoutThreshold).toBe(3);
    expect(set.jwt.accessTokenMinutes).toBe(5);
    expect(problemsOf({ REGISTRATION_MODE: "closed" })[0]).toMatch(
      /REGISTRATION_MODE: expected one of invite, open/,
    );
  });

  it("reads the digital-download settings, with the issue's defaults", () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).payments).toMatchObject({
      assetMaxBytes: 100 * 1024 * 1024,
      downloadMaxCount: 5,
      downloadTtlDays: 30,
    });
    expect(problemsOf({ ASSET_MAX_BYTES: "0" })[0]).toMatch(/ASSET_MAX_BYTES: expected a whole/);
    expect(problemsOf({ DOWNLOAD_MAX_COUNT: "five" })[0]).toMatch(/DOWNLOAD_MAX_COUNT: expected/);
    expect(problemsOf({ DOWNLOAD_TTL_DAYS: "0" })[0]).toMatch(/DOWNLOAD_TTL_DAYS: expected/);
  });
});

describe("deploymentProblems (check --deploy)", () => {
  const production = {
    SECRET_KEY: "k9$Lq2!vX8#pR4&mZ7^tW1*yB6(nC3)hF5_jD0+gS2=eA8-uQ4~oI6@rT9%wE1",
    DEBUG: "false",
    ALLOWED_HOSTS: "api.example.com",
    DATABASE_URL: "postgres://tollgate@db:5432/tollgate",
    EMAIL_HOST: "smtp.example.com",
    JWT_SECRET_KEY: "Vq3#nT8!cR1$wZ6^kP9&yB2*hL5(mF7)gD0+sX4=",
    STRIPE_SECRET_KEY: "sk_live_51TollgateExampleKey",
    STRIPE_WEBHOOK_SECRET: "whsec_TollgateExampleSigningSecret",
  };

  it("finds nothing wrong with a production-like environment", () => {
    expect(deploymentProblems(loadConfig({ DATA_DIR: tempDir(), ...production }))).toEqual([]);
  });

  it.each([
    [{ DEBUG: "true" }, /DEBUG is on/],
    [{ SECRET_KEY: "change-me" }, /published default/],
    [{ SECRET_KEY: "short" }, /too short/],
    [{ ALLOWED_HOSTS: "*" }, /ALLOWED_HOSTS is '\*'/],
    [{ JWT_SECRET_KEY: production.SECRET_KEY }, /JWT_SECRET_KEY equals SECRET_KEY/],
    [{ STRIPE_SECRET_KEY: undefined }, /local payment provider/],
    [{ STRIPE_WEBHOOK_SECRET: undefined }, /STRIPE_WEBHOOK_SECRET is not set/],
    [{ STRIPE_API_BASE: "http://127.0.0.1:12111" }, /STRIPE_API_BASE is set/],
    [{ ORDER_CONFIRM_ALLOW_MANUAL: "true" }, /ORDER_CONFIRM_ALLOW_MANUAL is on/],
  ])("refuses %j", (override, message) => {
    const problems = deploymentProblems(
      loadConfig({ DATA_DIR: tempDir(), ...production, ...override }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("refuses a missing JWT_SECRET_KEY (the derived one is for local use)", () => {
    const { JWT_SECRET_KEY: _omitted, ...rest } = production;
    const config = loadConfig({ DATA_DIR: tempDir(), ...rest });
    expect(config.jwt.secretKeySource).toBe("derived");
    expect(config.jwt.secretKey).not.toBe(config.secretKey);
    expect(deploymentProblems(config)).toEqual([
      expect.stringMatching(/JWT_SECRET_KEY is not set/),
    ]);
  });

  it("refuses a JWT_SECRET_KEY shorter than 32 characters at start-up", () => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), JWT_SECRET_KEY: "short" })).toThrow(
      /JWT_SECRET_KEY: expected at least 32 characters/,
    );
  });

  it("refuses Stripe keys and signing secrets that are not Stripe's at start-up", () => {
    expect(() =>
      loadConfig({ DATA_DIR: tempDir(), STRIPE_SECRET_KEY: "pk_test_publishable" }),
    ).toThrow(/STRIPE_SECRET_KEY: expected a secret or restricted key/);
    expect(() =>
      loadConfig({
        DATA_DIR: tempDir(),
        STRIPE_SECRET_KEY: "sk_test_x",
        STRIPE_WEBHOOK_SECRET: "sk_test_x",
      }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET: expected the endpoint's signing secret/);
  });

  it("refuses a missing SECRET_KEY", () => {
    const { SECRET_KEY: _omitted, ...rest } = production;
    const problems = deploymentProblems(loadConfig({ DATA_DIR: tempDir(), ...rest }));
    expect(problems.join("\n")).toMatch(/SECRET_KEY is not set/);
  });
});

describe(".env.example", () => {
  it("can be sourced by a shell (set -a; . ./.env.example), and every value is the default", () => {
    // What direnv's dotenv and `set -a; . .env` do: the file must be valid shell.
    const sourced = spawnSync(
      "bash",
      [
        // No rc files: only the example decides whether sourcing succeeds.
        "--norc",
        "--noprofile",
        "-c",
        'set -eu; set -a; . ./.env.example; "$NODE" -e "console.log(JSON.stringify(process.env))"',
      ],
      {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        env: { PATH: process.env["PATH"] ?? "", NODE: process.execPath },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(sourced.stderr).toBe("");
    expect(sourced.status).toBe(0);
    const env = JSON.parse(sourced.stdout) as Record<string, string>;
    expect(env["OPENAI_PROMPT"]).toBe(
      "Solve the task shown in this image. Reply with the answer only.",
    );
    const dataDir = tempDir();
    // Both keys are random without SECRET_KEY (and the JWT key is derived from it).
    const withoutKeys = (config: Config) => {
      const { secretKey: _secret, jwt, ...rest } = config;
      const { secretKey: _jwtSecret, ...jwtRest } = jwt;
      return { ...rest, jwt: jwtRest };
    };
    const fromExample = loadConfig({ ...env, DATA_DIR: dataDir }, { persistSecretKey: false });
    const defaults = loadConfig({ DATA_DIR: dataDir }, { persistSecretKey: false });
    expect(withoutKeys(fromExample)).toEqual(withoutKeys(defaults));
  });
});
