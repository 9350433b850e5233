import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../../test/factories/customers.js";
import { runCommand } from "../../test/support/cli.js";
import { createTestApp, testConfig, type TestApp } from "../../test/support/app.js";
import { startFakeRedis } from "../../test/support/fake-redis.js";
import { startFakeStripe } from "../../test/support/fake-stripe.js";
import { freePort } from "../../test/support/free-port.js";
import { expectProblem } from "../../test/support/problems.js";
import { runCliProcess } from "../../test/support/run-cli.js";
import { signIn, type SignedIn } from "../../test/support/sessions.js";
import { startSmtpTestApp, type SmtpTestApp } from "../../test/support/smtp-app.js";
import { expectStaffOnly } from "../../test/support/staff-only.js";
import { startMaintenance } from "../maintenance.js";
import { createStripeClient, createStripeProvider } from "../payments/stripe-provider.js";
import { fixedClock } from "../platform/clock.js";
import { createMailer } from "../platform/email.js";
import { createLogger } from "../platform/logging.js";
import { recordMaintenanceRun } from "../platform/maintenance-runs.queries.js";
import {
  paymentsCheck,
  aiProviderCheck,
  deploymentCheck,
  redisCheck,
  type PreflightDeps,
} from "./preflight.service.js";

/** The newest committed migration (the journal's last entry), the one these tests take away. */
const NEWEST_MIGRATION =
  (
    JSON.parse(
      readFileSync(new URL("../../drizzle/meta/_journal.json", import.meta.url), "utf8"),
    ) as {
      entries: { tag: string }[];
    }
  ).entries.at(-1)?.tag ?? "";

interface Check {
  name: string;
  status: "ok" | "warn" | "fail";
  detail: string;
  fix: string | null;
}
interface Report {
  status: "ok" | "warn" | "fail";
  checked_at: string;
  checks: Check[];
}

const JOBS = [
  "job.credit_expiry",
  "job.reservation_sweep",
  "job.idempotency_key_purge",
  "job.refresh_token_purge",
];

/** The parts of a preflight's dependencies a single check reads, from a test app. */
function depsOf(t: TestApp, env: Record<string, string> = {}): PreflightDeps {
  return {
    config: testConfig(env),
    database: t.services.database,
    db: t.services.db,
    clock: t.services.clock,
    mailer: t.services.mailer,
    providerHealth: t.services.core.providerHealth,
    paymentProvider: t.services.payments.provider,
    log: t.services.log,
  };
}

