import { describe, expect, it } from "vitest";
import {
  acceptsInput,
  expectSucceeded,
  runJsonService,
} from "../../../test/support/ai-services.js";
import { demoFreeService, demoResult } from "./demo-free-service.js";

async function echo(message: string) {
  return expectSucceeded(demoResult, await runJsonService(demoFreeService, { message }));
}

describe("demo_free_service", () => {
  it("should echo the message with its length and the SHA-256 of its UTF-8 bytes", async () => {
    expect(await echo("hello")).toEqual({
      message: "hello",
      length: 5,
      checksum: "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    });
  });

  it("should answer the same result for the same message", async () => {
    const message = "Same in, same out.";
    expect(await echo(message)).toEqual(await echo(message));
    expect((await echo(message)).checksum).not.toBe((await echo(`${message} `)).checksum);
  });

  it("should count code points, not UTF-16 units, and hash the UTF-8 bytes", async () => {
    const message = "héllo 👋 日本";
    const result = await echo(message);
    expect(message.length).toBe(11); // 👋 is two UTF-16 units
    expect(result.length).toBe(10);
    expect(Buffer.byteLength(message, "utf8")).toBe(18);
    // sha256 of those 18 bytes, computed outside Node.
    expect(result.checksum).toBe(
      "sha256:ce2e571d76c81c73d52882f76918db1367874b7640388a658f37d7cbf712df69",
    );
    // A combining accent is a code point of its own.
    expect((await echo("e\u0301")).length).toBe(2);
  });

  it("should echo a 10,000-character message whole", async () => {
    const message = "x".repeat(10_000);
    expect(await echo(message)).toMatchObject({ message, length: 10_000 });
  });

  it("should accept messages of 1 to 10,000 code points and refuse anything else", () => {
    const accepts = (input: unknown) => acceptsInput(demoFreeService, input);
    expect(accepts({ message: "a" })).toBe(true);
    expect(accepts({ message: "a".repeat(10_000) })).toBe(true);
    expect(accepts({ message: "👋".repeat(10_000) })).toBe(true); // 20,000 UTF-16 units
    expect(accepts({ message: "" })).toBe(false);
    expect(accepts({ message: "a".repeat(10_001) })).toBe(false);
    expect(accepts({ message: "👋".repeat(10_001) })).toBe(false);
    expect(accepts({})).toBe(false);
    expect(accepts({ message: 42 })).toBe(false);
    expect(accepts({ message: "hi", echo: true })).toBe(false);
    expect(accepts("hi")).toBe(false);
  });
});
