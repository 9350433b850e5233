import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app.js";

describe("GET /api/site", () => {
  let configured: TestApp;
  let defaults: TestApp;
  beforeAll(async () => {
    configured = await createTestApp({
      env: {
        SITE_NAME: "Acme Vision",
        SITE_TAGLINE: "Receipts read in one call.",
        REGISTRATION_MODE: "open",
      },
    });
    defaults = await createTestApp();
  });
  afterAll(async () => {
    await configured.close();
    await defaults.close();
  });

  it("answers anyone with SITE_NAME, SITE_TAGLINE and the registration mode", async () => {
    const response = await configured.app.inject({ method: "GET", url: "/api/site" });
    expect(response.statusCode).toBe(200);
    expect(response.json<unknown>()).toEqual({
      name: "Acme Vision",
      tagline: "Receipts read in one call.",
      registration_mode: "open",
    });
  });

  it("falls back to Tollgate, its default pitch and invite-only registration", async () => {
    const response = await defaults.app.inject({ method: "GET", url: "/api/site" });
    const site = response.json<{ name: string; tagline: string; registration_mode: string }>();
    expect(site.name).toBe("Tollgate");
    expect(site.tagline).not.toBe("");
    expect(site.registration_mode).toBe("invite");
  });
});
