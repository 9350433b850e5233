import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where digital-product files live. Keys are made by the storage (random, never a user's file
 * name), so an object store can replace the local directory behind the same three calls.
 */
export interface AssetStorage {
  /** Stores everything `source` yields under a new key; nothing is kept when it fails. */
  put(source: Readable): Promise<{ key: string }>;
  /** The stored bytes; rejects when the key holds nothing. */
  open(key: string): Promise<Readable>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** 32 hex characters: the only shape of key this storage makes or reads. */
const KEY = /^[0-9a-f]{32}$/;

function checkedKey(key: string): string {
  // Keys come from our own table, but a path is never built from an unchecked string.
  if (!KEY.test(key)) throw new Error("not an asset storage key");
  return key;
}

/**
 * Files in `dir` (DATA_DIR/assets). A put writes to a temporary name and renames it when all
 * bytes are on disk, so a key never points at a partial file.
 */
export function createLocalAssetStorage(dir: string): AssetStorage {
  let ready: Promise<unknown> | undefined;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));

  return {
    async put(source) {
      await ensureDir();
      const key = randomBytes(16).toString("hex");
      const partial = join(dir, `${key}.partial`);
      try {
        await pipeline(source, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
        await rename(partial, join(dir, key));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { key };
    },

    async open(key) {
      // Opened before it is returned, so a missing file rejects here instead of mid-reply.
      const handle = await open(join(dir, checkedKey(key)), "r");
      return handle.createReadStream();
    },

    async delete(key) {
      await rm(join(dir, checkedKey(key)), { force: true });
    },
  };
}
