import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "../../schema.js";
import { acquireEmbeddedLock } from "./embedded-lock.js";
import {
  embeddedDatabaseExists,
  migrateEmbeddedInChild,
  type MigratorLog,
} from "./embedded-migration.js";
import { hasPendingMigrations, migratePgliteClient, migratePostgresPool } from "./migrate.js";
import { renderScript } from "./script.js";

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
  /**
   * Runs statements as one transaction in one round trip (see script.ts); the rows of each
   * statement, in order. A failing statement rolls back all of them.
   */
  script(statements: readonly SQL[]): Promise<Record<string, unknown>[][]>;
  /** A real round trip; false when the database does not answer. */
  ping(): Promise<boolean>;
  /**
   * Subscribes to a notification channel (Postgres LISTEN, or in-process on PGlite). On a server,
   * a lost connection is re-established with backoff; `onResubscribe` then runs, because
   * notifications sent while it was down are lost.
   */
  listen(
    channel: string,
    handler: (payload: string) => void,
    options?: { onResubscribe?: () => void },
  ): Promise<() => Promise<void>>;
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
  /** In memory only: start from this dumped data directory (a migrated test template). */
  readonly pgliteSnapshot?: Blob | undefined;
  /**
   * PGlite data directory only: create it and apply pending migrations in a short-lived child
   * process before opening it (embedded-migration.ts), so this process never grows to the size
   * that initdb and migrations leave behind. For the long-running server and the CLI.
   */
  readonly migrateInChild?: MigratorLog | undefined;
  readonly poolSize?: number;
  /**
   * How long (ms) a query waits for a connection, new or pooled, before it fails (server only):
   * in an outage requests are answered 503 after at most this long instead of hanging.
   */
  readonly connectTimeoutMs?: number;
}

/** DATABASE_CONNECT_TIMEOUT_S's default, in ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.url === undefined
    ? openPglite(options.pgliteDir, options.pgliteSnapshot, options.migrateInChild)
    : openPostgres(options.url, {
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      });
}

/** The embedded database of a config: DATA_DIR/pglite. */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, "pglite");
}

/**
 * Opens the data directory, migrated first in a child process when `log` is given: a new
 * directory is never opened here before the child created it; an existing one is, to see
 * whether a migration is pending (a new release), and if so closed, migrated by the child, and
 * reopened (reopening does not add to the memory: measured).
 */
async function openMigratedInChild(dir: string, log: MigratorLog): Promise<PGlite> {
  if (!embeddedDatabaseExists(dir)) await migrateEmbeddedInChild(dir, log);
  const client = await PGlite.create({ dataDir: dir });
  const pending = await hasPendingMigrations(async <T>(text: string) => {
    const result = await client.query<T>(text);
    return result.rows;
  }).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  if (!pending) return client;
  await client.close();
  await migrateEmbeddedInChild(dir, log);
  return PGlite.create({ dataDir: dir });
}

async function openPglite(
  dir: string | undefined,
  snapshot?: Blob,
  migrateInChild?: MigratorLog,
): Promise<Database> {
  const release = dir === undefined ? () => undefined : acquireEmbeddedLock(dir);
  let client: PGlite;
  try {
    client =
      dir === undefined
        ? await PGlite.create(snapshot === undefined ? {} : { loadDataDir: snapshot })
        : migrateInChild === undefined
          ? await PGlite.create({ dataDir: dir })
          : await openMigratedInChild(dir, migrateInChild);
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
    async script(statements) {
      const results = await client.exec(renderScript(statements));
      return results.map((result) => result.rows as Record<string, unknown>[]);
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

async function openPostgres(
  url: string,
  options: { max: number; connectionTimeoutMillis: number },
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, ...options });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const subscriptions = new Set<Subscription>();
  return {
    db,
    kind: "postgres",
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async script(statements) {
      // Without parameters node-postgres uses the simple protocol, which takes several statements.
      const result: unknown = await pool.query(renderScript(statements));
      const results = (Array.isArray(result) ? result : [result]) as pg.QueryResult[];
      return results.map((r) => r.rows as Record<string, unknown>[]);
    },
    async ping() {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    async listen(channel, handler, options = {}) {
      const subscription = await subscribe(url, channel, handler, options.onResubscribe);
      subscriptions.add(subscription);
      return async () => {
        subscriptions.delete(subscription);
        await subscription.close();
      };
    },
    async notify(channel, payload) {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    migrate: () => migratePostgresPool(pool),
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      subscriptions.clear();
      await pool.end();
    },
  };
}

interface Subscription {
  close(): Promise<void>;
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * LISTEN on a connection of its own, outside the pool, that stays open. When it drops (server
 * restart, failover, idle kill) it reconnects with exponential backoff and runs `onResubscribe`.
 */
async function subscribe(
  url: string,
  channel: string,
  handler: (payload: string) => void,
  onResubscribe: (() => void) | undefined,
): Promise<Subscription> {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("error", () => undefined);
    next.on("notification", (message) => {
      if (message.channel === channel) handler(message.payload ?? "");
    });
    next.on("end", () => {
      if (!closed && client === next) reconnect(RECONNECT_MIN_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners("end");
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  };

  const reconnect = (delayMs: number): void => {
    client = undefined;
    retry = setTimeout(() => {
      connect().then(
        () => {
          if (closed) void client?.end();
          else onResubscribe?.();
        },
        () => {
          if (!closed) reconnect(Math.min(delayMs * 2, RECONNECT_MAX_MS));
        },
      );
    }, delayMs);
    retry.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
