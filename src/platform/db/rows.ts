import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./database.js";

/** Rows of a raw statement; cast dates and bigints in SQL (::text, ::int, ::bigint + Number). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  // Both drivers (node-postgres and PGlite) answer raw statements with `{ rows }`.
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
