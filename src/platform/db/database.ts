import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "../../schema.js";
import { acquireEmbeddedLock } from "./embedded-lock.js";
import { migratePgliteClient, migratePostgresPool } from "./migrate.js";

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath (PGlite or node-postgres). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What query functions take: the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: "pglite" | "postgres";
  /** Runs a raw statement (migrations, maintenance); rows as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A real round trip; false when the database does not answer. */
  ping(): Promise<boolean>;
  /** Subscribes to a notification channel (Postgres LISTEN, or in-process on PGlite). */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Applies every pending committed migration; safe when several instances start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when unset, PGlite is used. */
  readonly url?: string | undefined;
  /** PGlite data directory; undefined means in memory (tests). */
  readonly pgliteDir?: string | undefined;
  readonly poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.url === undefined
    ? openPglite(options.pgliteDir)
    : openPostgres(options.url, options.poolSize ?? 10);
}

/** The embedded database of a config: DATA_DIR/pglite. */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, "pglite");
}

async function openPglite(dir: string | undefined): Promise<Database> {
  const release = dir === undefined ? () => undefined : acquireEmbeddedLock(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(dir === undefined ? {} : { dataDir: dir });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    async listen(channel, handler) {
      const unsubscribe = await client.listen(channel, handler);
      return unsubscribe;
    },
    async notify(channel, payload) {
      await client.query("select pg_notify($1, $2)", [channel, payload]);
    },
    migrate: () => migratePgliteClient(client),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners: pg.Client[] = [];
  return {
    db,
    kind: "postgres",
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async ping() {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    async listen(channel, handler) {
      // LISTEN needs a connection of its own that stays open, outside the pool.
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => undefined);
      await client.connect();
      client.on("notification", (message) => {
        if (message.channel === channel) handler(message.payload ?? "");
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end();
      };
    },
    async notify(channel, payload) {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    migrate: () => migratePostgresPool(pool),
    async close() {
      await Promise.all(listeners.splice(0).map((client) => client.end()));
      await pool.end();
    },
  };
}
