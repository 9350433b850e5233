import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { testConfig } from "../../../test/support/app.js";
import { bearerJwtOf, signAccessToken, verifyAccessToken } from "./access-tokens.js";

const settings = testConfig().jwt;
const userId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const now = new Date("2030-03-01T08:00:00Z");
const key = new TextEncoder().encode(settings.secretKey);

function claims() {
  return new SignJWT({ token_use: "access" })
    .setSubject(userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(new Date(now.getTime() + 60_000))
    .setJti("a");
}

describe("access tokens", () => {
  it("round-trip: the user id of a token signed here", async () => {
    const token = await signAccessToken(settings, userId, now);
    expect(await verifyAccessToken(settings, token, now)).toBe(userId);
  });

  it("refuse another algorithm with the same key, an unsigned token and a tampered payload", async () => {
    const hs512 = await claims().setProtectedHeader({ alg: "HS512" }).sign(key);
    expect(await verifyAccessToken(settings, hs512, now)).toBeUndefined();
    const unsigned = new UnsecuredJWT({ token_use: "access" })
      .setSubject(userId)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(now)
      .setExpirationTime(new Date(now.getTime() + 60_000))
      .encode();
    expect(await verifyAccessToken(settings, unsigned, now)).toBeUndefined();
    const [header, payload, signature] = (await signAccessToken(settings, userId, now)).split(".");
    // Every claim valid, only the subject changed: the signature alone refuses it.
    const original = JSON.parse(Buffer.from(payload!, "base64url").toString()) as object;
    const otherUser = Buffer.from(
      JSON.stringify({ ...original, sub: "00000000-0000-4000-8000-000000000000" }),
    ).toString("base64url");
    expect(
      await verifyAccessToken(settings, `${header!}.${otherUser}.${signature!}`, now),
    ).toBeUndefined();
  });

  it("refuse a token without a UUID subject or a required claim", async () => {
    const noJti = await new SignJWT({ token_use: "access" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(userId)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(now)
      .setExpirationTime(new Date(now.getTime() + 60_000))
      .sign(key);
    expect(await verifyAccessToken(settings, noJti, now)).toBeUndefined();
    const notUuid = await claims()
      .setSubject("admin")
      .setProtectedHeader({ alg: "HS256" })
      .sign(key);
    expect(await verifyAccessToken(settings, notUuid, now)).toBeUndefined();
    expect(await verifyAccessToken(settings, "a.b.c", now)).toBeUndefined();
  });

  it("are found in an Authorization header by shape only", () => {
    expect(bearerJwtOf("Bearer aa.bb.cc")).toBe("aa.bb.cc");
    expect(bearerJwtOf("bearer  aa.bb.cc ")).toBe("aa.bb.cc");
    expect(bearerJwtOf("Bearer tok_abc")).toBeUndefined();
    expect(bearerJwtOf("Bearer aa.bb")).toBeUndefined();
    expect(bearerJwtOf("Basic aa.bb.cc")).toBeUndefined();
    expect(bearerJwtOf(`Bearer a.${"b".repeat(3000)}.c`)).toBeUndefined();
    expect(bearerJwtOf(undefined)).toBeUndefined();
  });
});
