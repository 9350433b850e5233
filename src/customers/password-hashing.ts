import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id is a const enum, which isolatedModules cannot inline; its value is 2.
const ARGON2ID = 2;

/** argon2id PHC string of a password or token (OWASP parameters: 19 MiB, 2 passes). */
export async function hashSecret(secret: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see ARGON2ID
  return hash(secret, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** False for a wrong secret and for a malformed hash (never throws for those). */
export async function verifySecret(hashed: string, secret: string): Promise<boolean> {
  try {
    return await verify(hashed, secret);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first login, so that one is not slower than the rest. */
export function prepareDummyHash(): void {
  dummyHash ??= hashSecret(`dummy-${Math.random().toString(36)}`);
  dummyHash.catch(() => {
    dummyHash = undefined;
  });
}

/**
 * Verifies against a real hash of a random value, so that an unknown email costs as much time as
 * a wrong password (no user enumeration by timing). Always false.
 */
export async function verifyAgainstDummy(secret: string): Promise<false> {
  dummyHash ??= hashSecret(`dummy-${Math.random().toString(36)}`);
  await verifySecret(await dummyHash, secret);
  return false;
}