describe("staff preflight: GET /api/admin/preflight", () => {
  let t: TestApp;
  let staff: SignedIn;
  const clock = fixedClock("2026-09-01T12:00:00Z");

  const report = async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/admin/preflight",
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Report>();
  };
  const check = (r: Report, name: string) => r.checks.find((c) => c.name === name);

  beforeAll(async () => {
    // DEBUG on: a local setup, where what production needs is a warning, not a failure.
    t = await createTestApp({ clock, env: { DEBUG: "true", LOG_LEVEL: "silent" } });
    staff = await signIn(t, (await createVerifiedUser(t.services.db, { isStaff: true })).user.id);
  });
  afterAll(async () => t.close());

  it("refuses anonymous callers (401) and non-staff users (403)", async () => {
    await expectStaffOnly(t, { method: "GET", url: "/api/admin/preflight" });
    await expectStaffOnly(t, { method: "POST", url: "/api/admin/preflight/test-email" });
  });

  it("answers every check with a status, a detail and a fix unless ok; the worst status overall", async () => {
    const r = await report();
    expect(r.checks.map((c) => c.name)).toEqual([
      "database",
      "migrations",
      "email",
      "ai_provider",
      "payments",
      "redis",
      ...JOBS,
      "deployment",
    ]);
    expect(r.checked_at).toBe("2026-09-01T12:00:00.000Z");
    for (const c of r.checks) {
      expect(c.detail).not.toBe("");
      expect(c.fix === null).toBe(c.status === "ok");
    }
    expect(check(r, "database")).toMatchObject({ status: "ok" });
    expect(check(r, "migrations")).toMatchObject({
      status: "ok",
      detail: expect.stringContaining(NEWEST_MIGRATION) as string,
    });
    expect(check(r, "email")?.status).toBe("ok"); // the local outbox, with DEBUG on
    expect(check(r, "ai_provider")).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("stub") as string,
    });
    expect(check(r, "redis")).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("not configured (in-process limits") as string,
    });
    expect(check(r, "payments")).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("local test provider") as string,
    });
    // Not production (DEBUG on), so check --deploy's findings warn.
    expect(check(r, "deployment")).toMatchObject({
      status: "warn",
      detail: expect.stringContaining("DEBUG is on") as string,
    });
    expect(r.status).toBe(r.checks.some((c) => c.status === "fail") ? "fail" : "warn");
  });

  it("warns about periodic jobs that never ran, and is ok once the maintenance ran", async () => {
    let r = await report();
    for (const name of JOBS) {
      expect(check(r, name)).toMatchObject({
        status: "warn",
        detail: "never ran",
        fix: expect.stringContaining("Keep a server running") as string,
      });
    }
    expect(check(r, "job.credit_expiry")?.fix).toContain("npm run cli -- expire-credits");

    await startMaintenance(t.services)();
    r = await report();
    for (const name of JOBS) expect(check(r, name)?.status).toBe("ok");
    expect(r.status).toBe("warn"); // only the deployment's findings are left
  });

  it("warns when a job has not run for two intervals, and fails when its last run failed", async () => {
    await startMaintenance(t.services)();
    clock.set("2026-09-01T12:03:00Z");
    await recordMaintenanceRun(t.services.db, {
      job: "reservation_sweep",
      startedAt: clock.now(),
      finishedAt: clock.now(),
      error: new Error("could not obtain lock"),
    });
    const r = await report();
    expect(check(r, "job.credit_expiry")).toMatchObject({
      status: "warn",
      detail: "last ran at 2026-09-01T12:00:00.000Z (180 s ago), not since",
    });
    expect(check(r, "job.reservation_sweep")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("could not obtain lock") as string,
      fix: expect.stringContaining("release-stale-reservations") as string,
    });
    expect(r.status).toBe("fail");
  });

  it("fails the migrations check while a committed migration is not applied", async () => {
    const [newest] = await t.database.query<{ id: number; hash: string; created_at: string }>(
      `select id, hash, created_at::text as created_at from drizzle.__drizzle_migrations
        order by created_at desc limit 1`,
    );
    await t.database.query("delete from drizzle.__drizzle_migrations where id = $1", [newest!.id]);
    try {
      const r = await report();
      expect(check(r, "migrations")).toMatchObject({
        status: "fail",
        detail: `1 pending migration(s): ${NEWEST_MIGRATION}`,
        fix: expect.stringContaining("npm run migrate") as string,
      });
      expect(r.status).toBe("fail");
    } finally {
      await t.database.query(
        "insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)",
        [newest!.id, newest!.hash, newest!.created_at],
      );
    }
    expect(check(await report(), "migrations")?.status).toBe("ok");
  });

  it("prints one line per check from the CLI, exit 1 when any fails and 0 otherwise", async () => {
    clock.set("2026-09-01T13:00:00Z");
    await startMaintenance(t.services)();
    let result = await runCommand(t, ["preflight"]);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(12);
    expect(result.out[0]).toMatch(
      /^ok {4}database {2,}embedded PGlite|^ok {4}database {2,}PostgreSQL/,
    );
    expect(result.out).toContainEqual(
      expect.stringMatching(/^WARN {2}deployment +DEBUG is on.* -- fix: /) as string,
    );
    expect(result.out.at(-1)).toBe("Preflight: warn.");

    await recordMaintenanceRun(t.services.db, {
      job: "credit_expiry",
      startedAt: clock.now(),
      finishedAt: clock.now(),
      error: new Error("boom"),
    });
    result = await runCommand(t, ["preflight"]);
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(
      expect.stringMatching(
        /^FAIL {2}job\.credit_expiry +last run failed .*boom -- fix: /,
      ) as string,
    );
    expect(result.out.at(-1)).toBe("Preflight: fail.");
  });
});

