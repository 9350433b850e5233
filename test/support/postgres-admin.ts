import type { Database } from "../../src/platform/db/database.js";

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** TEST_DATABASE_URL points at a maintenance database (e.g. /postgres) we may create databases from. */
export function adminUrl(serverUrl: string): string {
  return serverUrl;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(admin: Database, name: string): Promise<void> {
  await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
}
