import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes as base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