describe("preflight checks on their own", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("deployment: fails on check --deploy's findings in production, ok without any", async () => {
    const production = await deploymentCheck.run(depsOf(t));
    expect(production.status).toBe("fail");
    expect(production.detail).toContain("DATABASE_URL is not set");
    const fit = await deploymentCheck.run(
      depsOf(t, {
        SECRET_KEY: "k8Jq2LmZx9Vr4Tn7Wb1Yc6Hd3Fg5Sa0Pe8Ku2Io4Mj7Nl1Qh9Rt3Xv6Zw0By5Cs8Dm2",
        JWT_SECRET_KEY: "Jw7Tq2Lk9Xm4Vr1Nb8Yc3Hd6Fg0Sa5Pe2Ku9Io",
        DATABASE_URL: "postgres://db.example.com/tollgate",
        EMAIL_HOST: "smtp.example.com",
        ALLOWED_HOSTS: "api.example.com",
        STRIPE_SECRET_KEY: "sk_live_51TollgateExampleKey",
        STRIPE_WEBHOOK_SECRET: "whsec_TollgateExampleSigningSecret",
      }),
    );
    expect(fit).toEqual({ status: "ok", detail: "`check --deploy` finds no problem", fix: null });
  });

  it("ai_provider: the stub warns in production, an unreachable provider fails", async () => {
    expect(await aiProviderCheck.run(depsOf(t))).toMatchObject({
      status: "warn",
      fix: expect.stringContaining("OPENAI_API_KEY") as string,
    });
    const down = await aiProviderCheck.run({
      ...depsOf(t),
      providerHealth: { status: () => Promise.resolve("error") },
    });
    expect(down).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("api.openai.com") as string,
    });
  });

  it("payments: the local provider fails in production; Stripe needs a key it accepts and a webhook secret", async () => {
    expect(await paymentsCheck.run(depsOf(t))).toMatchObject({
      status: "fail",
      fix: expect.stringContaining("STRIPE_SECRET_KEY") as string,
    });
    const stripe = await startFakeStripe();
    try {
      const env = { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_BASE: stripe.apiBase };
      const stripeConfig = testConfig(env).payments.stripe;
      if (stripeConfig === undefined) throw new Error("Stripe is not configured");
      const provider = createStripeProvider(createStripeClient(stripeConfig));
      const withStripe = (extra: Record<string, string>) => ({
        ...depsOf(t, { ...env, ...extra }),
        paymentProvider: provider,
      });
      expect(await paymentsCheck.run(withStripe({}))).toMatchObject({
        status: "fail",
        detail: expect.stringContaining("STRIPE_WEBHOOK_SECRET is not set") as string,
      });
      expect(
        await paymentsCheck.run(withStripe({ STRIPE_WEBHOOK_SECRET: stripe.webhookSecret })),
      ).toMatchObject({
        status: "ok",
        detail: expect.stringContaining("accepts the key") as string,
      });
      stripe.failNext(401, "invalid_request_error");
      expect(await paymentsCheck.run(withStripe({}))).toMatchObject({
        status: "fail",
        detail: expect.stringContaining("Stripe refused the key") as string,
      });
    } finally {
      await stripe.close();
    }
  });

  it("redis: PING answered is ok, nothing listening fails within the timeout", async () => {
    const fake = await startFakeRedis("answer");
    try {
      expect(await redisCheck.run(depsOf(t, { REDIS_URL: fake.url }))).toMatchObject({
        status: "ok",
        detail: expect.stringMatching(/answered PING/) as string,
      });
    } finally {
      await fake.close();
    }
    const port = await freePort();
    const down = await redisCheck.run(
      depsOf(t, { REDIS_URL: `redis://:hunter2@127.0.0.1:${String(port)}` }),
    );
    expect(down).toMatchObject({
      status: "fail",
      fix: expect.stringContaining("REDIS_URL") as string,
    });
    // The URL's password never reaches the report.
    expect(JSON.stringify(down)).not.toContain("hunter2");
  });

  it.skipIf(process.env["TEST_REDIS_URL"] === undefined)(
    "redis: a real Redis answers PING",
    async () => {
      const url = process.env["TEST_REDIS_URL"] ?? "";
      expect((await redisCheck.run(depsOf(t, { REDIS_URL: url }))).status).toBe("ok");
    },
  );
});

