import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";

/** The committed drizzle-kit migrations, found from this file whether run from src/ or dist/. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("drizzle/ migrations folder not found");
    dir = parent;
  }
}

export interface CommittedMigration {
  /** e.g. "0009_invite_withdrawn_at". */
  readonly tag: string;
  /** When it was generated (ms): drizzle records it as `created_at` once applied. */
  readonly when: number;
}

/** The committed migrations, oldest first, from drizzle-kit's journal. */
export function committedMigrations(): CommittedMigration[] {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder(), "meta", "_journal.json"), "utf8"),
  ) as { entries: CommittedMigration[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

function newestMigrationMillis(): number {
  return Math.max(0, ...committedMigrations().map((entry) => entry.when));
}

/**
 * Whether a migration is pending, decided as drizzle's migrator decides it (a committed migration
 * newer than the last one recorded), without creating its table, so a read-only look.
 */
export async function hasPendingMigrations(
  query: <T>(text: string) => Promise<T[]>,
): Promise<boolean> {
  const [table] = await query<{ exists: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as exists",
  );
  if (table?.exists !== true) return true;
  const [last] = await query<{ created_at: string | null }>(
    "select max(created_at)::text as created_at from drizzle.__drizzle_migrations",
  );
  return Number(last?.created_at ?? 0) < newestMigrationMillis();
}

// Arbitrary constant shared by every Tollgate instance: one migrator at a time per database.
const MIGRATION_LOCK_KEY = 7_346_201_985;

export async function migratePgliteClient(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() });
}

/** Applies pending migrations under a session advisory lock, so instances starting together queue. */
export async function migratePostgresPool(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