describe("email: the preflight's SMTP check and POST /api/admin/preflight/test-email", () => {
  let s: SmtpTestApp;
  let staff: SignedIn;
  let staffEmail: string;
  beforeAll(async () => {
    s = await startSmtpTestApp({ DEBUG: "true" });
    const { user } = await createVerifiedUser(s.t.services.db, { isStaff: true });
    staffEmail = user.email;
    staff = await signIn(s.t, user.id);
  });
  afterAll(async () => s.close());

  it("reports an SMTP server that accepts a connection as ok", async () => {
    const response = await s.t.app.inject({
      method: "GET",
      url: "/api/admin/preflight",
      headers: staff.headers,
    });
    const email = response.json<Report>().checks.find((c) => c.name === "email");
    expect(email).toMatchObject({
      status: "ok",
      detail: expect.stringContaining(
        `127.0.0.1:${String(s.sink.port)} accepts a connection`,
      ) as string,
    });
    expect(s.sink.messages).toHaveLength(0); // the GET sends nothing
  });

  it("sends a test message to the calling staff member through SMTP", async () => {
    const response = await s.t.app.inject({
      method: "POST",
      url: "/api/admin/preflight/test-email",
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ sent: true, to: staffEmail, transport: "smtp" });
    const mail = await s.sink.nextMessage();
    expect(mail.to).toEqual([staffEmail]);
    expect(mail.raw).toContain("Subject: Tollgate test email");
  });

  it("answers 502 email_send_failed, and the check fails, when the SMTP server cannot be reached", async () => {
    const port = String(await freePort());
    const env = { DEBUG: "true", EMAIL_HOST: "127.0.0.1", EMAIL_PORT: port };
    const config = testConfig(env);
    const t = await createTestApp({
      env,
      database: s.t.database,
      mailer: createMailer(config, createLogger(config)),
    });
    try {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/admin/preflight/test-email",
        headers: staff.headers,
      });
      const problem = expectProblem(response, 502, "email_send_failed");
      expect(problem.detail).toContain(`SMTP server 127.0.0.1:${port}`);
      const email = await t.services.preflight.run();
      expect(email.checks.find((c) => c.name === "email")).toMatchObject({
        status: "fail",
        fix: expect.stringContaining("EMAIL_HOST") as string,
      });
    } finally {
      await t.close();
    }
  });
});

describe("tollgate preflight (a real process)", () => {
  it("prints the checks and exits 1 on a default, not production-ready, configuration", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tollgate-preflight-"));
    const result = await runCliProcess(["preflight"], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ok {4}database +embedded PGlite answered/m);
    expect(result.stdout).toMatch(/^ok {4}migrations +all \d+ applied/m);
    expect(result.stdout).toMatch(/^FAIL {2}deployment +.*SECRET_KEY.* -- fix: /m);
    expect(result.stdout).toMatch(/^Preflight: fail\.$/m);
  }, 60_000);
});
